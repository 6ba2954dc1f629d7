import { describe, expect, it } from "vitest";

import { TaxTableCatalog } from "../tables/table-catalog.js";
import { chooseDeduction, itemizedDeduction } from "./deduction.js";

const usd = (dollars: number) => BigInt(dollars) * 100n;
// 2024, single: SALT capped at 10,000; medical above 7.5 % of AGI.
const US_2024 = TaxTableCatalog.fromDirectory().resolve("US", 2024);
const base = {
  deductionsPaidMinor: 0n,
  stateAndLocalTaxPaidMinor: 0n,
  medicalPaidMinor: 0n,
  saltCap: US_2024.saltCap.byFilingStatus.SINGLE!,
  medicalFloorPercent: US_2024.medicalFloor.percentOfAgi,
};

describe("itemizedDeduction", () => {
  it("caps state and local tax and counts medical expenses above the floor", () => {
    // AGI 80,000: medical floor 7.5 % = 6,000; medical 9,000 → 3,000. SALT 12,000 → 10,000. Charity 2,500.
    // Total 2,500 + 10,000 + 3,000 = 15,500.
    expect(
      itemizedDeduction({
        ...base,
        adjustedGrossIncomeMinor: usd(80000),
        deductionsPaidMinor: usd(2500),
        stateAndLocalTaxPaidMinor: usd(12000),
        medicalPaidMinor: usd(9000),
      }),
    ).toEqual({
      otherDeductionsMinor: usd(2500),
      stateAndLocalTaxPaidMinor: usd(12000),
      stateAndLocalTaxCapMinor: usd(10000),
      stateAndLocalTaxAllowedMinor: usd(10000),
      medicalPaidMinor: usd(9000),
      medicalFloorMinor: usd(6000),
      medicalAllowedMinor: usd(3000),
      totalMinor: usd(15500),
    });
  });

  it("rounds the medical floor half-up and counts nothing below it", () => {
    // 7.5 % of 0.10 = 0.0075 → 0.01; 7.5 % of 0.06 = 0.0045 → 0.00.
    expect(itemizedDeduction({ ...base, adjustedGrossIncomeMinor: 10n }).medicalFloorMinor).toBe(1n);
    expect(itemizedDeduction({ ...base, adjustedGrossIncomeMinor: 6n }).medicalFloorMinor).toBe(0n);
    expect(itemizedDeduction({ ...base, adjustedGrossIncomeMinor: usd(80000), medicalPaidMinor: usd(5000) }).medicalAllowedMinor).toBe(0n);
  });

  it("a negative AGI has no medical floor; refunds exceeding payments count as nothing", () => {
    const itemized = itemizedDeduction({
      ...base,
      adjustedGrossIncomeMinor: usd(-5000),
      medicalPaidMinor: usd(100),
      deductionsPaidMinor: usd(-40),
      stateAndLocalTaxPaidMinor: usd(-1),
    });
    expect(itemized).toMatchObject({
      medicalFloorMinor: 0n,
      medicalAllowedMinor: usd(100),
      otherDeductionsMinor: 0n,
      stateAndLocalTaxAllowedMinor: 0n,
      totalMinor: usd(100),
    });
  });
});

describe("chooseDeduction", () => {
  const itemized = (total: bigint) => ({ ...itemizedDeduction({ ...base, adjustedGrossIncomeMinor: 0n }), totalMinor: total });

  it("takes the larger, the standard deduction on a tie, and shows both", () => {
    expect(chooseDeduction(usd(14600), itemized(usd(15500)))).toMatchObject({
      standardMinor: usd(14600),
      chosen: "ITEMIZED",
      amountMinor: usd(15500),
    });
    expect(chooseDeduction(usd(14600), itemized(usd(14600)))).toMatchObject({ chosen: "STANDARD", amountMinor: usd(14600) });
    expect(chooseDeduction(usd(14600), itemized(usd(100)))).toMatchObject({
      chosen: "STANDARD",
      amountMinor: usd(14600),
      itemized: { totalMinor: usd(100) },
    });
  });
});
