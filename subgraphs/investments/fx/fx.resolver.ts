import { Arg, Ctx, Directive, Mutation, Query, Resolver } from "type-graphql";

import { type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import { calendarDate, utcDay } from "../../../platform/time/index.js";
import type { MarketDataDeps } from "../market-data.deps.js";
import { SetFxRatesInput } from "./fx.inputs.js";
import { FxRate } from "./fx.type.js";

@Resolver(() => FxRate)
export class FxRateResolver {
  constructor(private readonly deps: MarketDataDeps) {}

  @Directive(scopes("investments:read"))
  @Query(() => FxRate, {
    nullable: true,
    description:
      "The latest base→quote rate on or before `on` (default: today, UTC), yours before the shared one, inverted when only quote→base is known; null when there is none.",
  })
  async fxRate(
    @Ctx() context: RequestContext,
    @Arg("base", () => String) base: string,
    @Arg("quote", () => String) quote: string,
    @Arg("on", () => String, { nullable: true, description: "YYYY-MM-DD." }) on: string | null | undefined,
  ): Promise<FxRate | null> {
    const day = on === null || on === undefined ? utcDay(this.deps.clock.now()) : calendarDate(on, "on");
    const rate = await this.deps.fx.fxOn(requireUserId(context), base, quote, day);
    return rate ? FxRate.from(rate) : null;
  }

  @Directive(scopes("investments:write"))
  @Mutation(() => [FxRate], {
    description:
      "Stores your own rates per day (replacing yours for those days), used to value holdings in other currencies. All or nothing.",
  })
  async setFxRates(@Ctx() context: RequestContext, @Arg("input", () => SetFxRatesInput) input: SetFxRatesInput): Promise<FxRate[]> {
    return (await this.deps.fx.setRates(requireUserId(context), input.rates)).map(FxRate.from);
  }
}
