import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from "type-graphql";

import { type RequestContext, requireOwnUser, scopes } from "../../../platform/graphql/index.js";
import { TaxProfile } from "../profiles/profile.type.js";
import { TaxYearSummary } from "../summary/summary.type.js";
import type { TaxDeps } from "../tax.deps.js";
import { TaxUser } from "./user.type.js";

/** Tax's fields on `User`; a User here is only ever the caller. */
@Resolver(() => TaxUser)
export class TaxUserResolver {
  constructor(private readonly deps: TaxDeps) {}

  @Directive(scopes("tax:read"))
  @FieldResolver(() => TaxProfile, {
    description: "Your tax profile for a year (default: your current year, or the latest with tax tables).",
  })
  async taxProfile(
    @Root() user: TaxUser,
    @Ctx() context: RequestContext,
    @Arg("year", () => Int, { nullable: true }) year: number | null,
  ): Promise<TaxProfile> {
    const profile = await this.deps.profiles.forYear(requireOwnUser(user, context), year);
    return TaxProfile.from(profile, this.deps.catalog.currencyOf(profile.jurisdiction));
  }

  @Directive(scopes("tax:read"))
  @FieldResolver(() => TaxYearSummary, { description: "Your estimate for a tax year from your own data." })
  async taxYearSummary(
    @Root() user: TaxUser,
    @Ctx() context: RequestContext,
    @Arg("year", () => Int) year: number,
  ): Promise<TaxYearSummary> {
    return TaxYearSummary.from(await this.deps.summaries.compute(requireOwnUser(user, context), year));
  }
}
