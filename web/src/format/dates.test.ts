import { describe, expect, it } from "vitest";

import { formatDay, formatInstant, monthOf, todayIn } from "./dates";

describe("dates on screen", () => {
  it("shows a ledger day as that day whatever the time zone", () => {
    expect(formatDay("2026-12-06", "en-US")).toBe("Dec 6, 2026");
    expect(formatDay("2026-01-01", "de-DE", "long")).toBe("1. Januar 2026");
  });

  it("shows an instant in the user's time zone", () => {
    expect(formatInstant("2026-12-06T23:30:00Z", "en-GB", "Europe/Berlin", "short")).toBe("07/12/2026, 00:30");
    // The space before PM is whatever the ICU in use prints (U+202F in newer ones).
    expect(formatInstant("2026-12-06T23:30:00Z", "en-US", "America/New_York", "short")).toMatch(/^12\/6\/26, 6:30\s?PM$/u);
  });

  it("knows today in the user's zone, not the browser's", () => {
    const instant = new Date("2026-12-06T23:30:00Z");
    expect(todayIn("Europe/Berlin", instant)).toBe("2026-12-07");
    expect(todayIn("America/Los_Angeles", instant)).toBe("2026-12-06");
  });

  it("gives a month's first and last day, leap years included", () => {
    expect(monthOf("2028-02-10")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(monthOf("2026-12-31")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
  });
});
