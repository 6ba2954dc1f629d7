import { Arg, Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";

import { type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import { MoneyType } from "../../../platform/money/index.js";
import { todayFor } from "../holdings/holding.resolver.js";
import type { InvestmentsDeps } from "../investments.deps.js";
import { bookOf } from "../portfolios/portfolio.resolver.js";
import { Portfolio } from "../portfolios/portfolio.type.js";
import { Security } from "../securities/security.type.js";
import { checkedPeriod } from "./valuation.service.js";
import { AllocationDimension, AllocationSlice, PortfolioPerformance, PortfolioValuePoint, ValueInterval } from "./valuation.type.js";

@Resolver(() => Portfolio)
export class PortfolioValuationResolver {
  constructor(private readonly deps: InvestmentsDeps) {}

  @Directive(scopes("investments:read"))
  // Nullable so that a missing price or rate fails this field alone, not the whole portfolio.
  @FieldResolver(() => MoneyType, {
    nullable: true,
    description:
      "Holdings at the latest close on or before today, plus cash, in the portfolio's currency. Null with PRICE_MISSING or EXCHANGE_RATE_MISSING rather than a guess.",
  })
  async value(@Root() portfolio: Portfolio, @Ctx() context: RequestContext): Promise<MoneyType> {
    const book = await bookOf(this.deps, context, portfolio.id);
    const today = await todayFor(this.deps, context);
    return MoneyType.from({
      amountMinor: await this.deps.valuation.valueOn(requireUserId(context), book, today),
      currency: portfolio.currency,
    });
  }

  @Directive(scopes("investments:read"))
  @FieldResolver(() => PortfolioPerformance, {
    nullable: true,
    description:
      "Returns and their parts over from..to (inclusive, not after today). Null with PRICE_MISSING or EXCHANGE_RATE_MISSING when a value the returns need (at either end or on a flow's day) cannot be known.",
  })
  async performance(
    @Root() portfolio: Portfolio,
    @Ctx() context: RequestContext,
    @Arg("from", () => String, { description: "YYYY-MM-DD." }) from: string,
    @Arg("to", () => String, { description: "YYYY-MM-DD." }) to: string,
  ): Promise<PortfolioPerformance> {
    const book = await bookOf(this.deps, context, portfolio.id);
    const period = checkedPeriod(from, to, await todayFor(this.deps, context));
    const f = await this.deps.valuation.performance(requireUserId(context), book, period);
    const money = (amountMinor: bigint) => MoneyType.from({ amountMinor, currency: f.currency });
    return Object.assign(new PortfolioPerformance(), {
      from: f.from,
      to: f.to,
      timeWeightedReturn: f.timeWeightedReturn,
      moneyWeightedReturn: f.moneyWeightedReturn,
      startValue: money(f.startValueMinor),
      endValue: money(f.endValueMinor),
      netContributions: money(f.netContributionsMinor),
      gain: money(f.gainMinor),
      dividends: money(f.dividendsMinor),
      fees: money(f.feesMinor),
    });
  }

  @Directive(scopes("investments:read"))
  @FieldResolver(() => [PortfolioValuePoint], {
    description: "The value at the end of `from`, of every interval after it, and of `to` (at most 3,660 points), for charts.",
  })
  async valueHistory(
    @Root() portfolio: Portfolio,
    @Ctx() context: RequestContext,
    @Arg("from", () => String, { description: "YYYY-MM-DD." }) from: string,
    @Arg("to", () => String, { description: "YYYY-MM-DD, not after today." }) to: string,
    @Arg("interval", () => ValueInterval, { defaultValue: ValueInterval.DAY }) interval: ValueInterval,
  ): Promise<PortfolioValuePoint[]> {
    const book = await bookOf(this.deps, context, portfolio.id);
    const period = checkedPeriod(from, to, await todayFor(this.deps, context));
    const points = await this.deps.valuation.history(requireUserId(context), book, period, interval);
    const money = (amountMinor: bigint | null) =>
      amountMinor === null ? null : MoneyType.from({ amountMinor, currency: portfolio.currency });
    return points.map((p) =>
      Object.assign(new PortfolioValuePoint(), {
        date: p.date,
        value: money(p.valueMinor),
        netContributions: money(p.netContributionsMinor),
        missingPrice: null,
        missingSecurityId: p.gap && "securityId" in p.gap ? p.gap.securityId : null,
        missingRate: p.gap && "currency" in p.gap ? p.gap.currency : null,
      }),
    );
  }

  @Directive(scopes("investments:read"))
  @FieldResolver(() => [AllocationSlice], {
    nullable: true,
    description:
      "Today's value by security, kind or currency, in the portfolio's currency, largest first; cash is its own slice. Null with PRICE_MISSING or EXCHANGE_RATE_MISSING rather than a guess.",
  })
  async allocation(
    @Root() portfolio: Portfolio,
    @Ctx() context: RequestContext,
    @Arg("by", () => AllocationDimension) by: AllocationDimension,
  ): Promise<AllocationSlice[]> {
    const book = await bookOf(this.deps, context, portfolio.id);
    const today = await todayFor(this.deps, context);
    const slices = await this.deps.allocation.allocation(requireUserId(context), book, by, today);
    return slices.map((s) =>
      Object.assign(new AllocationSlice(), {
        key: s.key,
        label: s.label,
        value: MoneyType.from({ amountMinor: s.valueMinor, currency: portfolio.currency }),
        percent: s.percent,
      }),
    );
  }
}

@Resolver(() => PortfolioValuePoint)
export class PortfolioValuePointResolver {
  constructor(private readonly deps: InvestmentsDeps) {}

  @FieldResolver(() => Security, { nullable: true, description: "The held security without a close on or before the day." })
  async missingPrice(@Root() point: PortfolioValuePoint, @Ctx() context: RequestContext): Promise<Security | null> {
    if (point.missingSecurityId === null) return null;
    const security = await context.loaders.get(this.deps.loaders.security).load(point.missingSecurityId);
    return security ? Security.from(security) : null;
  }
}
