import { describe, expect, it } from "vitest";

import { percent } from "../performance/index.js";
import { dayNumber } from "./day-numbers.js";
import { investorFlows, returnsOf, subPeriods } from "./returns.js";

const firstDay = dayNumber("2024-12-31");

describe("time-weighted sub-periods", () => {
  it("counts money put in at the start of its day, so a buy shares the day's move", () => {
    // Bought 1,000 on day 1; worth 1,100 at its close, 1,210 two days on.
    const series = { firstDay, values: [0n, 1100n, 1150n, 1210n], inflow: [0n, 1000n, 0n, 0n], outflow: [0n, 0n, 0n, 0n] };
    expect(percent(returnsOf(series).timeWeighted)).toBe("21.00");
  });

  it("counts money taken out at the end of its day, so a full sale keeps the day's move", () => {
    // 10 units at 100 on day 0, sold at the next close of 110 less a 10 fee: 1,090 out, nothing left.
    const series = { firstDay, values: [1000n, 0n, 0n], inflow: [0n, 0n, 0n], outflow: [0n, 1090n, 0n] };
    const periods = subPeriods(series);
    expect(periods.map((p) => [p.startValue.toFixed(), p.flow.toFixed(), p.endValue.toFixed()])).toEqual([
      ["1000", "0", "1090"],
      ["1090", "-1090", "0"],
    ]);
    expect(percent(returnsOf(series).timeWeighted)).toBe("9.00");
  });

  it("dates the start value on from and the end value the day after to for XIRR", () => {
    const series = { firstDay, values: [1000n, 1050n, 1100n], inflow: [0n, 0n, 0n], outflow: [0n, 0n, 0n] };
    expect(investorFlows(series).map((f) => [f.date, f.amount.toFixed()])).toEqual([
      ["2025-01-01", "-1000"],
      ["2025-01-03", "1100"],
    ]);
  });

  it("has no return when nothing was ever invested", () => {
    expect(returnsOf({ firstDay, values: [0n, 0n], inflow: [0n, 0n], outflow: [0n, 0n] })).toEqual({
      timeWeighted: null,
      moneyWeighted: null,
    });
  });
});
