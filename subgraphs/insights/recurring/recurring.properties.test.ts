import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { detectRecurring } from "./detect-recurring.js";
import { history, historyOf, plainSubscription, shuffledOf, today } from "./recurring.arbitraries.js";

describe("recurring detection properties", () => {
  it("does not depend on the order the transactions come in", () => {
    fc.assert(
      fc.property(
        history.chain((items) => fc.tuple(fc.constant(items), shuffledOf(items))),
        today,
        ([items, shuffled], day) => {
          expect(detectRecurring(shuffled, day)).toEqual(detectRecurring(items, day));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never changes a merchant's series when other merchants' transactions are added", () => {
    fc.assert(
      fc.property(history, historyOf("other"), today, (items, others, day) => {
        const alone = detectRecurring(items, day);
        const together = detectRecurring([...items, ...others], day).filter((series) => !series.merchantKey.startsWith("other"));
        expect(together).toEqual(alone);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps every series' figures consistent: members in order, one series per transaction, cost = typical × rate", () => {
    const perYear = { WEEKLY: 52n, BIWEEKLY: 26n, MONTHLY: 12n, QUARTERLY: 4n, YEARLY: 1n };
    fc.assert(
      fc.property(history, today, (items, day) => {
        const found = detectRecurring(items, day);
        const ids = found.flatMap((series) => series.occurrences.map((o) => o.transactionId));
        expect(new Set(ids).size).toBe(ids.length);
        for (const series of found) {
          const dates = series.occurrences.map((o) => o.date);
          expect([...dates].sort()).toEqual(dates);
          expect(series.yearlyCostMinor).toBe(series.typicalAmountMinor * perYear[series.cadence]);
          expect(series.lastDate).toBe(dates.at(-1));
          expect(series.active).toBe(series.nextExpectedDate !== null);
          if (series.nextExpectedDate) expect(series.nextExpectedDate > series.lastDate).toBe(true);
          for (const increase of series.priceIncreases) expect(increase.toAmountMinor > increase.fromAmountMinor).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("finds a plain subscription whole: one price on its rhythm, each charge up to two days late", () => {
    fc.assert(
      fc.property(plainSubscription, ({ cadence, items }) => {
        const lastDate = items.at(-1)!.date;
        const [series, ...others] = detectRecurring(items, lastDate);
        expect(others).toEqual([]);
        expect(series).toMatchObject({ cadence, active: true, missedOccurrences: 0, typicalAmountMinor: -items[0]!.amountMinor, lastDate });
        expect(series!.occurrences.map((o) => o.transactionId)).toEqual(items.map((i) => i.transactionId));
      }),
      { numRuns: 300 },
    );
  });
});
