import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { addDays } from "../../../platform/time/index.js";
import { parsePercent } from "../schedule/rate.js";
import { firstOverdueDay, isOverdue, lateFee } from "./late-fee.js";

const badInputOn = (field: string) => expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field }) });
const percent = (text: string) => ({ kind: "PERCENT" as const, percent: parsePercent(text, "lateFee") });

describe("late fees", () => {
  it("charges a flat fee whatever the installment", () => {
    expect(lateFee({ kind: "FLAT", amountMinor: 2_500n }, 85_607n)).toBe(2_500n);
    expect(lateFee({ kind: "FLAT", amountMinor: 0n }, 85_607n)).toBe(0n);
  });

  it("charges a percent of the overdue installment rounded half-up to the minor unit", () => {
    expect(lateFee(percent("5"), 85_607n)).toBe(4_280n); // 4280.35
    expect(lateFee(percent("10"), 85_605n)).toBe(8_561n); // 8560.5
    expect(lateFee(percent("2.5"), 85_610n)).toBe(2_140n); // 2140.25
    expect(lateFee(percent("0.000001"), 50_000_000n)).toBe(1n); // 0.5
    expect(lateFee(percent("100"), 1_234n)).toBe(1_234n);
  });

  it("refuses a negative flat fee or a percent outside 0..100 on lateFee", () => {
    expect(() => lateFee({ kind: "FLAT", amountMinor: -1n }, 100n)).toThrow(badInputOn("lateFee"));
    expect(() => lateFee({ kind: "PERCENT", percent: new Decimal("100.5") }, 100n)).toThrow(badInputOn("lateFee"));
    expect(() => lateFee({ kind: "PERCENT", percent: new Decimal("1.0000001") }, 100n)).toThrow(badInputOn("lateFee"));
  });
});

describe("overdue", () => {
  it("is overdue once the grace days have fully passed after the due date", () => {
    expect(isOverdue("2024-03-10", 3, "2024-03-13")).toBe(false);
    expect(isOverdue("2024-03-10", 3, "2024-03-14")).toBe(true);
    expect(isOverdue("2024-03-10", 0, "2024-03-10")).toBe(false);
    expect(isOverdue("2024-03-10", 0, "2024-03-11")).toBe(true);
    expect(isOverdue("2024-02-27", 2, "2024-02-29")).toBe(false);
    expect(isOverdue("2024-02-27", 2, "2024-03-01")).toBe(true);
    expect(isOverdue("2024-03-10", 5, "2024-01-01")).toBe(false);
  });

  it("names the first overdue day, across month and leap-day boundaries", () => {
    expect(firstOverdueDay("2024-02-27", 2)).toBe("2024-03-01");
    expect(firstOverdueDay("2023-02-27", 2)).toBe("2023-03-02");
    expect(firstOverdueDay("2024-12-31", 0)).toBe("2025-01-01");
  });

  it("refuses grace days that are negative, fractional or over a year on graceDays", () => {
    for (const grace of [-1, 1.5, 366]) {
      expect(() => isOverdue("2024-03-10", grace, "2024-03-20")).toThrow(badInputOn("graceDays"));
      expect(() => firstOverdueDay("2024-03-10", grace)).toThrow(badInputOn("graceDays"));
    }
  });

  it("agrees with its first overdue day for any due date, grace and day", () => {
    const day = fc.integer({ min: 0, max: 365 * 200 }).map((offset) => addDays("1900-01-01", offset));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 365 }), fc.integer({ min: -400, max: 400 }), (due, grace, shift) => {
        const today = addDays(due, shift);
        expect(isOverdue(due, grace, today)).toBe(today >= firstOverdueDay(due, grace));
        expect(isOverdue(due, grace, today)).toBe(shift > grace);
      }),
      { numRuns: 300 },
    );
  });
});
