import { describe, expect, it } from "vitest";

import { absolute, fromUnits, remainderOf, signed, toInputText, toUnits } from "./decimal";

describe("decimal strings", () => {
  it("reads and writes amounts exactly", () => {
    expect(toUnits("12.3")).toBe(12_300_000n);
    expect(toUnits("-0.000001")).toBe(-1n);
    expect(toUnits("1e3")).toBeUndefined();
    expect(fromUnits(12_300_000n)).toBe("12.30");
    expect(fromUnits(-1n)).toBe("-0.000001");
    expect(fromUnits(0n)).toBe("0.00");
    expect(fromUnits(toUnits("0.1")! + toUnits("0.2")!)).toBe("0.30");
  });

  it("says what is left of a total after its parts, skipping parts that are not amounts", () => {
    expect(remainderOf("10.00", ["3.33", "3.33", "3.34"])).toBe("0.00");
    expect(remainderOf("10", ["2.5", undefined, "x"])).toBe("7.50");
    expect(remainderOf("10", ["12"])).toBe("-2.00");
  });

  it("signs money out as negative and formats for typing in the locale", () => {
    expect(signed("12.50", "out")).toBe("-12.50");
    expect(signed("-12.50", "in")).toBe("12.50");
    expect(signed("0", "out")).toBe("0");
    expect(absolute("-4.20")).toBe("4.20");
    expect(toInputText("1234.50", "de-DE")).toBe("1234,50");
    expect(toInputText("1234.50", "en-US")).toBe("1234.50");
  });
});
