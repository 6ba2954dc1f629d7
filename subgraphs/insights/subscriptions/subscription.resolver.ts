import { Arg, Ctx, Directive, Query, Resolver } from "type-graphql";

import { type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import type { InsightsDeps } from "../insights.deps.js";
import { DetectedSubscription } from "./subscription.type.js";

@Resolver()
export class SubscriptionResolver {
  constructor(private readonly deps: InsightsDeps) {}

  @Directive(scopes("insights:read"))
  @Query(() => [DetectedSubscription], { description: "Recurring charges found in your last two years, the costliest a year first." })
  async subscriptions(
    @Ctx() context: RequestContext,
    @Arg("includeIncome", () => Boolean, { defaultValue: false, description: "Also recurring income (a salary)." }) includeIncome: boolean,
    @Arg("includeInactive", () => Boolean, { defaultValue: false, description: "Also series that have stopped." }) includeInactive: boolean,
  ): Promise<DetectedSubscription[]> {
    const { currency, series } = await this.deps.subscriptions.detect(requireUserId(context));
    return series
      .filter((s) => (includeIncome || s.kind === "EXPENSE") && (includeInactive || s.active))
      .sort((a, b) =>
        b.yearlyCostMinor > a.yearlyCostMinor ? 1 : b.yearlyCostMinor < a.yearlyCostMinor ? -1 : a.payee.localeCompare(b.payee),
      )
      .map((s) => DetectedSubscription.from(s, currency));
  }
}
