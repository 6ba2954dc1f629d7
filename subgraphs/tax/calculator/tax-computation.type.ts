import { Field, Int, ObjectType, registerEnumType } from "type-graphql";

import { money, MoneyType } from "../../../platform/money/index.js";
import type { BracketLine, IncomeTaxResult } from "./income-tax.js";

export enum TaxBracketKind {
  ORDINARY = "ORDINARY",
  CAPITAL_GAINS = "CAPITAL_GAINS",
}
registerEnumType(TaxBracketKind, {
  name: "TaxBracketKind",
  description: "Ordinary rates, or the long-term capital gains and qualified dividends rates.",
});

@ObjectType("TaxBracketLine", { description: "The part of taxable income taxed at one rate." })
export class TaxBracketLine {
  @Field(() => TaxBracketKind)
  kind!: TaxBracketKind;

  @Field(() => String, { description: 'Percent, an exact decimal string ("24").' })
  ratePercent!: string;

  @Field(() => MoneyType, { description: "Where the band starts (income over this)." })
  from!: MoneyType;

  @Field(() => MoneyType, { nullable: true, description: "Where it ends; null for the top band." })
  to!: MoneyType | null;

  @Field(() => MoneyType, { description: "The income in this band." })
  amount!: MoneyType;

  @Field(() => MoneyType, { description: "The tax on it; the lines add up to the computation's taxes exactly." })
  tax!: MoneyType;

  static from(line: BracketLine, currency: string): TaxBracketLine {
    return Object.assign(new TaxBracketLine(), {
      kind: line.kind as TaxBracketKind,
      ratePercent: line.ratePercent,
      from: MoneyType.from(money(line.fromMinor, currency)),
      to: line.toMinor === null ? null : MoneyType.from(money(line.toMinor, currency)),
      amount: MoneyType.from(money(line.amountMinor, currency)),
      tax: MoneyType.from(money(line.taxMinor, currency)),
    });
  }
}

@ObjectType("TaxComputation", {
  description:
    "Income tax by the exact bracket formula of the rate schedules (not the IRS tax table, which taxes income in $50 bands below $100,000, " +
    "so its figures can differ by a few dollars). Qualified income is stacked on top of ordinary income as in the Qualified Dividends and " +
    "Capital Gain Tax Worksheet. Every figure is rounded half-up to the cent. Taxable income of zero or less owes no tax.",
})
export class TaxComputation {
  @Field(() => String)
  jurisdiction!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => String, { description: "The law revision of the table used." })
  revision!: string;

  @Field(() => String)
  filingStatus!: string;

  @Field(() => MoneyType)
  taxableIncome!: MoneyType;

  @Field(() => MoneyType, { description: "Qualified dividends and net long-term capital gain within taxable income." })
  qualifiedIncome!: MoneyType;

  @Field(() => MoneyType, { description: "ordinaryTax + capitalGainsTax." })
  tax!: MoneyType;

  @Field(() => MoneyType)
  ordinaryTax!: MoneyType;

  @Field(() => MoneyType)
  capitalGainsTax!: MoneyType;

  @Field(() => String, { description: "The rate of the band the last dollar of taxable income falls in." })
  marginalRatePercent!: string;

  @Field(() => String, { description: 'tax / taxable income, percent, 2 decimals half-up ("13.47").' })
  effectiveRatePercent!: string;

  @Field(() => [TaxBracketLine], { description: "Ordinary bands first, then the capital gains bands; bands with no income are left out." })
  brackets!: TaxBracketLine[];

  static from(
    asked: {
      jurisdiction: string;
      year: number;
      revision: string;
      filingStatus: string;
      currency: string;
      taxableIncomeMinor: bigint;
      qualifiedIncomeMinor: bigint;
    },
    result: IncomeTaxResult,
  ): TaxComputation {
    const m = (minor: bigint) => MoneyType.from(money(minor, asked.currency));
    return Object.assign(new TaxComputation(), {
      jurisdiction: asked.jurisdiction,
      year: asked.year,
      revision: asked.revision,
      filingStatus: asked.filingStatus,
      taxableIncome: m(asked.taxableIncomeMinor),
      qualifiedIncome: m(asked.qualifiedIncomeMinor),
      tax: m(result.taxMinor),
      ordinaryTax: m(result.ordinaryTaxMinor),
      capitalGainsTax: m(result.capitalGainsTaxMinor),
      marginalRatePercent: result.marginalRatePercent,
      effectiveRatePercent: result.effectiveRatePercent,
      brackets: result.brackets.map((b) => TaxBracketLine.from(b, asked.currency)),
    });
  }
}
