import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { anyPeriod, askDay, CATEGORIES, question } from "./question.arbitraries.js";
import { parseQuestion } from "./question.parser.js";
import type { ParsedQuestion } from "./question.query.js";

// Kiritimati (UTC+14) skipped 1994-12-31, Apia skipped 2011-12-30, Adak is far west with DST: a
// parser that let chrono do date arithmetic in the host's zone would be a day off in them.
const ZONES = ["Pacific/Kiritimati", "Pacific/Apia", "America/Adak", "America/Santiago"];
const DAYS = fc.oneof(askDay, fc.constantFrom("1994-12-31", "1995-01-01", "1995-01-03", "2011-12-31", "2012-01-02"));
const samples = fc.sample(fc.tuple(question(anyPeriod), DAYS), { seed: 1_994_1231, numRuns: 400 });
const answers = (): ParsedQuestion[] => samples.map(([text, today]) => parseQuestion(text, { today, categories: CATEGORIES }));

describe.each(ZONES)("with the host in %s", (zone) => {
  const original = process.env.TZ;
  let inUtc: ParsedQuestion[];

  beforeAll(() => {
    process.env.TZ = "UTC";
    inUtc = answers();
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it("reads every question as it does in UTC", () => {
    expect(answers()).toEqual(inUtc);
  });

  it("counts days back across the day the zone skipped", () => {
    const parsed = parseQuestion("how much did I spend 3 days ago", { today: "1995-01-01", categories: [] });
    expect(parsed).toMatchObject({ understood: true, query: { range: { from: "1994-12-29", to: "1994-12-29" } } });
  });
});
