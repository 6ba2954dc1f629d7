import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";

import { money, MoneyType } from "../../../platform/money/index.js";
import { TaxComputation } from "../calculator/tax-computation.type.js";
import { TaxTreatment } from "../profiles/profile.type.js";
import type { ComputedSummary } from "./summary.service.js";

export enum TaxDeductionKind {
  STANDARD = "STANDARD",
  ITEMIZED = "ITEMIZED",
}
registerEnumType(TaxDeductionKind, { name: "TaxDeductionKind" });

@ObjectType("TaxCategoryAmount", {
  description: "A category's total for the year: income as received, payments as paid (refunds reduce it).",
})
export class TaxCategoryAmount {
  @Field(() => ID, { nullable: true, description: "Null: lines without a category." })
  categoryId!: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => TaxTreatment)
  treatment!: TaxTreatment;

  @Field(() => MoneyType)
  amount!: MoneyType;
}

@ObjectType("TaxIncome", {
  description: "Income before adjustments; grossIncome is their sum (qualified dividends are part of dividends).",
})
export class TaxIncome {
  @Field(() => MoneyType, { description: "Categories treated as TAXABLE_INCOME." })
  categories!: MoneyType;

  @Field(() => MoneyType)
  interest!: MoneyType;

  @Field(() => MoneyType)
  dividends!: MoneyType;

  @Field(() => MoneyType, { description: "The dividends taxed at the capital gains rates (all, with dividendsQualified on the profile)." })
  qualifiedDividends!: MoneyType;

  @Field(() => MoneyType, { description: "The net capital gain, or minus the deductible part of a net loss." })
  capitalGainOrLoss!: MoneyType;
}

@ObjectType("TaxCapitalGains", { description: "Realized lots netted as on Schedule D: short term (held a year or less) and long term." })
export class TaxCapitalGains {
  @Field(() => MoneyType)
  shortTerm!: MoneyType;

  @Field(() => MoneyType)
  longTerm!: MoneyType;

  @Field(() => MoneyType)
  net!: MoneyType;

  @Field(() => MoneyType, { description: "Taxed at the capital gains rates: min(net long term, net), not below 0." })
  preferential!: MoneyType;

  @Field(() => MoneyType, { description: "Of a net loss, what reduces other income (up to the year's limit)." })
  deductibleLoss!: MoneyType;

  @Field(() => MoneyType, { description: "Of a net loss, what carries over to later years (reported; not carried by Moneta)." })
  carryoverLoss!: MoneyType;
}

@ObjectType("TaxItemizedDeduction", { description: "Schedule A as far as your categories go." })
export class TaxItemizedDeduction {
  @Field(() => MoneyType)
  total!: MoneyType;

  @Field(() => MoneyType, { description: "DEDUCTION categories, taken whole." })
  otherDeductions!: MoneyType;

  @Field(() => MoneyType)
  stateAndLocalTaxPaid!: MoneyType;

  @Field(() => MoneyType, { description: "The SALT cap at your AGI (after any phase-down)." })
  stateAndLocalTaxCap!: MoneyType;

  @Field(() => MoneyType)
  stateAndLocalTaxAllowed!: MoneyType;

  @Field(() => MoneyType)
  medicalPaid!: MoneyType;

  @Field(() => MoneyType, { description: "Medical expenses count above this part of AGI." })
  medicalFloor!: MoneyType;

  @Field(() => MoneyType)
  medicalAllowed!: MoneyType;
}

@ObjectType("TaxDeduction", { description: "Standard and itemized, both shown; the larger is taken (standard on a tie)." })
export class TaxDeduction {
  @Field(() => TaxDeductionKind)
  chosen!: TaxDeductionKind;

  @Field(() => MoneyType)
  amount!: MoneyType;

  @Field(() => MoneyType)
  standard!: MoneyType;

  @Field(() => TaxItemizedDeduction)
  itemized!: TaxItemizedDeduction;
}

@ObjectType("TaxChildCredit", {
  description:
    "The child tax credit as far as it reduces the tax (its refundable part, the additional child tax credit, is not estimated).",
})
export class TaxChildCredit {
  @Field(() => Int)
  children!: number;

  @Field(() => MoneyType)
  beforePhaseOut!: MoneyType;

  @Field(() => MoneyType)
  phaseOut!: MoneyType;

  @Field(() => MoneyType, { description: "What reduces the tax: no more than the tax." })
  allowed!: MoneyType;
}

@ObjectType("TaxYearSummary", {
  description:
    "A year's estimate from your own data: ledger categories by their tax treatment, investment income and realized lots, under your tax profile " +
    "and the year's table. Recomputed whenever the data changes, backdated entries included. Items in another currency than the table's, " +
    "without an amount in it, are left out and counted in unconvertedItems.",
})
export class TaxYearSummary {
  @Field(() => Int)
  year!: number;

  @Field(() => String)
  jurisdiction!: string;

  @Field(() => String, { description: "The law revision used." })
  revision!: string;

  @Field(() => String)
  filingStatus!: string;

  @Field(() => String)
  currency!: string;

  @Field(() => MoneyType)
  grossIncome!: MoneyType;

  @Field(() => TaxIncome)
  income!: TaxIncome;

  @Field(() => TaxCapitalGains)
  capitalGains!: TaxCapitalGains;

  @Field(() => MoneyType, { description: "ADJUSTMENT categories." })
  adjustments!: MoneyType;

  @Field(() => MoneyType)
  adjustedGrossIncome!: MoneyType;

  @Field(() => TaxDeduction)
  deduction!: TaxDeduction;

  @Field(() => MoneyType, { description: "Not below 0." })
  taxableIncome!: MoneyType;

  @Field(() => MoneyType, { description: "Qualified dividends and the preferential capital gain within taxable income." })
  qualifiedIncome!: MoneyType;

  @Field(() => TaxComputation, { description: "The tax on taxable income, before credits, with its brackets." })
  computation!: TaxComputation;

  @Field(() => TaxChildCredit)
  childTaxCredit!: TaxChildCredit;

  @Field(() => MoneyType, { description: "The tax less the child tax credit allowed." })
  estimatedTax!: MoneyType;

  @Field(() => String, { description: 'estimatedTax / grossIncome, percent, 2 decimals half-up ("0.00" without income).' })
  effectiveRatePercent!: string;

  @Field(() => MoneyType, { description: "TAX_PAYMENT categories plus the profile's otherWithholding." })
  withheld!: MoneyType;

  @Field(() => MoneyType, { description: "estimatedTax − withheld; negative: a refund to expect." })
  leftToPay!: MoneyType;

  @Field(() => [TaxCategoryAmount], { description: "Every category that counts, by treatment then name." })
  categories!: TaxCategoryAmount[];

  @Field(() => Int, { description: "Transactions, dividends and lots left out: in another currency, without an amount in the table's." })
  unconvertedItems!: number;

  static from(c: ComputedSummary): TaxYearSummary {
    const s = c.summary;
    const m = (minor: bigint) => MoneyType.from(money(minor, s.currency));
    const it = s.deduction.itemized;
    return Object.assign(new TaxYearSummary(), {
      year: s.year,
      jurisdiction: s.jurisdiction,
      revision: s.revision,
      filingStatus: s.filingStatus,
      currency: s.currency,
      grossIncome: m(s.income.grossIncomeMinor),
      income: Object.assign(new TaxIncome(), {
        categories: m(s.income.categoriesMinor),
        interest: m(s.income.interestMinor),
        dividends: m(s.income.dividendsMinor),
        qualifiedDividends: m(s.income.qualifiedDividendsMinor),
        capitalGainOrLoss: m(s.income.capitalGainOrLossMinor),
      }),
      capitalGains: Object.assign(new TaxCapitalGains(), {
        shortTerm: m(s.capitalGains.shortTermNetMinor),
        longTerm: m(s.capitalGains.longTermNetMinor),
        net: m(s.capitalGains.netMinor),
        preferential: m(s.capitalGains.preferentialGainMinor),
        deductibleLoss: m(s.capitalGains.deductibleLossMinor),
        carryoverLoss: m(s.capitalGains.carryoverLossMinor),
      }),
      adjustments: m(s.adjustmentsMinor),
      adjustedGrossIncome: m(s.adjustedGrossIncomeMinor),
      deduction: Object.assign(new TaxDeduction(), {
        chosen: s.deduction.chosen as TaxDeductionKind,
        amount: m(s.deduction.amountMinor),
        standard: m(s.deduction.standardMinor),
        itemized: Object.assign(new TaxItemizedDeduction(), {
          total: m(it.totalMinor),
          otherDeductions: m(it.otherDeductionsMinor),
          stateAndLocalTaxPaid: m(it.stateAndLocalTaxPaidMinor),
          stateAndLocalTaxCap: m(it.stateAndLocalTaxCapMinor),
          stateAndLocalTaxAllowed: m(it.stateAndLocalTaxAllowedMinor),
          medicalPaid: m(it.medicalPaidMinor),
          medicalFloor: m(it.medicalFloorMinor),
          medicalAllowed: m(it.medicalAllowedMinor),
        }),
      }),
      taxableIncome: m(s.taxableIncomeMinor),
      qualifiedIncome: m(s.qualifiedIncomeMinor),
      computation: TaxComputation.from(
        { ...s, currency: s.currency, taxableIncomeMinor: s.taxableIncomeMinor, qualifiedIncomeMinor: s.qualifiedIncomeMinor },
        s.incomeTax,
      ),
      childTaxCredit: Object.assign(new TaxChildCredit(), {
        children: s.childTaxCredit.children,
        beforePhaseOut: m(s.childTaxCredit.beforePhaseOutMinor),
        phaseOut: m(s.childTaxCredit.phaseOutMinor),
        allowed: m(s.childTaxCredit.allowedMinor),
      }),
      estimatedTax: m(s.estimatedTaxMinor),
      effectiveRatePercent: s.effectiveRatePercent,
      withheld: m(s.withheld.totalMinor),
      leftToPay: m(s.leftToPayMinor),
      categories: c.categories.map((t) =>
        Object.assign(new TaxCategoryAmount(), {
          categoryId: t.categoryId,
          name: t.name,
          treatment: t.treatment as TaxTreatment,
          amount: m(t.amountMinor),
        }),
      ),
      unconvertedItems: c.unconverted,
    });
  }
}
