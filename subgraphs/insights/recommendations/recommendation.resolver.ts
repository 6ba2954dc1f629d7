import { Arg, Ctx, Directive, ID, Mutation, Query, Resolver } from "type-graphql";

import { notFound } from "../../../platform/errors/index.js";
import { type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import type { InsightsDeps } from "../insights.deps.js";
import { RecommendationType } from "./recommendation.type.js";

@Resolver()
export class RecommendationResolver {
  constructor(private readonly deps: InsightsDeps) {}

  @Directive(scopes("insights:read"))
  @Query(() => [RecommendationType], { description: "What your data suggests doing, each with its figures; dismissed ones left out." })
  async recommendations(@Ctx() context: RequestContext): Promise<RecommendationType[]> {
    return (await this.deps.recommendations.list(requireUserId(context))).map(RecommendationType.from);
  }

  @Directive(scopes("insights:write"))
  @Mutation(() => Boolean, { description: "Hides a current recommendation (NOT_FOUND for one you do not have)." })
  async dismissRecommendation(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<boolean> {
    if (id.length > 300 || !(await this.deps.recommendations.dismiss(requireUserId(context), id, this.deps.clock.now())))
      throw notFound("recommendation");
    return true;
  }
}
