import { Field, Int, ObjectType } from "type-graphql";

@ObjectType("TaxYearReport", {
  description: "The year summary as CSV for an accountant: the figures, then every line, payment and lot behind them.",
})
export class TaxYearReport {
  @Field(() => String)
  filename!: string;

  @Field(() => String)
  contentType!: string;

  @Field(() => Int, { description: "Rows after the header." })
  rows!: number;

  @Field(() => String, {
    description:
      "Columns: section (SUMMARY, LINE, INVESTMENT_INCOME, LOT), date, reference, description, category, treatment, term, acquired_on, " +
      "quantity, cost, proceeds, amount (as written), currency, counted (in the table's currency; empty: left out), note.",
  })
  csv!: string;
}
