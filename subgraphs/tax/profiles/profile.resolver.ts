import { Arg, Ctx, Directive, FieldResolver, Int, Mutation, Query, Resolver, Root } from "type-graphql";

import { givenFields, type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import { moneyField } from "../calculator/money-field.js";
import { treatedCategories } from "../categories/category-treatments.js";
import type { TaxDeps } from "../tax.deps.js";
import { SetTaxProfileInput } from "./profile.inputs.js";
import { TaxCategory, TaxProfile, TaxTreatment } from "./profile.type.js";

@Resolver(() => TaxProfile)
export class TaxProfileResolver {
  constructor(private readonly deps: TaxDeps) {}

  @Directive(scopes("tax:read"))
  @Query(() => TaxProfile, {
    description:
      "Your tax profile for a year (saved, or carried over from an earlier year, or the defaults). Year: your current one, or the latest with tax tables.",
  })
  async taxProfile(@Ctx() context: RequestContext, @Arg("year", () => Int, { nullable: true }) year: number | null): Promise<TaxProfile> {
    const profile = await this.deps.profiles.forYear(requireUserId(context), year);
    return TaxProfile.from(profile, this.deps.catalog.currencyOf(profile.jurisdiction));
  }

  @Directive(scopes("tax:write"))
  @Mutation(() => TaxProfile, { description: "Saves your tax profile for a year; the year's estimate is recomputed." })
  async setTaxProfile(
    @Ctx() context: RequestContext,
    @Arg("input", () => SetTaxProfileInput) input: SetTaxProfileInput,
  ): Promise<TaxProfile> {
    const given = givenFields(input);
    const profile = await this.deps.profiles.set(requireUserId(context), {
      year: input.year,
      jurisdiction: input.jurisdiction ?? undefined,
      filingStatus: input.filingStatus ?? undefined,
      dependants: input.dependants ?? undefined,
      dividendsQualified: input.dividendsQualified ?? undefined,
      otherWithholding: input.otherWithholding ? moneyField(input.otherWithholding, "otherWithholding") : undefined,
      // Left out: keep the pinned revision; null: back to the newest.
      revision: "revision" in given ? (input.revision ?? null) : undefined,
      categories: input.categories?.map((c) => ({ categoryId: c.categoryId, treatment: c.treatment ?? null })),
    });
    return TaxProfile.from(profile, this.deps.catalog.currencyOf(profile.jurisdiction));
  }

  @Directive(scopes("tax:read"))
  @FieldResolver(() => [TaxCategory], { description: "Every ledger category, by name, with its treatment this year." })
  async categories(@Root() root: TaxProfile): Promise<TaxCategory[]> {
    const rows = await treatedCategories(this.deps.categories, root.profile.userId, root.profile.overrides);
    return rows.map((r) =>
      Object.assign(new TaxCategory(), {
        categoryId: r.id,
        name: r.name,
        kind: r.kind,
        parentId: r.parentId,
        treatment: r.treatment as TaxTreatment,
        chosen: r.chosen,
      }),
    );
  }
}
