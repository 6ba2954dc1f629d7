import { Arg, Ctx, Directive, ID, Int, Query, registerEnumType, Resolver } from "type-graphql";

import { badInput } from "../../../platform/errors/index.js";
import { type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import { money, MoneyType } from "../../../platform/money/index.js";
import type { InsightsDeps } from "../insights.deps.js";
import { seriesDays, SeriesInterval } from "../networth/series-days.js";
import {
  CategoryBreakdown,
  DateRangeInput,
  MonthlyTrend,
  NetWorthHistory,
  PayeeTotal,
  PeriodComparison,
  SavingsRate,
  SeriesPoint,
} from "./analytics.type.js";
import { compare, percentOf, savingsRate } from "./comparison.js";
import { checkedRange, type DateRange, monthRange, previousRange } from "./date-range.js";

export enum MonthComparison {
  PREVIOUS_MONTH = "PREVIOUS_MONTH",
  SAME_MONTH_LAST_YEAR = "SAME_MONTH_LAST_YEAR",
}
registerEnumType(MonthComparison, { name: "MonthComparison", description: "Month over month, or year over year." });

const MAX_PAYEES = 100;

@Resolver()
export class AnalyticsResolver {
  constructor(private readonly deps: InsightsDeps) {}

  @Directive(scopes("insights:read"))
  @Query(() => CategoryBreakdown, { description: "Money spent per category over a range, in your base currency." })
  async spendingByCategory(
    @Ctx() context: RequestContext,
    @Arg("range", () => DateRangeInput) range: DateRangeInput,
    @Arg("rollUp", () => Boolean, { defaultValue: true, description: "Fold subcategories into their parent." }) rollUp: boolean,
  ): Promise<CategoryBreakdown> {
    return CategoryBreakdown.from(
      await this.deps.analytics.byCategory(requireUserId(context), checkedRange(range), "EXPENSE", rollUp),
      percentOf,
    );
  }

  @Directive(scopes("insights:read"))
  @Query(() => CategoryBreakdown, { description: "Money received per category over a range, in your base currency." })
  async incomeByCategory(
    @Ctx() context: RequestContext,
    @Arg("range", () => DateRangeInput) range: DateRangeInput,
    @Arg("rollUp", () => Boolean, { defaultValue: true }) rollUp: boolean,
  ): Promise<CategoryBreakdown> {
    return CategoryBreakdown.from(
      await this.deps.analytics.byCategory(requireUserId(context), checkedRange(range), "INCOME", rollUp),
      percentOf,
    );
  }

  @Directive(scopes("insights:read"))
  @Query(() => [PayeeTotal], { description: "Where the money went over a range, biggest payee first (1 to 100)." })
  async spendingByPayee(
    @Ctx() context: RequestContext,
    @Arg("range", () => DateRangeInput) range: DateRangeInput,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
  ): Promise<PayeeTotal[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAYEES)
      throw badInput(`first must be between 1 and ${MAX_PAYEES}`, { field: "first" });
    const { currency, items } = await this.deps.analytics.byPayee(requireUserId(context), checkedRange(range), "EXPENSE", first);
    return items.map((p) => PayeeTotal.from(p, currency));
  }

  @Directive(scopes("insights:read"))
  @Query(() => MonthlyTrend, {
    description: "Income, spending and net per month from `from` to `to` (YYYY-MM, at most 120 months), optionally for some categories.",
  })
  async monthlyTrend(
    @Ctx() context: RequestContext,
    @Arg("from", () => String) from: string,
    @Arg("to", () => String) to: string,
    @Arg("categoryIds", () => [ID], { nullable: true }) categoryIds: string[] | null,
  ): Promise<MonthlyTrend> {
    const { currency, months } = await this.deps.analytics.monthly(requireUserId(context), from, to, categoryIds ?? undefined);
    const point = (month: string, minor: bigint) => SeriesPoint.of(`${month}-01`, minor, currency);
    return Object.assign(new MonthlyTrend(), {
      currency,
      income: months.map((m) => point(m.month, m.incomeMinor)),
      spending: months.map((m) => point(m.month, m.spendingMinor)),
      net: months.map((m) => point(m.month, m.incomeMinor - m.spendingMinor)),
    });
  }

  @Directive(scopes("insights:read"))
  @Query(() => PeriodComparison, {
    description: "Spending in a period against another (by default the one of the same length just before).",
  })
  async comparePeriods(
    @Ctx() context: RequestContext,
    @Arg("current", () => DateRangeInput) current: DateRangeInput,
    @Arg("previous", () => DateRangeInput, { nullable: true }) previous: DateRangeInput | null,
  ): Promise<PeriodComparison> {
    const a = checkedRange(current, "current");
    return this.comparison(requireUserId(context), a, previous ? checkedRange(previous, "previous") : previousRange(a));
  }

  @Directive(scopes("insights:read"))
  @Query(() => PeriodComparison, { description: "A month's spending against the month before, or the same month a year before." })
  async compareMonths(
    @Ctx() context: RequestContext,
    @Arg("month", () => String, { description: "YYYY-MM" }) month: string,
    @Arg("against", () => MonthComparison, { defaultValue: MonthComparison.PREVIOUS_MONTH }) against: MonthComparison,
  ): Promise<PeriodComparison> {
    const current = monthRange(month);
    const [y, m] = month.split("-").map(Number) as [number, number];
    const other =
      against === MonthComparison.SAME_MONTH_LAST_YEAR
        ? `${String(y - 1).padStart(4, "0")}-${String(m).padStart(2, "0")}`
        : m === 1
          ? `${String(y - 1).padStart(4, "0")}-12`
          : `${String(y).padStart(4, "0")}-${String(m - 1).padStart(2, "0")}`;
    return this.comparison(requireUserId(context), current, monthRange(other));
  }

  @Directive(scopes("insights:read"))
  @Query(() => SavingsRate, { description: "Income, spending and what was saved over a range." })
  async savingsRate(@Ctx() context: RequestContext, @Arg("range", () => DateRangeInput) range: DateRangeInput): Promise<SavingsRate> {
    const userId = requireUserId(context);
    const r = checkedRange(range);
    const income = await this.deps.analytics.byCategory(userId, r, "INCOME", true);
    const spending = await this.deps.analytics.byCategory(userId, r, "EXPENSE", true);
    const { savedMinor, ratePercent } = savingsRate(income.totalMinor, spending.totalMinor);
    const m = (minor: bigint) => MoneyType.from(money(minor, income.currency));
    return Object.assign(new SavingsRate(), {
      income: m(income.totalMinor),
      spending: m(spending.totalMinor),
      saved: m(savedMinor),
      ratePercent,
    });
  }

  @Directive(scopes("insights:read"))
  @Query(() => NetWorthHistory, {
    description:
      "Net worth over time from your ledger balances, loans and investments: at the end of each day, week or month from `from` to `to` (at most 400 points).",
  })
  async netWorthHistory(
    @Ctx() context: RequestContext,
    @Arg("range", () => DateRangeInput) range: DateRangeInput,
    @Arg("interval", () => SeriesInterval, { defaultValue: SeriesInterval.MONTH }) interval: SeriesInterval,
  ): Promise<NetWorthHistory> {
    const days = seriesDays(checkedRange(range), interval);
    const { currency, points, leftOut } = await this.deps.netWorth.onDays(requireUserId(context), days);
    return Object.assign(new NetWorthHistory(), {
      currency,
      netWorth: points.map((p) => SeriesPoint.of(p.date, p.netWorthMinor, currency)),
      assets: points.map((p) => SeriesPoint.of(p.date, p.assetsMinor, currency)),
      liabilities: points.map((p) => SeriesPoint.of(p.date, p.liabilitiesMinor, currency)),
      investments: points.map((p) => SeriesPoint.of(p.date, p.investmentsMinor, currency)),
      leftOut,
    });
  }

  private async comparison(userId: string, current: DateRange, previous: DateRange): Promise<PeriodComparison> {
    const a = await this.deps.analytics.byCategory(userId, current, "EXPENSE", true);
    const b = await this.deps.analytics.byCategory(userId, previous, "EXPENSE", true);
    return PeriodComparison.from(compare(a, b), a.currency, current, previous);
  }
}
