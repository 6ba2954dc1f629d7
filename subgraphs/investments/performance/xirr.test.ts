import { describe, expect, it } from "vitest";

import { decimal } from "../quantities/index.js";
import { moneyWeightedReturn, percent, xirr } from "./index.js";

const flows = (...pairs: [string, string][]) => pairs.map(([date, amount]) => ({ date, amount: decimal(amount) }));
const near = (actual: { toNumber(): number } | null, expected: number, within = 1e-9) => {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual!.toNumber() - expected)).toBeLessThan(within);
};

describe("xirr", () => {
  it("matches Excel's XIRR documentation example: 0.373362535", () => {
    const example = flows(
      ["2008-01-01", "-10000"],
      ["2008-03-01", "2750"],
      ["2008-10-30", "4250"],
      ["2009-02-15", "3250"],
      ["2009-04-01", "2750"],
    );
    // The root, by a bisection in Python over the same equation, is 0.3733625335188; Excel's own
    // solver stops within 1e-8 of it and shows 0.373362535.
    near(xirr(example), 0.3733625335188, 1e-10);
    near(xirr(example), 0.373362535, 1e-8);
  });

  it("is (B / A)^(365 / days) − 1 for one flow in and one out", () => {
    near(xirr(flows(["2019-01-01", "-1000"], ["2020-01-01", "1100"])), 0.1, 1e-10);
    // 730 days: 1.21 = 1.1², so 10% a year.
    near(xirr(flows(["2019-01-01", "-1000"], ["2020-12-31", "1210"])), 0.1, 1e-10);
    near(xirr(flows(["2019-01-01", "-1000"], ["2020-01-01", "900"])), -0.1, 1e-10);
    // Half a year (182.5 days cannot be; 146 days is 0.4 years): 1.05^(1/0.4) − 1.
    near(xirr(flows(["2021-01-01", "-100"], ["2021-05-27", "105"])), 1.05 ** 2.5 - 1, 1e-10);
  });

  it("solves two contributions: 100 now and 100 in a year grow to 231 in two years at 10% (x² + x = 2.31)", () => {
    near(xirr(flows(["2019-01-01", "-100"], ["2020-01-01", "-100"], ["2020-12-31", "231"])), 0.1, 1e-10);
  });

  it("reaches extreme rates: a near-total loss and a thousandfold gain", () => {
    near(xirr(flows(["2019-01-01", "-1000"], ["2020-01-01", "1"])), -0.999, 1e-10);
    near(xirr(flows(["2019-01-01", "-1"], ["2020-01-01", "1000"])), 999, 1e-7);
  });

  it("annualises a short period without overflowing: +10% in a day is 1.1^365 − 1, −10% in a day is −100.00%", () => {
    const gain = xirr(flows(["2024-01-01", "-100"], ["2024-01-02", "110"]))!;
    const expected = decimal("1.1").pow(365).minus(1);
    expect(gain.div(expected).minus(1).abs().toNumber()).toBeLessThan(1e-9);
    const loss = xirr(flows(["2024-01-01", "-100"], ["2024-01-02", "90"]));
    expect(percent(loss)).toBe("-100.00");
  });

  it("nets flows on one day and reads them in any order", () => {
    // −1,000 and −100 a year later, worth 1,210 + 110 after two years: 10%.
    const scattered = flows(
      ["2020-01-01", "-600"],
      ["2020-12-31", "1320"],
      ["2019-01-01", "-1500"],
      ["2020-01-01", "500"],
      ["2019-01-01", "500"],
    );
    near(xirr(scattered), 0.1, 1e-10);
  });

  it("gives the root nearest the guess when the flows have two: 12% and 35%", () => {
    // −100 + 247 / x − 151.2 / x² = 0 where x = 1 + r: (x − 1.12)(x − 1.35) = 0.
    const twoRoots = flows(["2019-01-01", "-100"], ["2020-01-01", "247"], ["2020-12-31", "-151.2"]);
    near(xirr(twoRoots), 0.12, 1e-10);
    near(xirr(twoRoots, { guess: 0.4 }), 0.35, 1e-10);
  });

  it("is null without a change of sign, or with everything on one day", () => {
    expect(xirr([])).toBeNull();
    expect(xirr(flows(["2019-01-01", "-100"], ["2020-01-01", "-100"]))).toBeNull();
    expect(xirr(flows(["2019-01-01", "100"], ["2020-01-01", "0"]))).toBeNull();
    expect(xirr(flows(["2019-01-01", "-100"], ["2019-01-01", "120"]))).toBeNull();
  });

  it("is null when the flows change sign but no rate solves them", () => {
    // 100 − 300 / x + 250 / x² > 0 for every x: the discriminant 300² − 4·100·250 is negative.
    expect(xirr(flows(["2019-01-01", "100"], ["2020-01-01", "-300"], ["2020-12-31", "250"]))).toBeNull();
  });

  it("refuses dates that are not calendar dates", () => {
    expect(() => xirr(flows(["2019-02-30", "-1"], ["2020-01-01", "2"]))).toThrow(
      expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "date" } }),
    );
  });
});

describe("moneyWeightedReturn", () => {
  it("counts the start value in on `from` and the end value out the day after `to`", () => {
    // Excel's example again, as a portfolio worth 10,000 on 2008-01-01 that pays out three times
    // and is worth 2,750 at the close of 2009-03-31.
    const period = {
      from: "2008-01-01",
      to: "2009-03-31",
      startValue: decimal(10000),
      endValue: decimal(2750),
      flows: flows(["2008-03-01", "-2750"], ["2008-10-30", "-4250"], ["2009-02-15", "-3250"], ["2010-01-01", "1000000"]),
    };
    near(moneyWeightedReturn(period), 0.3733625335188, 1e-10);
  });
});
