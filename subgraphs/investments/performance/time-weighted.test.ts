import { describe, expect, it } from "vitest";

import { decimal } from "../quantities/index.js";
import { moneyWeightedReturn, percent, subPeriodsBetween, timeWeightedReturn, timeWeightedReturnBetween } from "./index.js";

const sub = (startValue: number, flow: number, endValue: number) => ({
  startValue: decimal(startValue),
  flow: decimal(flow),
  endValue: decimal(endValue),
});
const values = (table: Record<string, number>) => (date: string) => {
  if (!(date in table)) throw new Error(`no value asked for ${date}`);
  return decimal(table[date]!);
};

describe("timeWeightedReturn", () => {
  it("chains sub-period returns, whatever money came in between: +10% then +10% is +21%", () => {
    // 1,000 grows to 1,100; 500 more arrives, and 1,600 grows to 1,760.
    expect(timeWeightedReturn([sub(1000, 0, 1100), sub(1100, 500, 1760)])!.toFixed()).toBe("0.21");
  });

  it("nets a withdrawal out of the next sub-period's base: +5% then −5% is −0.25%", () => {
    // 10,000 → 10,500; 2,000 leaves, and 8,500 falls to 8,075.
    const twr = timeWeightedReturn([sub(10000, 0, 10500), sub(10500, -2000, 8075)]);
    expect(twr!.toFixed()).toBe("-0.0025");
    expect(percent(twr)).toBe("-0.25");
  });

  it("passes over a stretch with nothing in it, and is null when nothing was ever in", () => {
    // Sold out to cash (the sale is money out), idle, then bought back in.
    const twr = timeWeightedReturn([sub(100, 0, 110), sub(110, -110, 0), sub(0, 200, 220)]);
    expect(twr!.toFixed()).toBe("0.21");
    expect(timeWeightedReturn([])).toBeNull();
    expect(timeWeightedReturn([sub(0, 0, 0)])).toBeNull();
  });

  it("is −100 % when everything invested was lost, not a stretch with nothing in it", () => {
    expect(timeWeightedReturn([sub(1000, 0, 1100), sub(1100, 0, 0)])!.toFixed()).toBe("-1");
  });

  it("is null when value appears from nothing: there is no return on nothing", () => {
    expect(timeWeightedReturn([sub(0, 0, 5)])).toBeNull();
    expect(timeWeightedReturn([sub(100, -150, 5)])).toBeNull();
  });
});

describe("sub-periods between two dates", () => {
  it("start a flow's sub-period at the start of its day, from the previous close", () => {
    const period = {
      from: "2024-01-01",
      to: "2024-01-31",
      startValue: decimal(1000),
      flows: [{ date: "2024-01-11", amount: decimal(500) }],
      valueAtEndOf: values({ "2024-01-10": 1100, "2024-01-31": 1760 }),
    };
    expect(subPeriodsBetween(period)).toEqual([sub(1000, 0, 1100), sub(1100, 500, 1760)]);
    expect(timeWeightedReturnBetween(period)!.toFixed()).toBe("0.21");
  });

  it("add a flow on `from` to the start value, net each day's flows, and ignore days outside", () => {
    const period = {
      from: "2024-01-01",
      to: "2024-01-31",
      startValue: decimal(0),
      flows: [
        { date: "2023-12-31", amount: decimal(999) },
        { date: "2024-01-01", amount: decimal(1000) },
        { date: "2024-01-15", amount: decimal(300) },
        { date: "2024-01-15", amount: decimal(-300) },
        { date: "2024-01-20", amount: decimal(-100) },
        { date: "2024-02-01", amount: decimal(999) },
      ],
      valueAtEndOf: values({ "2024-01-19": 1200, "2024-01-31": 1210 }),
    };
    expect(subPeriodsBetween(period)).toEqual([sub(0, 1000, 1200), sub(1200, -100, 1210)]);
  });

  it("cut at a flow on `to`, the last day, which then has a sub-period of its own", () => {
    const period = {
      from: "2024-01-01",
      to: "2024-01-31",
      startValue: decimal(1000),
      flows: [{ date: "2024-01-31", amount: decimal(-500) }],
      valueAtEndOf: values({ "2024-01-30": 1100, "2024-01-31": 660 }),
    };
    expect(subPeriodsBetween(period)).toEqual([sub(1000, 0, 1100), sub(1100, -500, 660)]);
    expect(timeWeightedReturnBetween(period)!.toFixed()).toBe("0.21");
  });

  it("make one sub-period of a one-day period", () => {
    const oneDay = {
      from: "2024-01-01",
      to: "2024-01-01",
      startValue: decimal(100),
      flows: [],
      valueAtEndOf: values({ "2024-01-01": 103 }),
    };
    expect(subPeriodsBetween(oneDay)).toEqual([sub(100, 0, 103)]);
  });

  it("refuse a `to` before `from`", () => {
    const backwards = { from: "2024-02-01", to: "2024-01-01", startValue: decimal(1), flows: [], valueAtEndOf: values({}) };
    expect(() => subPeriodsBetween(backwards)).toThrow(expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "to" } }));
    expect(() => subPeriodsBetween(backwards)).toThrow("from must not be after to");
  });

  it("name the bound that is not a date", () => {
    const period = { from: "2024-01-01", to: "2024-01-31", startValue: decimal(1), flows: [], valueAtEndOf: values({}) };
    const field = (f: string) => expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: f } });
    expect(() => subPeriodsBetween({ ...period, from: "2024-00-01" })).toThrow(field("from"));
    expect(() => subPeriodsBetween({ ...period, to: "2024-01-32" })).toThrow(field("to"));
  });
});

describe("a period without flows", () => {
  const start = decimal("1000.00");
  const end = decimal("1234.56");

  it("has the simple return as its time-weighted return", () => {
    const period = { from: "2021-01-01", to: "2021-06-30", startValue: start, flows: [], valueAtEndOf: values({ "2021-06-30": 1234.56 }) };
    expect(timeWeightedReturnBetween(period)!.toFixed()).toBe("0.23456");
  });

  it("over exactly one year (365 days, end dated the day after `to`) has the same money-weighted return", () => {
    const mwr = moneyWeightedReturn({ from: "2021-01-01", to: "2021-12-31", startValue: start, endValue: end, flows: [] });
    expect(Math.abs(mwr!.toNumber() - 0.23456)).toBeLessThan(1e-10);
    expect(percent(mwr)).toBe("23.46");
  });
});

describe("percent", () => {
  it.each([
    ["0.1272", "12.72"],
    ["0.127249", "12.72"],
    ["0.12725", "12.73"],
    ["-0.12725", "-12.73"],
    ["-0.031", "-3.10"],
    ["-0.00004", "0.00"],
    ["0", "0.00"],
    ["12.5", "1250.00"],
  ])("%s is %s", (rate, expected) => {
    expect(percent(decimal(rate))).toBe(expected);
  });

  it("passes null through", () => {
    expect(percent(null)).toBeNull();
  });
});
