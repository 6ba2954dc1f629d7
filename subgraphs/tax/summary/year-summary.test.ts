import { describe, expect, it } from "vitest";

import { TaxTableCatalog } from "../tables/table-catalog.js";
import type { CategoryTotal, CategoryTreatment, SummaryRequest, YearFigures } from "./year-summary.js";
import { summarizeYear } from "./year-summary.js";

/*
 * Worked examples on the shipped US tables, each computed by hand below from the published rate
 * schedules (Rev. Proc. 2023-34 for 2024, Rev. Proc. 2024-40 and P.L. 119-21 for 2025). Amounts
 * in whole dollars unless cents are written.
 */
const catalog = TaxTableCatalog.fromDirectory();
const US_2024 = catalog.resolve("US", 2024);
const US_2025_ORIGINAL = catalog.resolve("US", 2025, "REV_PROC_2024_40");
const US_2025 = catalog.resolve("US", 2025);

const usd = (dollars: number, cents = 0) => BigInt(dollars) * 100n + BigInt(cents);
const category = (name: string, treatment: CategoryTreatment, dollars: number, cents = 0): CategoryTotal => ({
  categoryId: name.toLowerCase().replaceAll(" ", "-"),
  name,
  treatment,
  amountMinor: usd(dollars, cents),
});
const noFigures: YearFigures = { categories: [], interestMinor: 0n, dividendsMinor: 0n, shortTermGainMinor: 0n, longTermGainMinor: 0n };

function request(overrides: Partial<Omit<SummaryRequest, "figures">> & { figures?: Partial<YearFigures> }): SummaryRequest {
  return {
    table: US_2024,
    filingStatus: "SINGLE",
    dependants: 0,
    dividendsQualified: true,
    otherWithholdingMinor: 0n,
    ...overrides,
    figures: { ...noFigures, ...overrides.figures },
  };
}

describe("summarizeYear: a wage earner on the standard deduction", () => {
  // 2024 single. Salary 75,000 + interest 200 = gross 75,200 = AGI (groceries do not count).
  // Standard 14,600 > itemized 0 → taxable 60,600.
  // Tax: 10 % × 11,600 = 1,160; 12 % × (47,150 − 11,600) = 4,266; 22 % × (60,600 − 47,150) = 2,959 → 8,385.
  // Withheld 6,000 → 2,385 left to pay. Effective 8,385 / 75,200 = 11.1502… % → 11.15.
  const summary = summarizeYear(
    request({
      figures: {
        categories: [
          category("Salary", "TAXABLE_INCOME", 75000),
          category("Groceries", "NONE", 5000),
          category("Tax withheld", "TAX_PAYMENT", 6000),
        ],
        interestMinor: usd(200),
      },
    }),
  );

  it("shows every figure on the way", () => {
    expect(summary).toMatchObject({
      jurisdiction: "US",
      year: 2024,
      revision: "REV_PROC_2023_34",
      currency: "USD",
      filingStatus: "SINGLE",
      income: {
        categoriesMinor: usd(75000),
        interestMinor: usd(200),
        dividendsMinor: 0n,
        qualifiedDividendsMinor: 0n,
        capitalGainOrLossMinor: 0n,
        grossIncomeMinor: usd(75200),
      },
      adjustmentsMinor: 0n,
      adjustedGrossIncomeMinor: usd(75200),
      deduction: { standardMinor: usd(14600), chosen: "STANDARD", amountMinor: usd(14600), itemized: { totalMinor: 0n } },
      taxableIncomeMinor: usd(60600),
      qualifiedIncomeMinor: 0n,
      incomeTax: { taxMinor: usd(8385), ordinaryTaxMinor: usd(8385), capitalGainsTaxMinor: 0n, marginalRatePercent: "22" },
      childTaxCredit: { allowedMinor: 0n },
      estimatedTaxMinor: usd(8385),
      withheld: { ledgerMinor: usd(6000), otherMinor: 0n, totalMinor: usd(6000) },
      leftToPayMinor: usd(2385),
      effectiveRatePercent: "11.15",
    });
  });
});

describe("summarizeYear: withholding and a refund", () => {
  it("an adjustment lowers AGI; more withheld than owed is a refund (negative left to pay)", () => {
    // 2024 single. Salary 75,000, IRA 7,000 → AGI 68,000; taxable 68,000 − 14,600 = 53,400.
    // Tax: 1,160 + 4,266 + 22 % × (53,400 − 47,150) = 1,375 → 6,801.
    // Withheld 9,000 in the ledger + 500 on the profile = 9,500 → left −2,699 (a refund).
    // Effective 6,801 / 75,000 = 9.068 % → 9.07.
    const summary = summarizeYear(
      request({
        otherWithholdingMinor: usd(500),
        figures: {
          categories: [
            category("Salary", "TAXABLE_INCOME", 75000),
            category("IRA", "ADJUSTMENT", 7000),
            category("Federal tax", "TAX_PAYMENT", 9000),
          ],
        },
      }),
    );
    expect(summary).toMatchObject({
      income: { grossIncomeMinor: usd(75000) },
      adjustmentsMinor: usd(7000),
      adjustedGrossIncomeMinor: usd(68000),
      taxableIncomeMinor: usd(53400),
      estimatedTaxMinor: usd(6801),
      withheld: { ledgerMinor: usd(9000), otherMinor: usd(500), totalMinor: usd(9500) },
      leftToPayMinor: -usd(2699),
      effectiveRatePercent: "9.07",
    });
  });

  it("no income: nothing owed, a zero rate, and withholding all refunded", () => {
    const summary = summarizeYear(request({ otherWithholdingMinor: usd(12, 34) }));
    expect(summary).toMatchObject({
      taxableIncomeMinor: 0n,
      estimatedTaxMinor: 0n,
      leftToPayMinor: -usd(12, 34),
      effectiveRatePercent: "0.00",
    });
  });

  it("a refund of last year's tax booked in a payment category does not count as negative withholding", () => {
    const summary = summarizeYear(request({ figures: { categories: [category("Federal tax", "TAX_PAYMENT", -800)] } }));
    expect(summary.withheld.ledgerMinor).toBe(0n);
  });
});

describe("summarizeYear: an itemizer and the SALT cap", () => {
  // Single. Salary 200,000 = AGI. State income tax 15,000 + property tax 9,000 = SALT paid 24,000.
  // Mortgage interest 12,000 + charity 3,000 = other deductions 15,000.
  const itemizer = (table: typeof US_2024, salary = 200000, salt = [15000, 9000], other = [12000, 3000]) =>
    summarizeYear(
      request({
        table,
        figures: {
          categories: [
            category("Salary", "TAXABLE_INCOME", salary),
            category("State income tax", "STATE_AND_LOCAL_TAX", salt[0]!),
            category("Property tax", "STATE_AND_LOCAL_TAX", salt[1]!),
            category("Mortgage interest", "DEDUCTION", other[0]!),
            category("Charity", "DEDUCTION", other[1]!),
          ],
        },
      }),
    );

  it("2024: the cap is 10,000", () => {
    // Itemized 15,000 + min(24,000, 10,000) = 25,000 > 14,600 → taxable 175,000.
    // Tax: 17,168.50 at 100,525 (1,160 + 4,266 + 11,742.50) + 24 % × 74,475 = 17,874 → 35,042.50.
    expect(itemizer(US_2024)).toMatchObject({
      deduction: {
        standardMinor: usd(14600),
        chosen: "ITEMIZED",
        amountMinor: usd(25000),
        itemized: {
          otherDeductionsMinor: usd(15000),
          stateAndLocalTaxPaidMinor: usd(24000),
          stateAndLocalTaxCapMinor: usd(10000),
          stateAndLocalTaxAllowedMinor: usd(10000),
          totalMinor: usd(25000),
        },
      },
      taxableIncomeMinor: usd(175000),
      estimatedTaxMinor: usd(35042, 50),
    });
  });

  it("2025 before the law change: still 10,000, against a 15,000 standard deduction", () => {
    // Itemized 25,000 → taxable 175,000. Tax: 17,651 at 103,350 (1,192.50 + 4,386 + 12,072.50)
    // + 24 % × 71,650 = 17,196 → 34,847.
    expect(itemizer(US_2025_ORIGINAL)).toMatchObject({
      revision: "REV_PROC_2024_40",
      deduction: { standardMinor: usd(15000), chosen: "ITEMIZED", itemized: { stateAndLocalTaxCapMinor: usd(10000) } },
      taxableIncomeMinor: usd(175000),
      estimatedTaxMinor: usd(34847),
    });
  });

  it("2025 as amended (the default): the cap is 40,000 below 500,000 of AGI, so all 24,000 counts", () => {
    // Itemized 15,000 + 24,000 = 39,000 > 15,750 → taxable 161,000.
    // Tax: 17,651 + 24 % × (161,000 − 103,350) = 13,836 → 31,487.
    expect(itemizer(US_2025)).toMatchObject({
      revision: "OBBBA_2025",
      deduction: {
        standardMinor: usd(15750),
        chosen: "ITEMIZED",
        amountMinor: usd(39000),
        itemized: { stateAndLocalTaxCapMinor: usd(40000), stateAndLocalTaxAllowedMinor: usd(24000) },
      },
      taxableIncomeMinor: usd(161000),
      estimatedTaxMinor: usd(31487),
    });
  });

  it("2025 as amended, above 500,000: the cap shrinks by 30 % of the excess, down to 10,000", () => {
    // AGI 550,000: cap 40,000 − 30 % × 50,000 = 25,000. SALT 45,000 → 25,000; + mortgage 20,000 = 45,000.
    // Taxable 505,000. Tax: 57,231 at 250,525 (17,651 + 24 % × 93,950 = 22,548 + 32 % × 53,225 = 17,032)
    // + 35 % × 254,475 = 89,066.25 → 146,297.25.
    expect(itemizer(US_2025, 550000, [30000, 15000], [20000, 0])).toMatchObject({
      deduction: {
        chosen: "ITEMIZED",
        amountMinor: usd(45000),
        itemized: { stateAndLocalTaxCapMinor: usd(25000), stateAndLocalTaxAllowedMinor: usd(25000) },
      },
      taxableIncomeMinor: usd(505000),
      estimatedTaxMinor: usd(146297, 25),
    });
    // AGI 700,000: 40,000 − 30 % × 200,000 < 10,000 → the floor, 10,000; itemized 30,000.
    // Taxable 670,000. Tax: 188,769.75 at 626,350 (57,231 + 35 % × 375,825 = 131,538.75) + 37 % × 43,650 = 16,150.50 → 204,920.25.
    expect(itemizer(US_2025, 700000, [30000, 15000], [20000, 0])).toMatchObject({
      deduction: { amountMinor: usd(30000), itemized: { stateAndLocalTaxCapMinor: usd(10000) } },
      taxableIncomeMinor: usd(670000),
      estimatedTaxMinor: usd(204920, 25),
    });
    // The same 550,000 in 2024 has the flat 10,000 cap.
    expect(itemizer(US_2024, 550000, [30000, 15000], [20000, 0]).deduction.itemized.stateAndLocalTaxCapMinor).toBe(usd(10000));
  });

  it("married filing separately in 2025: half the cap, phased down above 250,000 to a 5,000 floor", () => {
    // AGI 260,000: 20,000 − 30 % × 10,000 = 17,000. AGI 400,000: 20,000 − 45,000 → floor 5,000.
    const separate = (salary: number) =>
      summarizeYear(
        request({
          table: US_2025,
          filingStatus: "MARRIED_FILING_SEPARATELY",
          figures: { categories: [category("Salary", "TAXABLE_INCOME", salary), category("Property tax", "STATE_AND_LOCAL_TAX", 30000)] },
        }),
      ).deduction.itemized;
    expect(separate(260000)).toMatchObject({ stateAndLocalTaxCapMinor: usd(17000), stateAndLocalTaxAllowedMinor: usd(17000) });
    expect(separate(400000)).toMatchObject({ stateAndLocalTaxCapMinor: usd(5000) });
  });
});

describe("summarizeYear: the medical floor", () => {
  // 2024 married filing jointly. Salary 90,000 = AGI; floor 7.5 % × 90,000 = 6,750.
  // Mortgage interest 15,000, charity 4,000, SALT 8,000 (under the cap).
  const joint = (medical: number) =>
    summarizeYear(
      request({
        filingStatus: "MARRIED_FILING_JOINTLY",
        figures: {
          categories: [
            category("Salary", "TAXABLE_INCOME", 90000),
            category("Doctor", "MEDICAL", medical),
            category("Property tax", "STATE_AND_LOCAL_TAX", 8000),
            category("Mortgage interest", "DEDUCTION", 15000),
            category("Charity", "DEDUCTION", 4000),
          ],
        },
      }),
    );

  it("medical expenses count above 7.5 % of AGI and tip the choice to itemizing", () => {
    // Medical 10,000 → 3,250. Itemized 15,000 + 4,000 + 8,000 + 3,250 = 30,250 > 29,200.
    // Taxable 59,750. Tax: 10 % × 23,200 = 2,320 + 12 % × 36,550 = 4,386 → 6,706.
    expect(joint(10000)).toMatchObject({
      deduction: {
        standardMinor: usd(29200),
        chosen: "ITEMIZED",
        amountMinor: usd(30250),
        itemized: { medicalPaidMinor: usd(10000), medicalFloorMinor: usd(6750), medicalAllowedMinor: usd(3250), totalMinor: usd(30250) },
      },
      taxableIncomeMinor: usd(59750),
      estimatedTaxMinor: usd(6706),
    });
  });

  it("below the floor they count nothing, and the standard deduction is larger", () => {
    // Medical 6,000 < 6,750 → 0. Itemized 27,000 < 29,200 → standard; taxable 60,800.
    // Tax: 2,320 + 12 % × 37,600 = 4,512 → 6,832.
    expect(joint(6000)).toMatchObject({
      deduction: { chosen: "STANDARD", amountMinor: usd(29200), itemized: { medicalAllowedMinor: 0n, totalMinor: usd(27000) } },
      taxableIncomeMinor: usd(60800),
      estimatedTaxMinor: usd(6832),
    });
  });
});

describe("summarizeYear: capital gains and losses", () => {
  it("a net loss is deducted up to 3,000 and the rest carried over", () => {
    // 2024 single. Salary 60,000; short −2,000, long −8,000 → net −10,000: 3,000 deducted, 7,000 carried.
    // Gross 57,000; taxable 42,400. Tax: 1,160 + 12 % × 30,800 = 3,696 → 4,856.
    const summary = summarizeYear(
      request({
        figures: {
          categories: [category("Salary", "TAXABLE_INCOME", 60000)],
          shortTermGainMinor: -usd(2000),
          longTermGainMinor: -usd(8000),
        },
      }),
    );
    expect(summary).toMatchObject({
      capitalGains: {
        shortTermNetMinor: -usd(2000),
        longTermNetMinor: -usd(8000),
        netMinor: -usd(10000),
        includedInIncomeMinor: -usd(3000),
        preferentialGainMinor: 0n,
        lossLimitMinor: usd(3000),
        deductibleLossMinor: usd(3000),
        carryoverLossMinor: usd(7000),
      },
      income: { capitalGainOrLossMinor: -usd(3000), grossIncomeMinor: usd(57000) },
      taxableIncomeMinor: usd(42400),
      qualifiedIncomeMinor: 0n,
      estimatedTaxMinor: usd(4856),
    });
  });

  it("married filing separately: 1,500", () => {
    // Gross 60,000 − 1,500 = 58,500; taxable 43,900. Tax: 1,160 + 12 % × 32,300 = 3,876 → 5,036.
    const summary = summarizeYear(
      request({
        filingStatus: "MARRIED_FILING_SEPARATELY",
        figures: {
          categories: [category("Salary", "TAXABLE_INCOME", 60000)],
          shortTermGainMinor: -usd(2000),
          longTermGainMinor: -usd(8000),
        },
      }),
    );
    expect(summary).toMatchObject({
      capitalGains: { lossLimitMinor: usd(1500), deductibleLossMinor: usd(1500), carryoverLossMinor: usd(8500) },
      income: { grossIncomeMinor: usd(58500) },
      taxableIncomeMinor: usd(43900),
      estimatedTaxMinor: usd(5036),
    });
  });

  it("a short-term loss offsets a long-term gain; what is left is taxed at 15 %", () => {
    // 2024 single. Salary 80,000; short −4,000, long +10,000 → net 6,000, all preferential.
    // Gross 86,000; taxable 71,400; qualified 6,000 on top of ordinary 65,400.
    // Ordinary: 1,160 + 4,266 + 22 % × 18,250 = 4,015 → 9,441. Ordinary is above the 0 % band's
    // top (47,025), so 15 % × 6,000 = 900. Tax 10,341.
    const summary = summarizeYear(
      request({
        figures: {
          categories: [category("Salary", "TAXABLE_INCOME", 80000)],
          shortTermGainMinor: -usd(4000),
          longTermGainMinor: usd(10000),
        },
      }),
    );
    expect(summary).toMatchObject({
      capitalGains: { netMinor: usd(6000), includedInIncomeMinor: usd(6000), preferentialGainMinor: usd(6000) },
      income: { grossIncomeMinor: usd(86000) },
      taxableIncomeMinor: usd(71400),
      qualifiedIncomeMinor: usd(6000),
      incomeTax: { ordinaryTaxMinor: usd(9441), capitalGainsTaxMinor: usd(900), taxMinor: usd(10341) },
    });
  });

  it("a net short-term gain is ordinary income", () => {
    // Short +5,000, long −1,000 → net 4,000, none preferential: taxable 60,000 + 4,000 − 14,600 = 49,400.
    // Tax: 1,160 + 4,266 + 22 % × 2,250 = 495 → 5,921.
    const summary = summarizeYear(
      request({
        figures: {
          categories: [category("Salary", "TAXABLE_INCOME", 60000)],
          shortTermGainMinor: usd(5000),
          longTermGainMinor: -usd(1000),
        },
      }),
    );
    expect(summary).toMatchObject({ qualifiedIncomeMinor: 0n, taxableIncomeMinor: usd(49400), estimatedTaxMinor: usd(5921) });
  });
});

describe("summarizeYear: dividends", () => {
  // 2024 single. Salary 60,000 + dividends 10,000 = gross 70,000; taxable 55,400.
  const withDividends = (dividendsQualified: boolean) =>
    summarizeYear(
      request({ dividendsQualified, figures: { categories: [category("Salary", "TAXABLE_INCOME", 60000)], dividendsMinor: usd(10000) } }),
    );

  it("qualified dividends are stacked on ordinary income at 0 % then 15 %", () => {
    // Ordinary 45,400: 1,160 + 12 % × 33,800 = 4,056 → 5,216. The 0 % band reaches 47,025:
    // 1,625 at 0 %, 8,375 at 15 % = 1,256.25. Tax 6,472.25.
    expect(withDividends(true)).toMatchObject({
      income: { dividendsMinor: usd(10000), qualifiedDividendsMinor: usd(10000), grossIncomeMinor: usd(70000) },
      taxableIncomeMinor: usd(55400),
      qualifiedIncomeMinor: usd(10000),
      incomeTax: { ordinaryTaxMinor: usd(5216), capitalGainsTaxMinor: usd(1256, 25), taxMinor: usd(6472, 25) },
    });
  });

  it("ordinary dividends are taxed with the salary", () => {
    // 55,400 all ordinary: 1,160 + 4,266 + 22 % × 8,250 = 1,815 → 7,241.
    expect(withDividends(false)).toMatchObject({
      income: { qualifiedDividendsMinor: 0n, grossIncomeMinor: usd(70000) },
      qualifiedIncomeMinor: 0n,
      incomeTax: { taxMinor: usd(7241), capitalGainsTaxMinor: 0n },
    });
  });

  it("qualified income is no more than taxable income", () => {
    // Dividends 20,000 alone: taxable 20,000 − 14,600 = 5,400, all in the 0 % band.
    const summary = summarizeYear(request({ figures: { dividendsMinor: usd(20000) } }));
    expect(summary).toMatchObject({ taxableIncomeMinor: usd(5400), qualifiedIncomeMinor: usd(5400), estimatedTaxMinor: 0n });
  });
});

describe("summarizeYear: the child tax credit", () => {
  const family = (table: typeof US_2024, filingStatus: string, salary: number, cents = 0) =>
    summarizeYear(
      request({ table, filingStatus, dependants: 2, figures: { categories: [category("Salary", "TAXABLE_INCOME", salary, cents)] } }),
    );

  it("is phased out by 50 per 1,000 or part of it over the threshold", () => {
    // 2024 joint, 2 children. AGI 430,000; taxable 430,000 − 29,200 = 400,800.
    // Tax: 78,221 at 383,900 + 32 % × 16,900 = 5,408 → 83,629.
    // Credit 2 × 2,000 = 4,000; 30,000 over 400,000 → 30 steps × 50 = 1,500 → 2,500. Estimated 81,129.
    expect(family(US_2024, "MARRIED_FILING_JOINTLY", 430000)).toMatchObject({
      taxableIncomeMinor: usd(400800),
      incomeTax: { taxMinor: usd(83629) },
      childTaxCredit: {
        children: 2,
        beforePhaseOutMinor: usd(4000),
        phaseOutMinor: usd(1500),
        afterPhaseOutMinor: usd(2500),
        allowedMinor: usd(2500),
      },
      estimatedTaxMinor: usd(81129),
    });
    // AGI 430,500.01: 30,500.01 over → 31 steps → 1,550 → 2,450. Taxable 401,300.01:
    // 78,221 + 32 % × 17,400.01 = 5,568.0032 → 83,789.00; estimated 81,339.
    expect(family(US_2024, "MARRIED_FILING_JOINTLY", 430500, 1)).toMatchObject({
      childTaxCredit: { phaseOutMinor: usd(1550), allowedMinor: usd(2450) },
      estimatedTaxMinor: usd(81339),
    });
  });

  it("2025 as amended: 2,200 a child", () => {
    // Single parent filing single, AGI 100,000: no phase-out; 4,400.
    // Taxable 84,250: 1,192.50 + 4,386 + 22 % × 35,775 = 7,870.50 → 13,449; estimated 9,049.
    expect(family(US_2025, "SINGLE", 100000)).toMatchObject({
      childTaxCredit: { beforePhaseOutMinor: usd(4400), allowedMinor: usd(4400) },
      incomeTax: { taxMinor: usd(13449) },
      estimatedTaxMinor: usd(9049),
    });
  });

  it("reduces the tax to zero at most", () => {
    // 2024 head of household, AGI 30,000: taxable 30,000 − 21,900 = 8,100 → tax 810; credit 4,000 → 810 used.
    expect(family(US_2024, "HEAD_OF_HOUSEHOLD", 30000)).toMatchObject({
      incomeTax: { taxMinor: usd(810) },
      childTaxCredit: { afterPhaseOutMinor: usd(4000), allowedMinor: usd(810) },
      estimatedTaxMinor: 0n,
      effectiveRatePercent: "0.00",
    });
  });
});

describe("summarizeYear: bad input", () => {
  it("an unknown filing status lists the table's", () => {
    expect(() => summarizeYear(request({ filingStatus: "WIDOWED" }))).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: "UNKNOWN_FILING_STATUS", field: "filingStatus" }) }),
    );
  });

  it("dependants must be a whole number and other withholding not negative", () => {
    for (const dependants of [-1, 1.5, Number.NaN]) {
      expect(() => summarizeYear(request({ dependants }))).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ field: "dependants" }) }),
      );
    }
    expect(() => summarizeYear(request({ otherWithholdingMinor: -1n }))).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ field: "otherWithholding" }) }),
    );
  });
});
