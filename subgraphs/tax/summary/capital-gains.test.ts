import { describe, expect, it } from "vitest";

import { netCapitalGains } from "./capital-gains.js";

const usd = (dollars: number) => BigInt(dollars) * 100n;

describe("netCapitalGains", () => {
  it("a short-term loss uses up the long-term gain first: only the overall net is preferential", () => {
    // ST −5,000, LT +12,000 → net 7,000; preferential min(12,000, 7,000) = 7,000.
    expect(netCapitalGains(usd(-5000), usd(12000), usd(3000))).toEqual({
      shortTermNetMinor: usd(-5000),
      longTermNetMinor: usd(12000),
      netMinor: usd(7000),
      includedInIncomeMinor: usd(7000),
      preferentialGainMinor: usd(7000),
      lossLimitMinor: usd(3000),
      deductibleLossMinor: 0n,
      carryoverLossMinor: 0n,
    });
  });

  it("a net gain that is all short term is ordinary: nothing preferential", () => {
    // ST +4,000, LT −1,000 → net 3,000, taxed as ordinary income; min(−1,000, 3,000) < 0 → 0.
    expect(netCapitalGains(usd(4000), usd(-1000), usd(3000))).toMatchObject({
      netMinor: usd(3000),
      includedInIncomeMinor: usd(3000),
      preferentialGainMinor: 0n,
    });
  });

  it("two gains: the long-term one is preferential", () => {
    expect(netCapitalGains(usd(2000), usd(3000), usd(3000))).toMatchObject({ netMinor: usd(5000), preferentialGainMinor: usd(3000) });
  });

  it("a net loss is deducted up to the limit and the rest carried over", () => {
    // −4,000 − 6,000 = −10,000: 3,000 deducted, 7,000 carried over.
    expect(netCapitalGains(usd(-4000), usd(-6000), usd(3000))).toMatchObject({
      netMinor: usd(-10000),
      includedInIncomeMinor: usd(-3000),
      preferentialGainMinor: 0n,
      deductibleLossMinor: usd(3000),
      carryoverLossMinor: usd(7000),
    });
    // Married filing separately: 1,500. A 2,000 loss leaves 500.
    expect(netCapitalGains(0n, usd(-2000), usd(1500))).toMatchObject({
      includedInIncomeMinor: usd(-1500),
      deductibleLossMinor: usd(1500),
      carryoverLossMinor: usd(500),
    });
  });

  it("a loss under the limit is deducted whole", () => {
    expect(netCapitalGains(-120_001n, 0n, usd(3000))).toMatchObject({
      includedInIncomeMinor: -120_001n,
      deductibleLossMinor: 120_001n,
      carryoverLossMinor: 0n,
    });
  });

  it("nothing realized is nothing", () => {
    expect(netCapitalGains(0n, 0n, usd(3000))).toMatchObject({
      netMinor: 0n,
      includedInIncomeMinor: 0n,
      preferentialGainMinor: 0n,
      carryoverLossMinor: 0n,
    });
  });
});
