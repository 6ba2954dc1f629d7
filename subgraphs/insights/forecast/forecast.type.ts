import { Field, ID, Int, ObjectType } from "type-graphql";

import { money, MoneyType } from "../../../platform/money/index.js";
import { SeriesPoint } from "../analytics/analytics.type.js";
import type { Forecast } from "./forecast.service.js";
import { belowZeroPeriods, type DateSpan, type LowestBalance, type ProjectedDay, type WeekdayAverageDetail } from "./index.js";

@ObjectType("ProjectedBalance", { description: "A projected closing balance on a day." })
export class ProjectedBalance {
  @Field(() => String)
  date!: string;

  @Field(() => MoneyType)
  balance!: MoneyType;

  static of(lowest: LowestBalance, currency: string): ProjectedBalance {
    return Object.assign(new ProjectedBalance(), { date: lowest.date, balance: MoneyType.from(money(lowest.balanceMinor, currency)) });
  }
}

@ObjectType("DaySpan", { description: "Consecutive days, both included." })
export class DaySpan {
  @Field(() => String)
  from!: string;

  @Field(() => String)
  to!: string;

  static of(span: DateSpan): DaySpan {
    return Object.assign(new DaySpan(), { from: span.from, to: span.to });
  }
}

@ObjectType("ForecastFlow", { description: "A scheduled transaction's occurrence or a loan installment the projection counts." })
export class ForecastFlow {
  @Field(() => String)
  date!: string;

  @Field(() => MoneyType, { description: "Signed like a transaction: money out negative." })
  amount!: MoneyType;

  @Field(() => String, { description: "The schedule's payee, or the loan's name and the installment's number." })
  label!: string;

  @Field(() => String, { description: "SCHEDULE (the ledger's recurring transactions) or LOAN_INSTALLMENT (lending's schedule)." })
  source!: string;

  static of(flow: { date: string; amountMinor: bigint; label: string; source: string }, currency: string): ForecastFlow {
    return Object.assign(new ForecastFlow(), {
      date: flow.date,
      amount: MoneyType.from(money(flow.amountMinor, currency)),
      label: flow.label,
      source: flow.source,
    });
  }
}

@ObjectType("WeekdaySpending", {
  description: "What an account usually spends on a weekday beyond its schedules, and where that comes from.",
})
export class WeekdaySpending {
  @Field(() => Int, { description: "1 = Monday .. 7 = Sunday." })
  weekday!: number;

  @Field(() => MoneyType, { description: "Added to each such day of the projection: total / weeks, money out negative." })
  average!: MoneyType;

  @Field(() => MoneyType, { description: "Everything spent on that weekday over the weeks looked back on." })
  total!: MoneyType;

  @Field(() => Int)
  expenses!: number;

  @Field(() => Int, { description: "Weeks looked back on (that weekday's count in the window)." })
  weeks!: number;
}

@ObjectType("AccountForecast", { description: "One account's projected closing balance for each day ahead." })
export class AccountForecast {
  @Field(() => ID)
  accountId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  currency!: string;

  @Field(() => MoneyType, { description: "The balance at the end of your today." })
  startingBalance!: MoneyType;

  @Field(() => ProjectedBalance, { description: "The lowest projected closing balance; the earliest day when several are as low." })
  lowest!: ProjectedBalance;

  @Field(() => [SeriesPoint], { description: "Ready to plot: the closing balance of each day from tomorrow on." })
  series!: SeriesPoint[];

  @Field(() => [DaySpan], { description: "Every run of days projected below zero." })
  belowZero!: DaySpan[];

  @Field(() => Boolean, { description: "False for credit cards and loan accounts: below zero by nature, never warned about." })
  warnsBelowZero!: boolean;

  @Field(() => [ForecastFlow])
  scheduled!: ForecastFlow[];

  @Field(() => [WeekdaySpending], { description: "Empty when the account spent nothing in the weeks looked back on." })
  weekdaySpending!: WeekdaySpending[];
}

@ObjectType("CurrencyForecast", { description: "The accounts of one currency added up; currencies are never added together." })
export class CurrencyForecast {
  @Field(() => String)
  currency!: string;

  @Field(() => MoneyType)
  startingBalance!: MoneyType;

  @Field(() => ProjectedBalance)
  lowest!: ProjectedBalance;

  @Field(() => [SeriesPoint])
  series!: SeriesPoint[];

  @Field(() => [DaySpan])
  belowZero!: DaySpan[];

  @Field(() => [ForecastFlow], {
    description: "Loan installments counted in this total only, in no account: no open account is known for the loan's payments.",
  })
  unassigned!: ForecastFlow[];
}

@ObjectType("NegativeBalanceWarning", { description: "An account projected below zero: when it first goes, how low, and for how long." })
export class NegativeBalanceWarning {
  @Field(() => ID)
  accountId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  currency!: string;

  @Field(() => String)
  firstDate!: string;

  @Field(() => ProjectedBalance)
  lowest!: ProjectedBalance;

  @Field(() => Int)
  daysBelowZero!: number;

  @Field(() => [DaySpan])
  periods!: DaySpan[];
}

@ObjectType("CashflowForecast", {
  description: "Projected closing balances per account and per currency, ready to plot, with the days below zero.",
})
export class CashflowForecast {
  @Field(() => String, { description: "Your own day; the projection starts the day after." })
  today!: string;

  @Field(() => String)
  from!: string;

  @Field(() => String)
  to!: string;

  @Field(() => [AccountForecast], { description: "Open accounts, by name." })
  accounts!: AccountForecast[];

  @Field(() => [CurrencyForecast], { description: "One per currency." })
  totals!: CurrencyForecast[];

  @Field(() => [NegativeBalanceWarning], { description: "By first day below zero." })
  warnings!: NegativeBalanceWarning[];

  @Field(() => [String], { description: "What the projection could not place exactly, in plain words." })
  notes!: string[];

  static from({ today, projection, averages, unwarned, unplacedLoans }: Forecast): CashflowForecast {
    const m = (minor: bigint, currency: string) => MoneyType.from(money(minor, currency));
    const series = (days: readonly ProjectedDay[], currency: string) => days.map((d) => SeriesPoint.of(d.date, d.balanceMinor, currency));
    const spending = (accountId: string, currency: string) =>
      averages
        .filter((a) => a.accountId === accountId)
        .map((a: WeekdayAverageDetail) =>
          Object.assign(new WeekdaySpending(), {
            weekday: a.weekday === 0 ? 7 : a.weekday,
            average: m(a.averageMinor, currency),
            total: m(a.totalMinor, currency),
            expenses: a.items,
            weeks: a.days,
          }),
        )
        .sort((a, b) => a.weekday - b.weekday);
    return Object.assign(new CashflowForecast(), {
      today,
      from: projection.from,
      to: projection.to,
      accounts: projection.accounts.map((a) =>
        Object.assign(new AccountForecast(), {
          accountId: a.accountId,
          name: a.name,
          currency: a.currency,
          startingBalance: m(a.startingBalanceMinor, a.currency),
          lowest: ProjectedBalance.of(a.lowest, a.currency),
          series: series(a.series, a.currency),
          belowZero: belowZeroPeriods(a.series).map(DaySpan.of),
          warnsBelowZero: !unwarned.has(a.accountId),
          scheduled: a.flows.map((f) => ForecastFlow.of(f, a.currency)),
          weekdaySpending: spending(a.accountId, a.currency),
        }),
      ),
      totals: projection.totals.map((t) =>
        Object.assign(new CurrencyForecast(), {
          currency: t.currency,
          startingBalance: m(t.startingBalanceMinor, t.currency),
          lowest: ProjectedBalance.of(t.lowest, t.currency),
          series: series(t.series, t.currency),
          belowZero: belowZeroPeriods(t.series).map(DaySpan.of),
          unassigned: t.unassigned.map((f) => ForecastFlow.of(f, t.currency)),
        }),
      ),
      notes: unplacedLoans.map(
        (l) => `${l.name}: no open account is known for its payments, so its installments count in the ${l.currency} total only.`,
      ),
      warnings: projection.warnings.map((w) =>
        Object.assign(new NegativeBalanceWarning(), {
          accountId: w.accountId,
          name: w.name,
          currency: w.currency,
          firstDate: w.firstDate,
          lowest: ProjectedBalance.of(w.lowest, w.currency),
          daysBelowZero: w.daysBelowZero,
          periods: w.periods.map(DaySpan.of),
        }),
      ),
    });
  }
}
