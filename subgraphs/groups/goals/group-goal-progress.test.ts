import { describe, expect, it } from "vitest";

import { type GroupGoalFigures, groupGoalProgress, monthsToSave } from "./group-goal-progress.js";

const figures = (overrides: Partial<GroupGoalFigures>): GroupGoalFigures => ({
  targetMinor: 1000_00n,
  savedMinor: 0n,
  createdDay: "2025-01-01",
  deadline: "2025-12-31",
  activeMembers: 3,
  ...overrides,
});

describe("groupGoalProgress", () => {
  it("a quarter saved in March: 750.00 left over ten months and three members is 25.00 each a month, on track", () => {
    expect(groupGoalProgress(figures({ savedMinor: 250_00n }), "2025-03-15")).toEqual({
      savedMinor: 250_00n,
      remainingMinor: 750_00n,
      progressPercent: 25,
      requiredPerMemberPerMonthMinor: 25_00n,
      status: "ON_TRACK",
    });
  });

  it("rounds what each member owes a month up to the minor unit", () => {
    // 100.00 over March..May and 7 members: 476.19… cents, so 4.77.
    const progress = groupGoalProgress(figures({ savedMinor: 900_00n, deadline: "2025-05-01", activeMembers: 7 }), "2025-03-31");
    expect(progress.requiredPerMemberPerMonthMinor).toBe(4_77n);
  });

  it("floors the percent to one decimal, so 100 means reached, and lets it pass 100", () => {
    const percent = (savedMinor: bigint) => groupGoalProgress(figures({ savedMinor }), "2025-06-01").progressPercent;
    expect(percent(666_66n)).toBe(66.6);
    expect(percent(999_99n)).toBe(99.9);
    expect(percent(1000_00n)).toBe(100);
    expect(percent(1500_00n)).toBe(150);
    expect(percent(0n)).toBe(0);
    expect(percent(1n)).toBe(0);
  });

  it("is REACHED once saved covers the target: nothing left, nothing more to put in", () => {
    const progress = groupGoalProgress(figures({ savedMinor: 1200_00n }), "2025-02-01");
    expect(progress).toMatchObject({ remainingMinor: 0n, requiredPerMemberPerMonthMinor: 0n, status: "REACHED" });
  });

  it("without a deadline: no monthly figure, and on track whatever is saved", () => {
    expect(groupGoalProgress(figures({ deadline: null }), "2030-01-01")).toMatchObject({
      requiredPerMemberPerMonthMinor: null,
      status: "ON_TRACK",
      remainingMinor: 1000_00n,
    });
  });

  it("after a missed deadline (and on its day): BEHIND, and the rest is due in one month", () => {
    const late = groupGoalProgress(figures({ savedMinor: 400_00n, deadline: "2025-06-30" }), "2025-09-10");
    expect(late).toMatchObject({ status: "BEHIND", requiredPerMemberPerMonthMinor: 200_00n });
    expect(groupGoalProgress(figures({ savedMinor: 999_99n }), "2025-12-31").status).toBe("BEHIND");
  });

  it("follows the straight line by days, across a leap day", () => {
    // Two days from 2024-02-28 to 2024-03-01: half the target is due on 2024-02-29.
    const leap = (savedMinor: bigint, today: string) =>
      groupGoalProgress(figures({ targetMinor: 100n, savedMinor, createdDay: "2024-02-28", deadline: "2024-03-01" }), today).status;
    expect(leap(50n, "2024-02-29")).toBe("ON_TRACK");
    expect(leap(49n, "2024-02-29")).toBe("BEHIND");
    expect(leap(0n, "2024-02-28")).toBe("ON_TRACK");
    expect(leap(0n, "2024-02-20")).toBe("ON_TRACK");
  });

  it("counts at least one member", () => {
    expect(groupGoalProgress(figures({ activeMembers: 0, deadline: "2025-01-31" }), "2025-01-10").requiredPerMemberPerMonthMinor).toBe(
      1000_00n,
    );
  });

  it("refuses a target that is not positive (a caller's bug) and dates that are not dates (BAD_USER_INPUT)", () => {
    expect(() => groupGoalProgress(figures({ targetMinor: 0n }), "2025-01-01")).toThrow(RangeError);
    expect(() => groupGoalProgress(figures({ deadline: "2025-02-30" }), "2025-01-01")).toThrow(
      expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "deadline" } }),
    );
    expect(() => groupGoalProgress(figures({}), "today")).toThrow(
      expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "today" } }),
    );
  });
});

describe("monthsToSave", () => {
  it("counts this month and the deadline's month, and at least one", () => {
    expect(monthsToSave("2025-01-31", "2025-03-01")).toBe(3);
    expect(monthsToSave("2025-01-31", "2025-02-01")).toBe(2);
    expect(monthsToSave("2025-03-01", "2025-03-31")).toBe(1);
    expect(monthsToSave("2025-11-15", "2026-02-01")).toBe(4);
    expect(monthsToSave("2025-11-15", "2024-02-01")).toBe(1);
  });
});
