import { describe, expect, it } from "vitest";

import { fromAtto, toAtto } from "./atto-units.js";
import { amountOf, decimal, formatQuantity, parseQuantity, parseSplitRatio } from "./quantity.js";

function refusal(run: () => unknown): { code: string; field: string; message: string } {
  try {
    run();
  } catch (error) {
    const { extensions, message } = error as { extensions: { code: string; field: string }; message: string };
    return { ...extensions, message };
  }
  throw new Error("expected a refusal");
}

describe("parseQuantity", () => {
  it.each([
    ["1", "1"],
    ["0.5", "0.5"],
    [" 12.50 ", "12.5"],
    ["0012.50", "12.5"],
    ["1.000000000000000001", "1.000000000000000001"],
    ["0.000000000000000001", "0.000000000000000001"],
    ["99999999999999999999.999999999999999999", "99999999999999999999.999999999999999999"],
    ["2.5000000000000000000000", "2.5"],
  ])("reads %j exactly as %s", (input, expected) => {
    expect(formatQuantity(parseQuantity(input))).toBe(expected);
  });

  it.each([
    ["1e3", "must be a decimal string"],
    ["1,5", "must be a decimal string"],
    [".5", "must be a decimal string"],
    ["5.", "must be a decimal string"],
    ["", "must be a decimal string"],
    ["NaN", "must be a decimal string"],
    ["-1", "must not be negative"],
    ["0", "must be greater than zero"],
    ["0.000", "must be greater than zero"],
    ["1.0000000000000000001", "at most 18 decimal places"],
    ["100000000000000000000", "at most 20 digits before the decimal point"],
  ])("refuses %j: %s", (input, reason) => {
    const { code, field, message } = refusal(() => parseQuantity(input));
    expect({ code, field }).toEqual({ code: "BAD_USER_INPUT", field: "quantity" });
    expect(message).toContain(reason);
  });

  it("accepts zero when asked, names the field it is given", () => {
    expect(formatQuantity(parseQuantity("0", "quantity", { allowZero: true }))).toBe("0");
    expect(refusal(() => parseQuantity("-0.5", "quantity", { allowZero: true })).message).toContain("must not be negative");
    expect(refusal(() => parseQuantity("x", "rows[3].quantity")).field).toBe("rows[3].quantity");
  });

  it("keeps all 38 digits through arithmetic (decimal.js' default precision is 20)", () => {
    const big = parseQuantity("12345678901234567890.123456789012345678");
    expect(big.plus(parseQuantity("0.000000000000000001")).toFixed()).toBe("12345678901234567890.123456789012345679");
  });
});

describe("split ratios", () => {
  it("are positive decimals named splitRatio", () => {
    expect(parseSplitRatio("0.1").toFixed()).toBe("0.1");
    expect(refusal(() => parseSplitRatio("0"))).toMatchObject({ code: "BAD_USER_INPUT", field: "splitRatio" });
    expect(refusal(() => parseSplitRatio("-2"))).toMatchObject({ code: "BAD_USER_INPUT", field: "splitRatio" });
  });
});

describe("formatQuantity", () => {
  it("never writes an exponent, trims trailing zeros", () => {
    expect(formatQuantity(decimal("1e-18"))).toBe("0.000000000000000001");
    expect(formatQuantity(decimal("1e20"))).toBe("100000000000000000000");
    expect(formatQuantity(decimal("1.500"))).toBe("1.5");
    expect(formatQuantity(decimal("-0"))).toBe("0");
  });
});

describe("amountOf", () => {
  const usd = (amountMinor: bigint) => ({ amountMinor, currency: "USD" });

  it.each([
    // 1.005 × 100 is 100.49999999999999 in floats; exactly it is 100.5, which rounds up.
    ["1.005", 100n, "USD", 101n],
    ["0.333333", 300n, "USD", 100n],
    ["0.1", 3n, "USD", 0n],
    ["0.1", 5n, "USD", 1n],
    ["1.5", 3n, "JPY", 5n],
    ["2.25", 1n, "KWD", 2n],
    ["0.000000000000000001", 10n ** 17n, "USD", 0n],
    ["0.000000000000000005", 10n ** 17n, "USD", 1n],
    // In floats 0.499999999999999999 is 0.5, and would round up.
    ["0.499999999999999999", 1n, "JPY", 0n],
    ["12345678901234.123456789012345678", 3n, "JPY", 37037036703702n],
  ])("%s × %i minor units of %s is %i, rounded once", (quantity, priceMinor, currency, expected) => {
    expect(amountOf(parseQuantity(quantity), { amountMinor: priceMinor, currency })).toEqual({ amountMinor: expected, currency });
  });

  it("is exact for a quantity made elsewhere with more than 18 decimals", () => {
    expect(amountOf(decimal("0.0000000000000000005"), usd(10n ** 18n)).amountMinor).toBe(1n);
  });

  it("refuses a product beyond what an amount may hold, on quantity", () => {
    expect(refusal(() => amountOf(parseQuantity("10000000000"), usd(10n ** 8n)))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "quantity",
    });
  });
});

describe("atto units", () => {
  it("convert both ways exactly and refuse a 19th decimal", () => {
    expect(toAtto(parseQuantity("1.5"))).toBe(1_500_000_000_000_000_000n);
    expect(fromAtto(1n).toFixed()).toBe("0.000000000000000001");
    expect(fromAtto(-2_500_000_000_000_000_000n).toFixed()).toBe("-2.5");
    expect(refusal(() => toAtto(decimal("1e-19")))).toMatchObject({ code: "BAD_USER_INPUT", field: "quantity" });
  });
});
