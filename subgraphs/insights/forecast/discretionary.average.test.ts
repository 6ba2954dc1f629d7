import { describe, expect, it } from "vitest";

import { averageByWeekday, divideHalfAwayFromZero, type SpentItem } from "./discretionary.average.js";

const badInputOn = (field: string) => expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field }) });

interface Item extends SpentItem {
  recurring?: boolean;
}

describe("averageByWeekday, hand-computed", () => {
  // Today is Friday 2026-11-13; two weeks back is Friday Oct 30 .. Thursday Nov 12, each weekday twice.
  const history: Item[] = [
    { accountId: "a", date: "2026-10-30", amountMinor: -1_000n }, // Fri
    { accountId: "a", date: "2026-11-06", amountMinor: -2_001n }, // Fri
    { accountId: "a", date: "2026-11-01", amountMinor: -999n }, //   Sun
    { accountId: "a", date: "2026-11-02", amountMinor: -10_000n, recurring: true }, // Mon, a schedule's
    { accountId: "a", date: "2026-11-03", amountMinor: -333n }, //   Tue
    { accountId: "a", date: "2026-11-10", amountMinor: 100n }, //    Tue, a refund
    { accountId: "a", date: "2026-10-29", amountMinor: -7n }, //     Thu, a day before the window
    { accountId: "a", date: "2026-11-13", amountMinor: -7n }, //     today, not over yet
    { accountId: "b", date: "2026-11-12", amountMinor: -4n }, //     Thu
  ];
  const averages = averageByWeekday(history, "2026-11-13", { weeks: 2, isScheduled: (item) => item.recurring === true });
  const of = (accountId: string) => averages.filter((a) => a.accountId === accountId).map((a) => a.averageMinor);

  it("divides each weekday's total by the weeks, halves away from zero", () => {
    expect(of("a")).toEqual([
      -500n, //  Sun: -999 / 2 = -499.5 → -500
      0n, //     Mon: the schedule's item left out
      -117n, //  Tue: (-333 + 100) / 2 = -116.5 → -117
      0n, //     Wed
      0n, //     Thu: Oct 29 is outside the window
      -1_501n, // Fri: (-1000 - 2001) / 2 = -1500.5 → -1501
      0n, //     Sat
    ]);
    expect(of("b")).toEqual([0n, 0n, 0n, 0n, -2n, 0n, 0n]); // Thu: -4 / 2
  });

  it("keeps the figures behind each average", () => {
    expect(averages.find((a) => a.accountId === "a" && a.weekday === 2)).toEqual({
      accountId: "a",
      weekday: 2,
      averageMinor: -117n,
      totalMinor: -233n,
      items: 2,
      days: 2,
    });
  });

  it("looks back twelve weeks unless told otherwise", () => {
    // 84 days before Friday 2026-11-13 is Friday 2026-08-21, the first day in the window.
    const edge = averageByWeekday(
      [
        { accountId: "a", date: "2026-08-21", amountMinor: -1_200n },
        { accountId: "a", date: "2026-08-20", amountMinor: -5n },
      ],
      "2026-11-13",
    );
    expect(edge.filter((a) => a.averageMinor !== 0n)).toMatchObject([{ weekday: 5, averageMinor: -100n, days: 12, items: 1 }]);
  });

  it("gives nothing for an empty history and refuses weeks outside 1..104", () => {
    expect(averageByWeekday([], "2026-11-13")).toEqual([]);
    for (const weeks of [0, 105, 2.5]) expect(() => averageByWeekday([], "2026-11-13", { weeks })).toThrow(badInputOn("weeks"));
  });
});

describe("divideHalfAwayFromZero", () => {
  it("rounds halves away from zero and everything else to the nearest", () => {
    expect([7n, 5n, 3n, 1n, 0n, -1n, -3n, -5n, -7n].map((n) => divideHalfAwayFromZero(n, 2n))).toEqual([
      4n,
      3n,
      2n,
      1n,
      0n,
      -1n,
      -2n,
      -3n,
      -4n,
    ]);
    expect([10n, 11n, 12n, -10n, -11n, -12n].map((n) => divideHalfAwayFromZero(n, 7n))).toEqual([1n, 2n, 2n, -1n, -2n, -2n]);
  });
});
