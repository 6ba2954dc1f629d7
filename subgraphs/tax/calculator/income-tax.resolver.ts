import { Arg, Directive, Query, Resolver } from "type-graphql";

import { scopes } from "../../../platform/graphql/index.js";
import type { TaxDeps } from "../tax.deps.js";
import { IncomeTaxInput } from "./income-tax.inputs.js";
import { moneyField } from "./money-field.js";
import { TaxComputation } from "./tax-computation.type.js";

@Resolver()
export class IncomeTaxResolver {
  constructor(private readonly deps: TaxDeps) {}

  @Directive(scopes("tax:read"))
  @Query(() => TaxComputation, {
    description:
      "Income tax on a taxable income under a jurisdiction's table for a year (see TaxComputation for the method). Pure: nothing is stored.",
  })
  incomeTax(@Arg("input", () => IncomeTaxInput) input: IncomeTaxInput): TaxComputation {
    const answer = this.deps.incomeTax.compute({
      jurisdiction: input.jurisdiction,
      year: input.year,
      filingStatus: input.filingStatus,
      taxableIncome: moneyField(input.taxableIncome, "taxableIncome"),
      qualifiedIncome: input.qualifiedIncome ? moneyField(input.qualifiedIncome, "qualifiedIncome") : null,
      revision: input.revision ?? null,
    });
    const { table } = answer;
    return TaxComputation.from(
      { ...answer, jurisdiction: table.jurisdiction, year: table.year, revision: table.revision, currency: table.currency },
      answer.result,
    );
  }
}
