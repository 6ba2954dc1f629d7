import { describe, expect, it } from "vitest";

import { nextDigestAt } from "./digest-time.js";
import { instantAt, localTime } from "./local-time.js";
import { quietUntil } from "./quiet-hours.js";

const at = (iso: string) => new Date(iso);
const NIGHT = { start: "22:00", end: "07:00" };

describe("quiet hours in the user's time zone", () => {
  it("covers a window across midnight and ends at the next local end", () => {
    // 23:30 in Paris (UTC+1 in January) → quiet until 07:00 Paris the next day.
    expect(quietUntil(at("2026-01-14T22:30:00Z"), "Europe/Paris", NIGHT)).toEqual(at("2026-01-15T06:00:00Z"));
    // 03:00 Paris: the same night, same end.
    expect(quietUntil(at("2026-01-15T02:00:00Z"), "Europe/Paris", NIGHT)).toEqual(at("2026-01-15T06:00:00Z"));
    // 07:00 sharp is outside; 21:59 too.
    expect(quietUntil(at("2026-01-15T06:00:00Z"), "Europe/Paris", NIGHT)).toBeNull();
    expect(quietUntil(at("2026-01-15T20:59:00Z"), "Europe/Paris", NIGHT)).toBeNull();
  });

  it("handles a window within one day, and none when empty or malformed", () => {
    const lunch = { start: "12:00", end: "13:30" };
    expect(quietUntil(at("2026-06-01T12:15:00Z"), "UTC", lunch)).toEqual(at("2026-06-01T13:30:00Z"));
    expect(quietUntil(at("2026-06-01T13:30:00Z"), "UTC", lunch)).toBeNull();
    expect(quietUntil(at("2026-06-01T12:15:00Z"), "UTC", { start: "12:00", end: "12:00" })).toBeNull();
    expect(quietUntil(at("2026-06-01T12:15:00Z"), "UTC", { start: "25:00", end: "07:00" })).toBeNull();
    expect(quietUntil(at("2026-06-01T12:15:00Z"), "UTC", null)).toBeNull();
  });

  it("ends at the right instant on DST nights (New York, spring forward and fall back)", () => {
    // 2026-03-08: clocks jump 02:00 → 03:00 EST→EDT. 23:00 EST on the 7th → ends 07:00 EDT = 11:00Z.
    expect(quietUntil(at("2026-03-08T04:00:00Z"), "America/New_York", NIGHT)).toEqual(at("2026-03-08T11:00:00Z"));
    // 2026-11-01: 02:00 EDT → 01:00 EST. 23:00 EDT on Oct 31 → ends 07:00 EST = 12:00Z.
    expect(quietUntil(at("2026-11-01T03:00:00Z"), "America/New_York", NIGHT)).toEqual(at("2026-11-01T12:00:00Z"));
    // A window ending inside the skipped hour ends as far past the gap (02:30 → 03:30 EDT = 07:30Z).
    expect(quietUntil(at("2026-03-08T05:30:00Z"), "America/New_York", { start: "00:00", end: "02:30" })).toEqual(
      at("2026-03-08T07:30:00Z"),
    );
    // 01:30 happens twice on Nov 1: the first (EDT, 05:30Z) is the one meant.
    expect(instantAt("2026-11-01", 90, "America/New_York")).toEqual(at("2026-11-01T05:30:00Z"));
  });

  it("reads the local day, minutes and weekday", () => {
    expect(localTime(at("2026-01-15T23:30:00Z"), "Asia/Tokyo")).toEqual({ day: "2026-01-16", minutes: 8 * 60 + 30, weekday: 5 });
  });
});

describe("digest times", () => {
  it("daily at 08:00 local, the next one strictly after now", () => {
    expect(nextDigestAt(at("2026-01-15T05:00:00Z"), "Europe/Paris", "DAILY")).toEqual(at("2026-01-15T07:00:00Z"));
    expect(nextDigestAt(at("2026-01-15T07:00:00Z"), "Europe/Paris", "DAILY")).toEqual(at("2026-01-16T07:00:00Z"));
  });

  it("weekly on Monday 08:00 local; none when off", () => {
    // Thursday 2026-01-15 → Monday 2026-01-19.
    expect(nextDigestAt(at("2026-01-15T12:00:00Z"), "UTC", "WEEKLY")).toEqual(at("2026-01-19T08:00:00Z"));
    // Monday after 08:00 → next Monday.
    expect(nextDigestAt(at("2026-01-19T09:00:00Z"), "UTC", "WEEKLY")).toEqual(at("2026-01-26T08:00:00Z"));
    expect(nextDigestAt(at("2026-01-15T12:00:00Z"), "UTC", "OFF")).toBeNull();
  });
});
