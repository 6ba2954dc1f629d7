import { badInput } from "../../../platform/errors/index.js";
import { addDays } from "../../../platform/time/index.js";
import { occurrencesBetween } from "../../../platform/time/recurrence/index.js";
import { merchantKey } from "../categorizer/payee-tokens.js";
import type { NetWorthService } from "../networth/net-worth.service.js";
import type { ScheduleStore } from "../schedules/schedule.store.js";
import type { UserSettingsStore } from "../settings/user-settings.store.js";
import type { TransactionStore } from "../transactions/transaction.store.js";
import {
  averageByWeekday,
  type CashflowProjection,
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
}

/**
 * The cash-flow projection from insights' read models: each open account's balance at the end of
 * the user's today, the ledger's schedules expanded over the days ahead, and what each account
 * usually spends per weekday beyond them (the last 12 weeks of expenses, those at a scheduled
 * payee left out so they are not counted twice). Loan installments are not in lending's events,
 * so they are not projected.
 */
export class ForecastService {
  constructor(
    private readonly settings: UserSettingsStore,
    private readonly netWorth: NetWorthService,
    private readonly schedules: ScheduleStore,
    private readonly transactions: TransactionStore,
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

    const scheduledMerchants = new Set(schedules.map((s) => merchantKey(s.payee)).filter((key) => key !== ""));
    const recent = await this.transactions.between(userId, addDays(today, -7 * DEFAULT_AVERAGE_WEEKS), addDays(today, -1));
    const averages = averageByWeekday(
      recent.filter((t) => t.kind === "EXPENSE"),
      today,
      { isScheduled: (t) => scheduledMerchants.has(t.merchantKey) },
    );

    const projection = projectCashflow({ today, days, accounts, scheduled, discretionary: averages });
    const unwarned = new Set(accounts.filter((a) => a.warnBelowZero === false).map((a) => a.accountId));
    return { today, projection, averages, unwarned };
  }
}
