import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { addDays } from "../calendar-date.js";
import { nextOccurrenceAfter, occurrencesBetween, type ScheduleRule, validateSchedule } from "./index.js";
import { isoOfDay, scheduleRule, windowDay } from "./schedule.arbitraries.js";

// Zones chosen for their traps: Kiritimati (UTC+14) skipped 1994-12-31 entirely, Apia skipped
// 2011-12-30, Adak (UTC-10, with DST) is far west, and Santiago moves its clocks at midnight.
const ZONES = [
  { zone: "Pacific/Kiritimati", januaryOffset: -14 * 60 },
  { zone: "America/Adak", januaryOffset: 10 * 60 },
  { zone: "Pacific/Apia", januaryOffset: -13 * 60 },
  { zone: "America/Santiago", januaryOffset: 3 * 60 },
];

const samples = fc.sample(fc.tuple(scheduleRule, windowDay, fc.integer({ min: 0, max: 800 })), { seed: 20_240_229, numRuns: 300 });
const answers = (): string[][] => samples.map(([rule, from, span]) => occurrencesBetween(rule, isoOfDay(from), isoOfDay(from + span)));

describe.each(ZONES)("with the host in $zone", ({ zone, januaryOffset }) => {
  const original = process.env.TZ;
  let inUtc: string[][];

  beforeAll(() => {
    process.env.TZ = "UTC";
    inUtc = answers();
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it("really runs in that zone", () => {
    expect(new Date(Date.UTC(2023, 0, 15)).getTimezoneOffset()).toBe(januaryOffset);
  });

  it("keeps days the zone itself skipped", () => {
    const daily: ScheduleRule = { frequency: "DAILY", interval: 1, startDate: "1994-12-30" };
    expect(occurrencesBetween(daily, "1994-12-30", "1995-01-01")).toEqual(["1994-12-30", "1994-12-31", "1995-01-01"]);
    expect(occurrencesBetween(daily, "2011-12-29", "2011-12-31")).toEqual(["2011-12-29", "2011-12-30", "2011-12-31"]);
    expect(() => validateSchedule({ ...daily, startDate: "1994-12-31", endDate: "2011-12-30" })).not.toThrow();
    expect(addDays("1994-12-30", 1)).toBe("1994-12-31");
  });

  it("gives the same monthly, weekly and yearly dates as in UTC", () => {
    expect(
      occurrencesBetween({ frequency: "MONTHLY", interval: 1, startDate: "2027-11-30", dayOfMonth: 31 }, "2027-01-01", "2028-03-31"),
    ).toEqual(["2027-11-30", "2027-12-31", "2028-01-31", "2028-02-29", "2028-03-31"]);
    expect(nextOccurrenceAfter({ frequency: "WEEKLY", interval: 2, startDate: "2024-03-08" }, "2024-03-08")).toBe("2024-03-22");
    expect(nextOccurrenceAfter({ frequency: "YEARLY", interval: 1, startDate: "2024-02-29" }, "2024-02-29")).toBe("2025-02-28");
    expect(answers()).toEqual(inUtc);
  });
});
