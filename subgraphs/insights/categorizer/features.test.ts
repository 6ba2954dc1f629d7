import { describe, expect, it } from "vitest";

import { amountFeature, features } from "./features.js";

describe("amountFeature", () => {
  it("puts amounts in half-decades split at √10, by sign", () => {
    expect(amountFeature(-316n)).toBe("a:-4");
    expect(amountFeature(-317n)).toBe("a:-5");
    expect(amountFeature(-450n)).toBe("a:-5");
    expect(amountFeature(-999n)).toBe("a:-5");
    expect(amountFeature(-1_000n)).toBe("a:-6");
    expect(amountFeature(-245_000n)).toBe("a:-10");
    expect(amountFeature(431_255n)).toBe("a:+11");
    expect(amountFeature(1n)).toBe("a:+0");
    expect(amountFeature(3n)).toBe("a:+0");
    expect(amountFeature(4n)).toBe("a:+1");
    expect(amountFeature(0n)).toBe("a:0");
  });

  it("splits every decade at 3.1623 × 10^n, beyond a double's range too", () => {
    expect(amountFeature(31_622n)).toBe("a:+8");
    expect(amountFeature(31_623n)).toBe("a:+9");
    expect(amountFeature(-(10n ** 30n))).toBe("a:-60");
    expect(amountFeature(-(4n * 10n ** 30n))).toBe("a:-61");
  });
});

describe("features", () => {
  it("names payee words, note words and the amount bucket apart, each once", () => {
    expect(features({ payee: "SQ *BLUE BOTTLE 1234 SAN FRANCISCO CA", notes: "coffee with Jo, coffee", amountMinor: -450n })).toEqual([
      "p:blue",
      "p:bottle",
      "n:coffee",
      "n:jo",
      "a:-5",
    ]);
  });

  it("always has the amount, even for a payee that is all noise", () => {
    expect(features({ payee: "POS 1234", amountMinor: -2_500n })).toEqual(["a:-6"]);
  });
});
