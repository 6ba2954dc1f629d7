import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { bandRateAt, modelEffectiveRate, modelTax, raise, type TaxCase, taxCase, topRate } from "./income-tax.arbitraries.js";
import { computeIncomeTax } from "./income-tax.js";
import { percentMillionths, SCALE } from "./rate-arithmetic.js";

const compute = (c: TaxCase) => computeIncomeTax(c);
const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);

describe("income tax properties", () => {
  it("agrees with a separate decimal model of the worksheet: each figure rounded once, the smaller computation taken", () => {
    fc.assert(
      fc.property(taxCase, (c) => {
        const result = compute(c);
        const model = modelTax(c);
        expect(result.taxMinor).toBe(model.taxMinor);
        expect(result.brackets.some((line) => line.kind === "CAPITAL_GAINS")).toBe(model.stacked);
        expect(result.effectiveRatePercent).toBe(modelEffectiveRate(result.taxMinor, c.taxableIncomeMinor));
      }),
      { numRuns: 500 },
    );
  });

  it("never lowers the tax when taxable income rises (qualified income unchanged)", () => {
    fc.assert(
      fc.property(taxCase, raise, (c, more) => {
        const higher = compute({ ...c, taxableIncomeMinor: c.taxableIncomeMinor + more });
        expect(higher.taxMinor >= compute(c).taxMinor).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("is continuous: a cent more income moves the tax by at most a cent per rounded figure", () => {
    fc.assert(
      fc.property(taxCase, (c) => {
        const step = compute({ ...c, taxableIncomeMinor: c.taxableIncomeMinor + 1n }).taxMinor - compute(c).taxMinor;
        // Every rate is below 100 %: a cent of income is less than a cent of tax before rounding, at most one after,
        // for each of the two figures rounded separately (ordinary tax, capital gains tax).
        expect(step >= 0n && step <= (c.qualifiedIncomeMinor > 0n ? 2n : 1n)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("all ordinary: more income adds at most the top rate of it, plus the one rounding", () => {
    fc.assert(
      fc.property(taxCase, raise, (c, more) => {
        const ordinary = { ...c, qualifiedIncomeMinor: 0n };
        const added = compute({ ...ordinary, taxableIncomeMinor: c.taxableIncomeMinor + more }).taxMinor - compute(ordinary).taxMinor;
        const ceiling = topRate(c.table, c.filingStatus).times(more.toString()).div(100).floor();
        expect(new Decimal(added.toString()).lte(ceiling.plus(1))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("gives the marginal rate of the band the last dollar falls in (a gains band when the gains computation is used)", () => {
    fc.assert(
      fc.property(taxCase, (c) => {
        const result = compute(c);
        if (c.taxableIncomeMinor <= 0n) {
          expect(result.marginalRatePercent).toBe("0");
          return;
        }
        const stacked = result.brackets.some((line) => line.kind === "CAPITAL_GAINS");
        const bands = (stacked ? c.table.capitalGainsBrackets : c.table.ordinaryBrackets).byFilingStatus[c.filingStatus]!;
        expect(result.marginalRatePercent).toBe(bandRateAt(bands, c.taxableIncomeMinor));
      }),
      { numRuns: 500 },
    );
  });

  it("has bracket lines that add up to the figures and the income, each within a cent of its exact tax", () => {
    fc.assert(
      fc.property(taxCase, (c) => {
        const result = compute(c);
        const ordinary = result.brackets.filter((line) => line.kind === "ORDINARY");
        const gains = result.brackets.filter((line) => line.kind === "CAPITAL_GAINS");
        expect(sum(ordinary.map((line) => line.taxMinor))).toBe(result.ordinaryTaxMinor);
        expect(sum(gains.map((line) => line.taxMinor))).toBe(result.capitalGainsTaxMinor);
        expect(result.taxMinor).toBe(result.ordinaryTaxMinor + result.capitalGainsTaxMinor);
        const income = c.taxableIncomeMinor > 0n ? c.taxableIncomeMinor : 0n;
        expect(sum(result.brackets.map((line) => line.amountMinor))).toBe(income);
        if (gains.length > 0) expect(sum(gains.map((line) => line.amountMinor))).toBe(c.qualifiedIncomeMinor);
        for (const line of result.brackets) {
          expect(line.amountMinor > 0n && line.taxMinor >= 0n).toBe(true);
          const error = line.taxMinor * SCALE - line.amountMinor * percentMillionths(line.ratePercent);
          expect(error < SCALE && -error < SCALE).toBe(true);
          if (line.toMinor !== null) expect(line.amountMinor <= line.toMinor - line.fromMinor).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("stays between 0 and the top rate of the income", () => {
    fc.assert(
      fc.property(taxCase, (c) => {
        const { taxMinor } = compute(c);
        const ceiling = topRate(c.table, c.filingStatus)
          .times(c.taxableIncomeMinor.toString())
          .div(100)
          .toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
        expect(taxMinor >= 0n).toBe(true);
        expect(new Decimal(taxMinor.toString()).lte(Decimal.max(ceiling, 0))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("never taxes qualified income above what the same income would pay as ordinary income", () => {
    fc.assert(
      fc.property(taxCase, (c) => {
        const allOrdinary = compute({ ...c, qualifiedIncomeMinor: 0n });
        expect(compute(c).taxMinor <= allOrdinary.taxMinor).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
