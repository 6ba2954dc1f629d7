import { Arg, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from "type-graphql";

import { type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import { calendarDate, utcDay } from "../../../platform/time/index.js";
import type { MarketDataDeps } from "../market-data.deps.js";
import { Security } from "../securities/security.type.js";
import { SetPricesInput } from "./price.inputs.js";
import { PriceImport, SecurityPrice } from "./price.type.js";
import { dateRange } from "./price-dates.js";

/** Longest range `Security.prices` reads at once (about ten years). */
export const MAX_PRICE_RANGE_DAYS = 3_700;

@Resolver(() => SecurityPrice)
export class PriceResolver {
  constructor(private readonly deps: MarketDataDeps) {}

  @Directive(scopes("investments:write"))
  @Mutation(() => [SecurityPrice], {
    description:
      "Stores your own closes (replacing yours for those days; you alone see them, and they win over the feed's on their day). All or nothing: an unknown symbol is BAD_USER_INPUT on prices[i].symbol.",
  })
  async setPrices(@Ctx() context: RequestContext, @Arg("input", () => SetPricesInput) input: SetPricesInput): Promise<SecurityPrice[]> {
    const stored = await this.deps.prices.setPrices(requireUserId(context), input.prices, context.traceId);
    return stored.map((p) => SecurityPrice.from(p.securityId, p));
  }

  @Directive(scopes("investments:write"))
  @Mutation(() => PriceImport, {
    description:
      "CSV with a header naming symbol, date, close and optionally currency (empty: the security's); at most 10,000 rows. Good rows are stored as yours, bad rows reported by line.",
  })
  async importPrices(@Ctx() context: RequestContext, @Arg("csv", () => String) csv: string): Promise<PriceImport> {
    return this.deps.prices.importPrices(requireUserId(context), csv, context.traceId);
  }

  @FieldResolver(() => Security)
  async security(@Root() price: SecurityPrice, @Ctx() context: RequestContext): Promise<Security> {
    const security = await context.loaders.get(this.deps.loaders.security).load(price.securityId);
    // Prices are only ever read for securities the caller sees.
    return Security.from(security!);
  }
}

@Resolver(() => Security)
export class SecurityPriceResolver {
  constructor(private readonly deps: MarketDataDeps) {}

  @FieldResolver(() => SecurityPrice, {
    nullable: true,
    description:
      "The latest close on or before `on` (default: today, UTC): its `date` says how old it is. null when there is none: a missing price is never guessed.",
  })
  async price(
    @Root() security: Security,
    @Ctx() context: RequestContext,
    @Arg("on", () => String, { nullable: true, description: "YYYY-MM-DD." }) on: string | null | undefined,
  ): Promise<SecurityPrice | null> {
    const day = on === null || on === undefined ? utcDay(this.deps.clock.now()) : calendarDate(on, "on");
    const price = await context.loaders.get(this.deps.loaders.priceOn).load(`${security.id}|${day}`);
    return price ? SecurityPrice.from(security.id, { ...price, date: price.priceDate }) : null;
  }

  @FieldResolver(() => [SecurityPrice], {
    description: `Each day's close from \`from\` to \`to\` (YYYY-MM-DD, inclusive, at most ${MAX_PRICE_RANGE_DAYS} days), oldest first; yours win over the feed's.`,
  })
  async prices(
    @Root() security: Security,
    @Ctx() context: RequestContext,
    @Arg("from", () => String) from: string,
    @Arg("to", () => String) to: string,
  ): Promise<SecurityPrice[]> {
    const range = dateRange(from, to, MAX_PRICE_RANGE_DAYS);
    const series = await context.loaders.get(this.deps.loaders.pricesBetween).load(`${security.id}|${range.from}|${range.to}`);
    if (!series) return [];
    return series.dates.map((date, i) =>
      SecurityPrice.from(security.id, { date, closeMinor: series.closesMinor[i]!, currency: series.currency, source: series.sources[i]! }),
    );
  }
}
