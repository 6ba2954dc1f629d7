import { describe, expect, it } from "vitest";

import {
  carryChain,
  nextPeriod,
  type Period,
  periodContaining,
  type PeriodFigures,
  type PeriodKind,
  periodsBetween,
  previousPeriod,
  progressOf,
  thresholdsCrossed,
} from "./index.js";

// Every refusal is BAD_USER_INPUT naming the input at fault (a client puts the message next to
// that control) and saying what a valid value looks like.

const prefs = (monthStartDay: number, firstDayOfWeek = 1) => ({ firstDayOfWeek, monthStartDay });
const period = (start: string, end: string, days: number): Period => ({ start, end, days });
const november = period("2026-11-01", "2026-11-30", 30);
const carry = (availableMinor: bigint, spentMinor: bigint, at: Period = november) => ({
  period: at,
  budgetedMinor: availableMinor,
  carriedInMinor: 0n,
  availableMinor,
  spentMinor,
  remainingMinor: availableMinor - spentMinor,
});

/** Runs `run`, expecting BAD_USER_INPUT; returns the field it names and its message. */
function refusal(run: () => unknown): { field: unknown; message: string } {
  try {
    run();
  } catch (error) {
    const { extensions, message } = error as { extensions: { code: string; field: unknown }; message: string };
    expect(extensions.code).toBe("BAD_USER_INPUT");
    return { field: extensions.field, message };
  }
  throw new Error("expected BAD_USER_INPUT");
}

describe("period inputs", () => {
  it("say which kinds and which preference values are allowed", () => {
    expect(refusal(() => periodContaining("DAILY" as PeriodKind, "2026-11-03", prefs(1)))).toEqual({
      field: "kind",
      message: "kind must be one of WEEKLY, MONTHLY, QUARTERLY, YEARLY",
    });
    expect(refusal(() => periodContaining("WEEKLY", "2026-11-03", prefs(1, 0)))).toEqual({
      field: "firstDayOfWeek",
      message: "firstDayOfWeek must be an ISO weekday, 1 (Monday) to 7 (Sunday)",
    });
    expect(refusal(() => periodContaining("MONTHLY", "2026-11-03", prefs(29)))).toEqual({
      field: "monthStartDay",
      message: "monthStartDay must be a whole number from 1 to 28",
    });
  });

  it("are checked by periodsBetween, nextPeriod and previousPeriod as by periodContaining", () => {
    const aligned = period("2026-11-01", "2026-11-30", 30);
    expect(refusal(() => periodsBetween("DAILY" as PeriodKind, "2026-01-01", "2026-02-01", prefs(1))).field).toBe("kind");
    expect(refusal(() => periodsBetween("MONTHLY", "2026-01-01", "2026-02-01", prefs(0))).field).toBe("monthStartDay");
    expect(refusal(() => nextPeriod("DAILY" as PeriodKind, aligned, prefs(1))).field).toBe("kind");
    expect(refusal(() => previousPeriod("MONTHLY", aligned, prefs(1, 8))).field).toBe("firstDayOfWeek");
  });
});

describe("periodsBetween refusals", () => {
  it("take limit as a whole number, one or more, and allow exactly one period with limit 1", () => {
    expect(periodsBetween("MONTHLY", "2026-11-03", "2026-11-20", prefs(1), 1)).toEqual([november]);
    for (const limit of [-1, 2.5, Number.NaN]) {
      expect(refusal(() => periodsBetween("MONTHLY", "2026-01-01", "2026-12-31", prefs(1), limit))).toEqual({
        field: "limit",
        message: "limit must be a whole number, one or more",
      });
    }
  });

  it("say how many periods were too many", () => {
    expect(refusal(() => periodsBetween("QUARTERLY", "2026-01-01", "2026-12-31", prefs(1), 3)).message).toBe(
      "more than 3 QUARTERLY periods lie between from and to",
    );
  });

  it("name the date at fault", () => {
    expect(refusal(() => periodsBetween("MONTHLY", "2026-01-01", "2026-13-01", prefs(1))).field).toBe("to");
    expect(refusal(() => periodsBetween("MONTHLY", "2026-02-01", "2026-01-31", prefs(1)))).toEqual({
      field: "to",
      message: "to must not be before from",
    });
    // The first period, the one containing from, would start in year 0.
    expect(refusal(() => periodsBetween("MONTHLY", "0001-01-03", "0001-03-01", prefs(25)))).toEqual({
      field: "from",
      message: "from needs a MONTHLY period outside the years 0001..9999",
    });
  });
});

describe("stepping from a stored period", () => {
  it("refuses a period whose start, end or day count alone disagrees with the preferences", () => {
    const monthly = prefs(1);
    const refusedField = (p: Period) => refusal(() => nextPeriod("MONTHLY", p, monthly)).field;
    expect(refusedField(period("2026-11-02", "2026-11-30", 30))).toBe("period"); // start only
    expect(refusedField(period("2026-11-01", "2026-11-29", 30))).toBe("period"); // end only
    expect(refusedField(period("2026-11-01", "2026-11-30", 31))).toBe("period"); // days only
    expect(refusal(() => previousPeriod("MONTHLY", period("2026-11-01", "2026-11-29", 30), monthly)).message).toBe(
      "period 2026-11-01..2026-11-29 is not a MONTHLY period for these preferences",
    );
  });

  it("names the malformed date, and refuses to step outside the years 0001..9999", () => {
    expect(refusal(() => nextPeriod("MONTHLY", period("2026-11-1", "2026-11-30", 30), prefs(1))).field).toBe("period.start");
    expect(refusal(() => previousPeriod("MONTHLY", period("0001-01-01", "0001-01-31", 31), prefs(1))).field).toBe("period");
    // A start day inside year 1 whose whole period is not: no stored period can be that.
    expect(refusal(() => nextPeriod("MONTHLY", period("0001-01-03", "0001-01-24", 22), prefs(25))).field).toBe("period");
  });
});

describe("carry chain refusals", () => {
  const october = period("2026-10-01", "2026-10-31", 31);
  const figures = (budgetedMinor: unknown, spentMinor: unknown, at: Period = november) =>
    ({ period: at, budgetedMinor, spentMinor }) as PeriodFigures;

  it("name the mode, the period and the figure at fault", () => {
    expect(refusal(() => carryChain("ROLL" as "NONE", [figures(1n, 0n)])).message).toBe("rollover must be one of NONE, LEFTOVER, ENVELOPE");
    expect(refusal(() => carryChain("NONE", [figures(1n, 0n, october), figures(1n, 0n), figures(1n, 0n, october)]))).toEqual({
      field: "periods",
      message: "periods[2] does not start the day after periods[1] ends",
    });
    expect(refusal(() => carryChain("NONE", [figures(-1n, 0n)]))).toEqual({
      field: "budgetedMinor",
      message: "periods[0].budgetedMinor must be zero or more minor units",
    });
    expect(refusal(() => carryChain("NONE", [figures(1n, 1.5)]))).toEqual({
      field: "spentMinor",
      message: "periods[0].spentMinor must be whole minor units",
    });
  });

  it("take budgets in bigint minor units only, not a number of major units", () => {
    expect(refusal(() => carryChain("NONE", [figures(25, 0n)])).field).toBe("budgetedMinor");
  });

  it("name the malformed period date, and refuse a period that runs backwards", () => {
    expect(refusal(() => carryChain("NONE", [figures(1n, 0n, period("2026-11-31", "2026-12-01", 1))])).field).toBe(
      "periods[0].period.start",
    );
    expect(refusal(() => carryChain("NONE", [figures(1n, 0n, period("2026-11-01", "2026-11-00", 0))])).field).toBe("periods[0].period.end");
    // End before start with days to match it (0): the day count agrees, the direction does not.
    expect(refusal(() => carryChain("NONE", [figures(1n, 0n, period("2026-11-02", "2026-11-01", 0))]))).toEqual({
      field: "periods[0].period",
      message: "periods[0].period must run forwards and count its days inclusively",
    });
  });

  it("accept a period of a single day", () => {
    const day = period("2026-11-01", "2026-11-01", 1);
    expect(carryChain("LEFTOVER", [figures(500n, 200n, day)]).map((c) => c.remainingMinor)).toEqual([300n]);
  });
});

describe("threshold refusals", () => {
  it("say what a threshold must be, whether asked for progress or only for the thresholds crossed", () => {
    expect(refusal(() => progressOf(carry(1n, 0n), "2026-11-10", { warningPercent: 0, criticalPercent: 100 }))).toEqual({
      field: "warningPercent",
      message: "warningPercent must be a whole percentage, 1 or more",
    });
    expect(refusal(() => thresholdsCrossed(carry(1n, 0n), { warningPercent: 90, criticalPercent: 80 }))).toEqual({
      field: "criticalPercent",
      message: "criticalPercent must be a whole percentage no lower than warningPercent",
    });
    expect(refusal(() => thresholdsCrossed(carry(1n, 0n), { warningPercent: 0.5, criticalPercent: 100 })).field).toBe("warningPercent");
  });
});

describe("status of a period that is not current", () => {
  // Thresholds above 100 %: an overspend of 10 % reaches neither of them.
  const generous = { warningPercent: 120, criticalPercent: 150 };

  it("is judged on actual spending only: no projection once the period is over or before it starts", () => {
    expect(progressOf(carry(30000n, 33000n), "2026-12-05", generous).status).toBe("ON_TRACK");
    expect(progressOf(carry(30000n, 33000n), "2026-10-20", generous).status).toBe("ON_TRACK");
    // The same overspend in the current period is on course past what is available: a warning.
    expect(progressOf(carry(30000n, 33000n), "2026-11-30", generous).status).toBe("WARNING");
  });
});
