import { Arg, Ctx, Directive, ID, Int, Mutation, Query, Resolver } from "type-graphql";

import { badInput, notFound } from "../../../platform/errors/index.js";
import { type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import { isUuid } from "../../../platform/time/index.js";
import type { InsightsDeps } from "../insights.deps.js";
import { AnomalyType } from "./anomaly.type.js";

const MAX_ANOMALIES = 200;

@Resolver()
export class AnomalyResolver {
  constructor(private readonly deps: InsightsDeps) {}

  @Directive(scopes("insights:read"))
  @Query(() => [AnomalyType], { description: "Anomalies found in your spending, newest first (1 to 200)." })
  async anomalies(
    @Ctx() context: RequestContext,
    @Arg("includeDismissed", () => Boolean, { defaultValue: false }) includeDismissed: boolean,
    @Arg("first", () => Int, { defaultValue: 50 }) first: number,
  ): Promise<AnomalyType[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_ANOMALIES)
      throw badInput(`first must be between 1 and ${MAX_ANOMALIES}`, { field: "first" });
    return (await this.deps.anomalies.list(requireUserId(context), includeDismissed, first)).map(AnomalyType.from);
  }

  @Directive(scopes("insights:write"))
  @Mutation(() => AnomalyType, { description: "Hides an anomaly; it is never raised again (its key stays known)." })
  async dismissAnomaly(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<AnomalyType> {
    const dismissed = isUuid(id) ? await this.deps.anomalies.dismiss(requireUserId(context), id, this.deps.clock.now()) : null;
    if (!dismissed) throw notFound("anomaly");
    return AnomalyType.from(dismissed);
  }
}
