import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";

import { MIN_RECORD_DATE } from "../../../platform/time/index.js";
import { anyPeriod, anyQuestion, askDay, CATEGORIES, pastPeriod, question } from "./question.arbitraries.js";
import { describeQuery } from "./question.describe.js";
import { parseQuestion } from "./question.parser.js";
import type { DateRange, InsightQuery } from "./question.query.js";

const rangesOf = (query: InsightQuery): DateRange[] => (query.kind === "COMPARE" ? [query.rangeA, query.rangeB] : [query.range]);
const firstDayOfWeek = fc.integer({ min: 0, max: 6 });

describe("question properties", () => {
  it("every range runs forwards, from a recorded day, and ends by today", () => {
    fc.assert(
      fc.property(anyQuestion(anyPeriod), askDay, firstDayOfWeek, (text, today, first) => {
        const parsed = parseQuestion(text, { today, categories: CATEGORIES, firstDayOfWeek: first });
        if (!parsed.understood) return;
        for (const range of rangesOf(parsed.query)) {
          expect(range.from >= MIN_RECORD_DATE, text).toBe(true);
          expect(range.from <= range.to, text).toBe(true);
          expect(range.to <= today, text).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("understands every past-looking question asked once there are decades recorded before today", () => {
    fc.assert(
      fc.property(question(pastPeriod), askDay, firstDayOfWeek, (text, today, first) => {
        // Comparing the last 24 years reaches 48 years back; "Feb 29" up to 8.
        fc.pre(today >= "1960-01-01");
        const parsed = parseQuestion(text, { today, categories: CATEGORIES, payees: ["Amazon"], firstDayOfWeek: first });
        expect(parsed.understood ? "understood" : `${parsed.answer.reason}: ${parsed.answer.message}`, text).toBe("understood");
      }),
      { numRuns: 2000 },
    );
  });

  it("describes exactly the days it runs", () => {
    fc.assert(
      fc.property(question(anyPeriod), askDay, (text, today) => {
        const parsed = parseQuestion(text, { today, categories: CATEGORIES });
        if (!parsed.understood) return;
        const words = describeQuery(parsed.query);
        for (const range of rangesOf(parsed.query)) {
          expect(words).toContain(range.from);
          expect(words).toContain(range.to);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("answers anything up to the length limit without throwing", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), askDay, (text, today) => {
        const parsed = parseQuestion(text, { today, categories: CATEGORIES });
        if (text.length > 300) expect(parsed).toMatchObject({ understood: false, answer: { reason: "TOO_LONG" } });
      }),
      { numRuns: 2000 },
    );
  });
});

describe("the clock", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("is never read: the same question on the same day reads the same in any year of the host's clock", () => {
    const samples = fc.sample(fc.tuple(question(anyPeriod), askDay), { seed: 16, numRuns: 200 });
    const answers = () => samples.map(([text, today]) => parseQuestion(text, { today, categories: CATEGORIES }));
    vi.useFakeTimers();
    vi.setSystemTime(new Date("1999-12-31T23:59:59Z"));
    const before = answers();
    vi.setSystemTime(new Date("2087-02-28T12:00:00Z"));
    expect(answers()).toEqual(before);
  });
});
