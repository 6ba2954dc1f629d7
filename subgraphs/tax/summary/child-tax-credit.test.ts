import { describe, expect, it } from "vitest";

import { TaxTableCatalog } from "../tables/table-catalog.js";
import { childTaxCredit } from "./child-tax-credit.js";

const usd = (dollars: number) => BigInt(dollars) * 100n;
// 2024, single: 2,000 a child, 50 less per 1,000 (or part) of AGI over 200,000.
const credit = TaxTableCatalog.fromDirectory().resolve("US", 2024).childTaxCredit.byFilingStatus.SINGLE!;

describe("childTaxCredit", () => {
  it("is the full credit per child up to the threshold", () => {
    expect(childTaxCredit(credit, 2, usd(200000), usd(30000))).toEqual({
      children: 2,
      beforePhaseOutMinor: usd(4000),
      phaseOutMinor: 0n,
      afterPhaseOutMinor: usd(4000),
      allowedMinor: usd(4000),
    });
  });

  it("loses a step for every 1,000 or part of it over the threshold", () => {
    // 0.01 over: one step, 50 off.
    expect(childTaxCredit(credit, 2, usd(200000) + 1n, usd(30000)).phaseOutMinor).toBe(usd(50));
    // 10,000 over: 10 steps, 500 off → 3,500.
    expect(childTaxCredit(credit, 2, usd(210000), usd(30000))).toMatchObject({ phaseOutMinor: usd(500), afterPhaseOutMinor: usd(3500) });
    // 10,000.01 over: 11 steps, 550 off → 3,450.
    expect(childTaxCredit(credit, 2, usd(210000) + 1n, usd(30000))).toMatchObject({
      phaseOutMinor: usd(550),
      afterPhaseOutMinor: usd(3450),
    });
    // 100,000 over: 5,000 off a 4,000 credit → 0, not negative.
    expect(childTaxCredit(credit, 2, usd(300000), usd(30000))).toMatchObject({ afterPhaseOutMinor: 0n, allowedMinor: 0n });
  });

  it("reduces the tax at most to zero (the refundable part is not computed)", () => {
    expect(childTaxCredit(credit, 3, usd(40000), usd(1234))).toMatchObject({ afterPhaseOutMinor: usd(6000), allowedMinor: usd(1234) });
    expect(childTaxCredit(credit, 3, usd(40000), 0n).allowedMinor).toBe(0n);
  });

  it("no children, no credit", () => {
    expect(childTaxCredit(credit, 0, usd(40000), usd(5000))).toMatchObject({ beforePhaseOutMinor: 0n, allowedMinor: 0n });
  });
});
