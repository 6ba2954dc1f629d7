import { describe, expect, it } from "vitest";

import { TaxTableCatalog } from "../tables/table-catalog.js";
import { saltCapAt } from "./salt-cap.js";

const usd = (dollars: number) => BigInt(dollars) * 100n;
const catalog = TaxTableCatalog.fromDirectory();
// 2024, single: 10,000 flat.
const flat = catalog.resolve("US", 2024).saltCap.byFilingStatus.SINGLE!;
// 2025 as amended, single: 40,000 less 30 % of MAGI over 500,000, not below 10,000.
const phased = catalog.resolve("US", 2025, "OBBBA_2025").saltCap.byFilingStatus.SINGLE!;

describe("saltCapAt", () => {
  it("a cap without a phase-down is the limit at any income", () => {
    expect(saltCapAt(flat, usd(10_000_000))).toBe(usd(10000));
  });

  it("shrinks by the percent of AGI over the threshold, down to the floor", () => {
    expect(saltCapAt(phased, usd(500000))).toBe(usd(40000));
    // 40,000 − 30 % × 50,000 = 25,000.
    expect(saltCapAt(phased, usd(550000))).toBe(usd(25000));
    // 40,000 − 30 % × 100,000 = 10,000: the floor reached exactly at 600,000...
    expect(saltCapAt(phased, usd(600000))).toBe(usd(10000));
    // ...and held above it.
    expect(saltCapAt(phased, usd(2_000_000))).toBe(usd(10000));
  });

  it("rounds the reduction half-up to the cent", () => {
    // 30 % of 0.05 = 0.015 → 0.02; 30 % of 0.01 = 0.003 → 0.00; 30 % of 0.15 = 0.045 → 0.05.
    expect(saltCapAt(phased, usd(500000) + 5n)).toBe(usd(40000) - 2n);
    expect(saltCapAt(phased, usd(500000) + 1n)).toBe(usd(40000));
    expect(saltCapAt(phased, usd(500000) + 15n)).toBe(usd(40000) - 5n);
  });

  it("a phase-down without a floor stops at zero", () => {
    expect(saltCapAt({ ...phased, floorMinor: null }, usd(1_000_000))).toBe(0n);
  });
});
