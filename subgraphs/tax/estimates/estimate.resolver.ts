import { Arg, Ctx, Directive, ID, Query, Resolver, Subscription } from "type-graphql";

import { liveDirective, type RequestContext, requireUserId, scopes, servedByGateway } from "../../../platform/graphql/index.js";
import { TAX_ESTIMATE_CHANGED, TAX_SUMMARY_TOPIC } from "../../../schema/events/tax.js";
import type { TaxDeps } from "../tax.deps.js";
import { estimateId } from "./estimate.job.js";
import { TaxEstimate } from "./estimate.type.js";

const ESTIMATE_ID = /^([0-9a-f-]{36}):(\d{4})$/i;

@Resolver(() => TaxEstimate)
export class TaxEstimateResolver {
  constructor(private readonly deps: TaxDeps) {}

  @Directive(scopes("tax:read"))
  @Query(() => TaxEstimate, {
    nullable: true,
    description: "One of your years' estimate by id (<user id>:<year>); null for another user's or a year without tables.",
  })
  async taxEstimate(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<TaxEstimate | null> {
    const userId = requireUserId(context);
    const match = ESTIMATE_ID.exec(id);
    if (!match || match[1]!.toLowerCase() !== userId.toLowerCase()) return null;
    const computed = await this.deps.summaries.computeIfTabled(userId, Number(match[2]));
    return computed ? TaxEstimate.from(estimateId(userId, Number(match[2])), computed) : null;
  }

  @Directive(liveDirective({ topic: TAX_SUMMARY_TOPIC, events: [TAX_ESTIMATE_CHANGED], lookup: "taxEstimate", id: "estimateId" }))
  @Directive(scopes("tax:read"))
  @Subscription(() => TaxEstimate, {
    nullable: true,
    description: "Each of your years' estimate whenever it changes (a transaction, a sale, a dividend or the profile moved it).",
    subscribe: servedByGateway,
  })
  taxEstimateChanged(): TaxEstimate {
    return servedByGateway();
  }
}
