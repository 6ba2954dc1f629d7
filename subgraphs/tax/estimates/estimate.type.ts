import { Field, ID, Int, ObjectType } from "type-graphql";

import { money, MoneyType } from "../../../platform/money/index.js";
import type { ComputedSummary } from "../summary/summary.service.js";
import { TaxYearSummary } from "../summary/summary.type.js";

@ObjectType("TaxEstimate", { description: "A year's estimated tax in brief, with the whole summary behind it." })
export class TaxEstimate {
  @Field(() => ID, { description: "<your user id>:<year>." })
  id!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => String)
  revision!: string;

  @Field(() => MoneyType)
  estimatedTax!: MoneyType;

  @Field(() => MoneyType)
  withheld!: MoneyType;

  @Field(() => MoneyType, { description: "Negative: a refund to expect." })
  leftToPay!: MoneyType;

  @Field(() => TaxYearSummary)
  summary!: TaxYearSummary;

  static from(id: string, c: ComputedSummary): TaxEstimate {
    const s = c.summary;
    const m = (minor: bigint) => MoneyType.from(money(minor, s.currency));
    return Object.assign(new TaxEstimate(), {
      id,
      year: s.year,
      revision: s.revision,
      estimatedTax: m(s.estimatedTaxMinor),
      withheld: m(s.withheld.totalMinor),
      leftToPay: m(s.leftToPayMinor),
      summary: TaxYearSummary.from(c),
    });
  }
}
