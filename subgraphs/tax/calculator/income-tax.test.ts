import { describe, expect, it } from "vitest";

import { parseAmount } from "../../../platform/money/index.js";
import { TaxTableCatalog } from "../tables/table-catalog.js";
import type { TaxTable } from "../tables/tax-table.js";
import { RATE_SCHEDULES } from "./fixtures/rate-schedules.js";
import { WORKED_EXAMPLES } from "./fixtures/worked-examples.js";
import { computeIncomeTax } from "./income-tax.js";
import { formatHundredths, percentMillionths, roundHalfUp } from "./rate-arithmetic.js";

const catalog = TaxTableCatalog.fromDirectory();
const usd = (dollars: string) => parseAmount(dollars, "USD").amountMinor;
const tax = (table: TaxTable, filingStatus: string, taxable: string, qualified = "0") =>
  computeIncomeTax({ table, filingStatus, taxableIncomeMinor: usd(taxable), qualifiedIncomeMinor: usd(qualified) });

const fixtureOf = (table: TaxTable) =>
  RATE_SCHEDULES.find((f) => f.jurisdiction === table.jurisdiction && f.year === table.year && f.revision === table.revision);

describe("the published rate schedules, at every bracket top of every shipped table", () => {
  it("has a hand-kept fixture for every shipped table and filing status", () => {
    for (const table of catalog.list()) {
      const fixture = fixtureOf(table);
      expect(fixture, `${table.jurisdiction} ${table.year} ${table.revision}`).toBeDefined();
      expect(Object.keys(fixture!.bracketTops).sort()).toEqual([...table.filingStatuses].sort());
      expect(Object.keys(fixture!.capitalGains).sort()).toEqual([...table.filingStatuses].sort());
    }
  });

  const cases = catalog
    .list()
    .flatMap((table) => table.filingStatuses.map((status) => [`${table.year} ${table.revision} ${status}`, table, status] as const));

  it.each(cases)("%s: the table's band edges are the published ones", (_, table, status) => {
    const published = fixtureOf(table)!.bracketTops[status]!.map(([top]) => usd(top));
    expect(table.ordinaryBrackets.byFilingStatus[status]!.slice(1).map((band) => band.overMinor)).toEqual(published);
    const gains = fixtureOf(table)!.capitalGains[status]!;
    expect(table.capitalGainsBrackets.byFilingStatus[status]!.map((band) => [band.overMinor, band.ratePercent])).toEqual([
      [0n, "0"],
      [usd(gains.zeroRateTop), "15"],
      [usd(gains.fifteenRateTop), "20"],
    ]);
  });

  it.each(cases)("%s: the tax at each top is the schedule's base amount, and the next dollar pays the next rate", (_, table, status) => {
    const bands = table.ordinaryBrackets.byFilingStatus[status]!;
    fixtureOf(table)!.bracketTops[status]!.forEach(([top, base], i) => {
      const atTop = tax(table, status, top);
      expect(atTop.taxMinor, `${top}`).toBe(usd(base));
      expect(atTop.marginalRatePercent).toBe(bands[i]!.ratePercent);
      const dollarOver = tax(table, status, (usd(top) / 100n + 1n).toString());
      expect(dollarOver.taxMinor).toBe(usd(base) + percentMillionths(bands[i + 1]!.ratePercent) / 1_000_000n);
      expect(dollarOver.marginalRatePercent).toBe(bands[i + 1]!.ratePercent);
    });
  });

  it.each(cases)("%s: all-qualified income at the 0 % and 15 % tops pays 0 and 15 % of the band", (_, table, status) => {
    const gains = fixtureOf(table)!.capitalGains[status]!;
    expect(tax(table, status, gains.zeroRateTop, gains.zeroRateTop).taxMinor).toBe(0n);
    const atFifteenTop = tax(table, status, gains.fifteenRateTop, gains.fifteenRateTop);
    expect(atFifteenTop.taxMinor).toBe(usd(gains.taxAtFifteenRateTop));
    expect(atFifteenTop.capitalGainsTaxMinor).toBe(usd(gains.taxAtFifteenRateTop));
    expect(atFifteenTop.marginalRatePercent).toBe("15");
  });
});

describe("hand-checked worked examples", () => {
  it("cover every filing status in every year", () => {
    for (const year of [2024, 2025]) {
      const statuses = new Set(WORKED_EXAMPLES.filter((e) => e.year === year).map((e) => e.filingStatus));
      expect([...statuses].sort()).toEqual([...catalog.resolve("US", year).filingStatuses].sort());
    }
  });

  it.each(WORKED_EXAMPLES.map((e) => [e.name, e] as const))("%s", (_, example) => {
    const table = catalog.resolve("US", example.year, example.revision);
    const result = tax(table, example.filingStatus, example.taxable, example.qualified);
    expect(result).toMatchObject({
      taxMinor: usd(example.tax),
      ordinaryTaxMinor: usd(example.ordinaryTax),
      capitalGainsTaxMinor: usd(example.capitalGainsTax),
      marginalRatePercent: example.marginalRatePercent,
      effectiveRatePercent: example.effectiveRatePercent,
    });
    expect(result.brackets.map((line) => [line.kind, line.ratePercent, line.amountMinor, line.taxMinor])).toEqual(
      example.lines.map(([kind, rate, amount, lineTax]) => [kind, rate, usd(amount), usd(lineTax)]),
    );
  });

  it("gives both 2025 revisions the same income tax: OBBBA did not touch the 2025 rate schedules", () => {
    for (const status of catalog.resolve("US", 2025).filingStatuses) {
      const original = tax(catalog.resolve("US", 2025, "REV_PROC_2024_40"), status, "275000", "25000");
      expect(tax(catalog.resolve("US", 2025, "OBBBA_2025"), status, "275000", "25000")).toEqual(original);
    }
  });
});

describe("the bracket lines", () => {
  const table = catalog.resolve("US", 2024);

  it("show each band's published edges, the open top band without an end", () => {
    const lines = tax(table, "SINGLE", "700000", "50000").brackets;
    expect(lines.map((l) => [l.kind, l.fromMinor, l.toMinor])).toEqual([
      ["ORDINARY", 0n, 11_600_00n],
      ["ORDINARY", 11_600_00n, 47_150_00n],
      ["ORDINARY", 47_150_00n, 100_525_00n],
      ["ORDINARY", 100_525_00n, 191_950_00n],
      ["ORDINARY", 191_950_00n, 243_725_00n],
      ["ORDINARY", 243_725_00n, 609_350_00n],
      ["ORDINARY", 609_350_00n, null],
      ["CAPITAL_GAINS", 518_900_00n, null],
    ]);
  });

  it("round the cumulative tax at each band's end, so the lines add up to the rounded total", () => {
    // 10 % of 0.05 = 0.005 → 0.01 once, not per line.
    const result = tax(table, "SINGLE", "11600.05");
    expect(result.brackets.map((l) => l.taxMinor)).toEqual([1_160_00n, 1n]);
    expect(result.taxMinor).toBe(1_160_01n);
    // 0.12 × 0.01 = 0.0012 → nothing: the cent above the top does not change the tax.
    expect(tax(table, "SINGLE", "11600.01").taxMinor).toBe(1_160_00n);
    expect(tax(table, "SINGLE", "11600.01").marginalRatePercent).toBe("12");
    expect(tax(table, "SINGLE", "11600.00").marginalRatePercent).toBe("10");
  });
});

describe("inputs", () => {
  const table = catalog.resolve("US", 2025);
  const zero = {
    taxMinor: 0n,
    ordinaryTaxMinor: 0n,
    capitalGainsTaxMinor: 0n,
    marginalRatePercent: "0",
    effectiveRatePercent: "0.00",
    brackets: [],
  };

  it("owes nothing on taxable income of zero or less", () => {
    expect(tax(table, "SINGLE", "0")).toEqual(zero);
    expect(tax(table, "SINGLE", "-5000")).toEqual(zero);
  });

  it("taxes one cent at 10 %, rounded half-up to nothing", () => {
    expect(tax(table, "SINGLE", "0.01")).toMatchObject({ taxMinor: 0n, marginalRatePercent: "10", effectiveRatePercent: "0.00" });
    expect(tax(table, "SINGLE", "0.05")).toMatchObject({ taxMinor: 1n, effectiveRatePercent: "20.00" });
  });

  it("refuses negative qualified income and qualified income above taxable income", () => {
    const badQualified = expect.objectContaining({
      extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: "qualifiedIncome" }),
    });
    expect(() => tax(table, "SINGLE", "1000", "-0.01")).toThrow(badQualified);
    expect(() => tax(table, "SINGLE", "1000", "1000.01")).toThrow(badQualified);
    expect(() => tax(table, "SINGLE", "-1000", "10")).toThrow(badQualified);
    expect(tax(table, "SINGLE", "-1000", "0")).toEqual(zero);
  });

  it("refuses a filing status the table does not have, even with nothing to tax", () => {
    expect(() => tax(table, "QUALIFYING_SURVIVING_SPOUSE", "0")).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({
          code: "UNKNOWN_FILING_STATUS",
          field: "filingStatus",
          available: ["SINGLE", "MARRIED_FILING_JOINTLY", "MARRIED_FILING_SEPARATELY", "HEAD_OF_HOUSEHOLD"],
        }),
      }),
    );
  });

  it("works for amounts far beyond any real return without losing a cent", () => {
    // 188,769.75 + 37 % × (999,999,999,999.99 − 626,350) = 188,769.75 + 369,999,768,250.4963 → 369,999,957,020.25 (half-up of …20.2463).
    expect(tax(table, "SINGLE", "999999999999.99").taxMinor).toBe(usd("369999957020.25"));
  });
});

describe("rate arithmetic", () => {
  it("reads percent strings exactly", () => {
    expect(percentMillionths("37")).toBe(37_000_000n);
    expect(percentMillionths("7.5")).toBe(7_500_000n);
    expect(percentMillionths("0.000001")).toBe(1n);
    expect(() => percentMillionths("12%")).toThrow(/not a percent rate/);
    // A programming error's message quotes the start of the bad rate, never a whole pasted text.
    expect(() => percentMillionths(`${"9".repeat(20)}%`)).toThrow(/^not a percent rate: "9{16}"$/);
  });

  it("rounds half-up, ties included", () => {
    expect(roundHalfUp(1265n, 100n)).toBe(13n);
    expect(roundHalfUp(1264n, 100n)).toBe(13n);
    expect(roundHalfUp(1250n, 100n)).toBe(13n);
    expect(roundHalfUp(1249n, 100n)).toBe(12n);
    expect(roundHalfUp(0n, 7n)).toBe(0n);
  });

  it("formats hundredths", () => {
    expect(formatHundredths(0n)).toBe("0.00");
    expect(formatHundredths(7n)).toBe("0.07");
    expect(formatHundredths(1536n)).toBe("15.36");
    expect(formatHundredths(10000n)).toBe("100.00");
  });
});
