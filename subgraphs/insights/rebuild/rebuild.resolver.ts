import { Ctx, Directive, Field, Int, Mutation, ObjectType, Resolver } from "type-graphql";

import { type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import type { InsightsDeps } from "../insights.deps.js";

@ObjectType("InsightsRebuild")
export class InsightsRebuild {
  @Field(() => Int, { description: "Your events applied again." })
  events!: number;
}

@Resolver()
export class RebuildResolver {
  constructor(private readonly deps: InsightsDeps) {}

  @Directive(scopes("insights:write"))
  @Mutation(() => InsightsRebuild, {
    description:
      "Rebuilds your insights' read models (transactions, categories, accounts, schedules, loans, portfolio values, budgets' overruns, the categorizer) " +
      "from the events the broker retains, as if they arrived again. Findings (anomalies, dismissals) are kept. Run it while you are not writing.",
  })
  async rebuildInsights(@Ctx() context: RequestContext): Promise<InsightsRebuild> {
    return Object.assign(new InsightsRebuild(), { events: await this.deps.rebuild.user(requireUserId(context)) });
  }
}
