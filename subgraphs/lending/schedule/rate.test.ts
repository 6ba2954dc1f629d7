import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";

import { monthlyRate, monthlyRateFraction, parseAnnualRate, parsePercent, roundHalfUp } from "./rate.js";

const badInputOn = (field: string) => expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field }) });

describe("annual rates", () => {
  it.each([
    ["5", "5"],
    ["6.5", "6.5"],
    ["0", "0"],
    ["100", "100"],
    ["100.000000", "100"],
    [" 4.125 ", "4.125"],
    ["0.000001", "0.000001"],
    ["007.25", "7.25"],
  ])("reads %j as %s percent", (text, expected) => {
    expect(parseAnnualRate(text).toString()).toBe(expected);
  });

  it.each(["-1", "-0.5", "100.000001", "101", "1000", "5.1234567", "1e2", "5%", "5,5", ".5", "", "abc", "NaN", "Infinity"])(
    "refuses %j on annualRatePercent",
    (text) => {
      expect(() => parseAnnualRate(text)).toThrow(badInputOn("annualRatePercent"));
    },
  );

  it("names the field it is given for other percentages", () => {
    expect(() => parsePercent("150", "lateFee")).toThrow(badInputOn("lateFee"));
  });

  it("says how a rate must be written", () => {
    expect(() => parsePercent("5%", "lateFee")).toThrow('lateFee must be a percentage written like "5" or "6.25"');
    expect(() => parsePercent("5.1234567", "lateFee")).toThrow("lateFee allows at most 6 decimal places");
    expect(() => parsePercent("150", "lateFee")).toThrow("lateFee must be between 0 and 100");
  });

  it("refuses a rate that did not arrive as text as the client's error, not a crash", () => {
    expect(() => parseAnnualRate(5 as unknown as string)).toThrow(badInputOn("annualRatePercent"));
  });
});

describe("monthly rate", () => {
  it("is annual / 100 / 12 to 40 significant digits", () => {
    expect(monthlyRate(parseAnnualRate("5")).toString()).toBe("0.004166666666666666666666666666666666666667");
    expect(monthlyRate(parseAnnualRate("6")).toString()).toBe("0.005");
    expect(monthlyRate(parseAnnualRate("0")).isZero()).toBe(true);
  });

  it("is kept for computing as the exact fraction annual / 1200 in lowest terms", () => {
    expect(monthlyRateFraction(parseAnnualRate("5"))).toEqual({ num: 1n, den: 240n });
    expect(monthlyRateFraction(parseAnnualRate("6.5"))).toEqual({ num: 13n, den: 2400n });
    expect(monthlyRateFraction(parseAnnualRate("0"))).toEqual({ num: 0n, den: 1n });
    expect(monthlyRateFraction(parseAnnualRate("99.999999"))).toEqual({ num: 33_333_333n, den: 400_000_000n });
  });

  it("refuses a stored rate outside 0..100 or with more than six decimals, on annualRatePercent", () => {
    for (const rate of ["101", "-1", "5.1234567"]) {
      expect(() => monthlyRateFraction(new Decimal(rate))).toThrow(badInputOn("annualRatePercent"));
      expect(() => monthlyRateFraction(new Decimal(rate))).toThrow(
        "annualRatePercent must be between 0 and 100 with at most 6 decimal places",
      );
    }
  });
});

describe("half-up rounding", () => {
  it("rounds halves away from zero and everything else to the nearest whole", () => {
    expect([roundHalfUp(5n, 2n), roundHalfUp(7n, 2n), roundHalfUp(4n, 3n), roundHalfUp(5n, 3n), roundHalfUp(0n, 7n)]).toEqual([
      3n,
      4n,
      1n,
      2n,
      0n,
    ]);
    expect([roundHalfUp(-5n, 2n), roundHalfUp(-4n, 3n)]).toEqual([-3n, -1n]);
  });
});
