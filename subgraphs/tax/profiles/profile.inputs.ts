import { Field, ID, InputType, Int } from "type-graphql";

import { MoneyInput } from "../../../platform/money/index.js";
import { TaxTreatment } from "./profile.type.js";

@InputType()
export class TaxCategoryTreatmentInput {
  @Field(() => ID, { description: "One of your ledger categories." })
  categoryId!: string;

  @Field(() => TaxTreatment, { nullable: true, description: "null: back to the default (a parent's choice, the name or the kind)." })
  treatment?: TaxTreatment | null;
}

@InputType({ description: "Fields left out keep their value (or what the year carried over from an earlier one)." })
export class SetTaxProfileInput {
  @Field(() => Int, { description: "A year with tax tables for the jurisdiction (see taxTables)." })
  year!: number;

  @Field(() => String, { nullable: true })
  jurisdiction?: string | null;

  @Field(() => String, { nullable: true, description: "One of the table's filing statuses." })
  filingStatus?: string | null;

  @Field(() => Int, { nullable: true, description: "Qualifying children, 0 to 20." })
  dependants?: number | null;

  @Field(() => Boolean, { nullable: true })
  dividendsQualified?: boolean | null;

  @Field(() => MoneyInput, {
    nullable: true,
    description: "Tax withheld or paid outside the ledger; in the table's currency, not negative.",
  })
  otherWithholding?: MoneyInput | null;

  @Field(() => String, { nullable: true, description: "Pin a named law revision of the year; null: the newest." })
  revision?: string | null;

  @Field(() => [TaxCategoryTreatmentInput], { nullable: true, description: "At most 500; the others keep theirs." })
  categories?: TaxCategoryTreatmentInput[] | null;
}
