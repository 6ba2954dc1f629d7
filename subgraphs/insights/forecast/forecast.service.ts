import { badInput } from "../../../platform/errors/index.js";
import { addDays } from "../../../platform/time/index.js";
import { occurrencesBetween } from "../../../platform/time/recurrence/index.js";
import { merchantKey } from "../categorizer/payee-tokens.js";
import type { LoanStore, UpcomingInstallments } from "../loans/loan.store.js";
import type { NetWorthService } from "../networth/net-worth.service.js";
import type { ScheduleStore } from "../schedules/schedule.store.js";
import type { UserSettingsStore } from "../settings/user-settings.store.js";
import type { TransactionStore } from "../transactions/transaction.store.js";
import {
  averageByWeekday,
  type CashflowProjection,
  type CurrencyFlow,
  DEFAULT_AVERAGE_WEEKS,
  type ForecastAccount,
  MAX_FORECAST_DAYS,
  projectCashflow,
  type ScheduledFlow,
  type WeekdayAverageDetail,
} from "./index.js";

/** Accounts below zero by nature: projected like the others, never warned about. */
const NEGATIVE_BY_NATURE = new Set(["CREDIT_CARD", "LOAN"]);

export interface Forecast {
  /** The user's own day the projection starts after. */
  today: string;
  projection: CashflowProjection;
  /** Each account's average discretionary spending per weekday, with the totals it comes from. */
  averages: WeekdayAverageDetail[];
  /** Accounts projected but never warned about (credit cards, loans). */
  unwarned: ReadonlySet<string>;
  /** Loans whose installments count in their currency's total only: no open account is known for their payments. */
  unplacedLoans: Array<{ name: string; currency: string }>;
}

/**
 * The cash-flow projection from insights' read models: each open account's balance at the end of
 * the user's today, the ledger's schedules expanded over the days ahead, and what each account
 * usually spends per weekday beyond them (the last 12 weeks of expenses, those at a scheduled
 * payee or booked for a loan payment left out so they are not counted twice), and each open
 * loan's unpaid installments on their due dates as lending last listed them: out for a loan
 * borrowed, in for one lent, on the account its latest payment went through, or in the
 * currency's total only when none is known (or it is closed). A ledger schedule the user made
 * for the same payments would count them twice: insights cannot tell the two apart.
 */
export class ForecastService {
  constructor(
    private readonly settings: UserSettingsStore,
    private readonly netWorth: NetWorthService,
    private readonly schedules: ScheduleStore,
    private readonly transactions: TransactionStore,
    private readonly loans: LoanStore,
  ) {}

  async project(userId: string, days: number): Promise<Forecast> {
    if (!Number.isInteger(days) || days < 1 || days > MAX_FORECAST_DAYS) {
      throw badInput(`days must be a whole number from 1 to ${MAX_FORECAST_DAYS}`, { field: "days" });
    }
    const today = await this.settings.today(userId);
    const open = (await this.netWorth.balancesOn(userId, today)).filter((b) => !b.account.archived);
    const accounts = open.map(({ account, balanceMinor }): ForecastAccount => ({
      accountId: account.id,
      name: account.name,
      currency: account.currency,
      balanceMinor,
      warnBelowZero: !NEGATIVE_BY_NATURE.has(account.type),
    }));

    const schedules = await this.schedules.list(userId);
    const scheduled = schedules.flatMap((s) =>
      occurrencesBetween(s.rule, addDays(today, 1), addDays(today, days)).map((date): ScheduledFlow => ({
        accountId: s.accountId,
        date,
        amountMinor: s.amountMinor,
        source: "SCHEDULE",
        label: s.payee,
      })),
    );

    const loans = await this.loans.upcoming(userId);
    const { placed, unassigned, unplacedLoans } = loanInstallments(loans, accounts);
    scheduled.push(...placed);

    // The ledger books a loan payment under "Loan payment: <name>" (lending's posting description).
    const payees = [...schedules.map((s) => s.payee), ...loans.map((l) => `Loan payment: ${l.name}`)];
    const scheduledMerchants = new Set(payees.map(merchantKey).filter((key) => key !== ""));
    const recent = await this.transactions.between(userId, addDays(today, -7 * DEFAULT_AVERAGE_WEEKS), addDays(today, -1));
    const averages = averageByWeekday(
      recent.filter((t) => t.kind === "EXPENSE"),
      today,
      { isScheduled: (t) => scheduledMerchants.has(t.merchantKey) },
    );

    const projection = projectCashflow({ today, days, accounts, scheduled, discretionary: averages, unassigned });
    const unwarned = new Set(accounts.filter((a) => a.warnBelowZero === false).map((a) => a.accountId));
    return { today, projection, averages, unwarned, unplacedLoans };
  }
}

/** Each installment as a flow: on the loan's payment account when it is open and in the loan's currency, else in the total only. */
function loanInstallments(loans: readonly UpcomingInstallments[], accounts: readonly ForecastAccount[]) {
  const placed: ScheduledFlow[] = [];
  const unassigned: CurrencyFlow[] = [];
  const unplacedLoans: Forecast["unplacedLoans"] = [];
  for (const loan of loans) {
    const account = accounts.find((a) => a.accountId === loan.accountId && a.currency === loan.currency);
    if (!account && loan.installments.length > 0) unplacedLoans.push({ name: loan.name, currency: loan.currency });
    for (const installment of loan.installments) {
      const flow = {
        date: installment.dueDate,
        amountMinor: loan.direction === "BORROWED" ? -installment.amountMinor : installment.amountMinor,
        source: "LOAN_INSTALLMENT" as const,
        label: `${loan.name}: installment ${installment.number}`,
      };
      if (account) placed.push({ ...flow, accountId: account.accountId });
      else unassigned.push({ ...flow, currency: loan.currency });
    }
  }
  return { placed, unassigned, unplacedLoans };
}
