import { Arg, Directive, Int, Query, Resolver } from "type-graphql";

import { scopes } from "../../../platform/graphql/index.js";
import type { TaxDeps } from "../tax.deps.js";
import { TaxTable } from "./tax-table.type.js";

@Resolver()
export class TaxTableResolver {
  constructor(private readonly deps: TaxDeps) {}

  @Directive(scopes("tax:read"))
  @Query(() => [TaxTable], { description: "The tax tables available, by jurisdiction, year and effective date; filter by either." })
  taxTables(
    @Arg("jurisdiction", () => String, { nullable: true }) jurisdiction: string | null,
    @Arg("year", () => Int, { nullable: true }) year: number | null,
  ): TaxTable[] {
    const { catalog } = this.deps;
    return catalog
      .list({ jurisdiction: jurisdiction ?? undefined, year: year ?? undefined })
      .map((t) => TaxTable.from(t, catalog.resolve(t.jurisdiction, t.year).revision === t.revision));
  }
}
