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

  it("annualises a gain or a loss of three quarters in a day two years into the flows: no present value overflows", () => {
    // 25 in, 100 out the next day: 4^365 − 1 = 2^730 − 1 a year (the 1,000 two years on weighs
    // e^−1012 of it). Valued from the first day, the last flow at the rates searched near there is
    // e^1382 times too large for a float: the solver must not lose those rates.
    const gain = xirr(flows(["2019-01-01", "-25"], ["2019-01-02", "100"], ["2021-01-01", "1000"]))!;
    expect(gain.div(decimal(2).pow(730).minus(1)).minus(1).abs().toNumber()).toBeLessThan(1e-9);
    // 1,000 lost over two years, then 100 more put in and 25 of it back the next day: −1 + 4^−365.
    const loss = xirr(flows(["2019-01-01", "-1000"], ["2019-01-02", "-1"], ["2021-01-01", "-100"], ["2021-01-02", "25"]));
    expect(loss?.toFixed()).toBe("-1");
  });

  it("gives the root nearest the guess on the scale of ln(1 + r), above or below it", () => {
    // (x − 0.5)(x − 50) = 0 over three yearly flows: −50 % and 4,900 %.
    const farApart = flows(["2019-01-01", "-100"], ["2020-01-01", "5050"], ["2020-12-31", "-2500"]);
    near(xirr(farApart), -0.5, 1e-10);
    near(xirr(farApart, { guess: 3 }), 49, 1e-7);
    // (x − 0.95)(x − 3.8): −5 % and 280 %, the guess far above both.
    near(xirr(flows(["2019-01-01", "-100"], ["2020-01-01", "475"], ["2020-12-31", "-361"]), { guess: 1000 }), 2.8, 1e-9);
    // (x − 0.05)(x − 0.075): −95 % and −92.5 %, the guess on the lower one.
    const nearTotalLoss = flows(["2019-01-01", "-100"], ["2020-01-01", "12.5"], ["2020-12-31", "-0.375"]);
    near(xirr(nearTotalLoss, { guess: -0.95 }), -0.95, 1e-10);
    // (x − 2)(x − 4): 100 % and 300 %, both exactly rates the search tries first.
    const exactRoots = flows(["2019-01-01", "-100"], ["2020-01-01", "600"], ["2020-12-31", "-800"]);
    near(xirr(exactRoots), 1, 1e-10);
    near(xirr(exactRoots, { guess: 5 }), 3, 1e-10);
  });

  it("keeps to the root in the search interval holding the guess, where a Newton step would jump to the next root", () => {
    // (x − 0.06)(x − 0.11): −94 % and −89 %. The guess −90.5 % lies in the searched interval
    // −95 %..−90 %, which holds −94 %; the present value is nearly flat there, so an unguarded
    // Newton step from the guess lands beyond −90 % and converges on −89 %.
    const close = flows(["2019-01-01", "-100"], ["2020-01-01", "17"], ["2020-12-31", "-0.66"]);
    near(xirr(close, { guess: -0.905 }), -0.94, 1e-10);
    near(xirr(close, { guess: -0.85 }), -0.89, 1e-10);
  });

  it("solves flows that start with money received and end with money paid, as a loan's are", () => {
    // Received three times, repaid once: the present value is positive at the lowest rates, so the
    // search's bracket is oriented the other way round from an investment's.
    const borrowed = flows(["2001-08-15", "7313.6"], ["2004-07-29", "5319.96"], ["2006-10-21", "9313.32"], ["2007-08-28", "-9706.02"]);
    near(xirr(borrowed), -0.2910736902, 1e-10);
  });

  it("refuses a guess of −100 % or below and a tolerance that is not positive", () => {
    const valid = flows(["2019-01-01", "-1000"], ["2020-01-01", "1100"]);
    for (const options of [{ guess: -1 }, { guess: -2 }, { guess: Number.NaN }, { tolerance: 0 }, { tolerance: -1e-10 }]) {
      expect(() => xirr(valid, options), JSON.stringify(options)).toThrow(
        new RangeError("xirr: guess must be above -1 and tolerance positive"),
      );
    }
    near(xirr(valid, { guess: -0.99, tolerance: 1e-12 }), 0.1, 1e-12);
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

  it("counts flows on `from` and on `to`, and ignores those before `from`", () => {
    const period = {
      from: "2021-01-01",
      to: "2021-12-31",
      startValue: decimal(1000),
      endValue: decimal(1650),
      flows: flows(["2020-12-31", "70000"], ["2021-01-01", "500"], ["2021-12-31", "-100"], ["2022-01-01", "-70000"]),
    };
    // As the investor sees it: 1,500 in on 2021-01-01, 100 back on 2021-12-31, 1,650 kept the day after.
    const investor = flows(["2021-01-01", "-1500"], ["2021-12-31", "100"], ["2022-01-01", "1650"]);
    expect(moneyWeightedReturn(period)!.toFixed()).toBe(xirr(investor)!.toFixed());
    near(moneyWeightedReturn(period), 0.1666, 1e-4);
  });

  it("takes a one-day period, and refuses a `to` before `from` or a bound that is not a date", () => {
    const oneDay = { from: "2024-01-02", to: "2024-01-02", startValue: decimal(100), endValue: decimal(110), flows: [] };
    near(moneyWeightedReturn(oneDay), 1.1 ** 365 - 1, 1e-9 * 1.1 ** 365);
    const field = (f: string) => expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: f } });
    expect(() => moneyWeightedReturn({ ...oneDay, to: "2024-01-01" })).toThrow(field("to"));
    expect(() => moneyWeightedReturn({ ...oneDay, to: "2024-01-01" })).toThrow("from must not be after to");
    expect(() => moneyWeightedReturn({ ...oneDay, from: "2024-02-30" })).toThrow(field("from"));
    expect(() => moneyWeightedReturn({ ...oneDay, to: "2024-02-30" })).toThrow(field("to"));
  });
});
