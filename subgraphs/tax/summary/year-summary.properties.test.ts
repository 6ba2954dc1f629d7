import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { incomeMinor, summaryRequest } from "./year-summary.arbitraries.js";
import { summarizeYear } from "./year-summary.js";

const max = (a: bigint, b: bigint) => (a > b ? a : b);

describe("year summary properties", () => {
  it("every figure follows from the ones before it", () => {
    fc.assert(
      fc.property(summaryRequest, (request) => {
        const s = summarizeYear(request);
        expect(s.income.grossIncomeMinor).toBe(
          s.income.categoriesMinor + s.income.interestMinor + s.income.dividendsMinor + s.income.capitalGainOrLossMinor,
        );
        expect(s.adjustedGrossIncomeMinor).toBe(s.income.grossIncomeMinor - s.adjustmentsMinor);
        expect(s.taxableIncomeMinor).toBe(max(0n, s.adjustedGrossIncomeMinor - s.deduction.amountMinor));
        expect(s.estimatedTaxMinor).toBe(s.incomeTax.taxMinor - s.childTaxCredit.allowedMinor);
        expect(s.capitalGains.deductibleLossMinor + s.capitalGains.carryoverLossMinor).toBe(max(0n, -s.capitalGains.netMinor));
        expect(s.capitalGains.deductibleLossMinor <= s.capitalGains.lossLimitMinor).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("taxable income, the tax and the estimate are never negative; qualified income is within taxable income", () => {
    fc.assert(
      fc.property(summaryRequest, (request) => {
        const s = summarizeYear(request);
        expect(s.taxableIncomeMinor >= 0n).toBe(true);
        expect(s.incomeTax.taxMinor >= 0n).toBe(true);
        expect(s.estimatedTaxMinor >= 0n).toBe(true);
        expect(s.qualifiedIncomeMinor >= 0n).toBe(true);
        expect(s.qualifiedIncomeMinor <= s.taxableIncomeMinor).toBe(true);
        expect(s.childTaxCredit.allowedMinor <= s.incomeTax.taxMinor).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("the deduction taken is the larger of standard and itemized, and says which", () => {
    fc.assert(
      fc.property(summaryRequest, (request) => {
        const { deduction } = summarizeYear(request);
        expect(deduction.amountMinor).toBe(max(deduction.standardMinor, deduction.itemized.totalMinor));
        expect(deduction.amountMinor).toBe(deduction.chosen === "ITEMIZED" ? deduction.itemized.totalMinor : deduction.standardMinor);
        const { itemized } = deduction;
        expect(itemized.stateAndLocalTaxAllowedMinor <= itemized.stateAndLocalTaxCapMinor).toBe(true);
        expect(itemized.stateAndLocalTaxAllowedMinor <= itemized.stateAndLocalTaxPaidMinor).toBe(true);
        expect(itemized.medicalAllowedMinor <= itemized.medicalPaidMinor).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("left to pay is the estimate less everything withheld", () => {
    fc.assert(
      fc.property(summaryRequest, (request) => {
        const s = summarizeYear(request);
        expect(s.withheld.totalMinor).toBe(s.withheld.ledgerMinor + s.withheld.otherMinor);
        expect(s.withheld.otherMinor).toBe(request.otherWithholdingMinor);
        expect(s.leftToPayMinor).toBe(s.estimatedTaxMinor - s.withheld.totalMinor);
      }),
      { numRuns: 400 },
    );
  });

  it("more taxable income never lowers the taxable income or the estimated tax", () => {
    fc.assert(
      fc.property(summaryRequest, incomeMinor, (request, extra) => {
        const before = summarizeYear(request);
        const more = { categoryId: "more", name: "More income", treatment: "TAXABLE_INCOME" as const, amountMinor: extra };
        const after = summarizeYear({ ...request, figures: { ...request.figures, categories: [...request.figures.categories, more] } });
        expect(after.taxableIncomeMinor >= before.taxableIncomeMinor).toBe(true);
        expect(after.estimatedTaxMinor >= before.estimatedTaxMinor).toBe(true);
      }),
      { numRuns: 600 },
    );
  });
});
