import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { inHistoryOrder } from "../history/history-item.js";
import { history, shuffledOf } from "./anomalies.arbitraries.js";
import { anomaliesFor, scan } from "./scan.js";

const options = { currency: "USD" };

describe("anomaly properties", () => {
  it("a scan does not depend on the order the transactions come in", () => {
    fc.assert(
      fc.property(
        history.chain((items) => fc.tuple(fc.constant(items), shuffledOf(items))),
        ([items, shuffled]) => {
          expect(scan(shuffled, options)).toEqual(scan(items, options));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("a scan is every transaction checked as it arrived, against the history before it", () => {
    fc.assert(
      fc.property(history, (items) => {
        const incremental = inHistoryOrder(items).flatMap((item) => anomaliesFor(item, items, options));
        expect(scan(items, options)).toEqual(incremental);
      }),
      { numRuns: 100 },
    );
  });

  it("keys are stable across rescans: later transactions never change or drop what an earlier scan raised", () => {
    fc.assert(
      fc.property(history, fc.nat(), (items, cut) => {
        const ordered = inHistoryOrder(items);
        const earlier = scan(ordered.slice(0, cut % (ordered.length + 1)), options);
        const later = new Map(scan(items, options).map((anomaly) => [anomaly.key, anomaly]));
        for (const anomaly of earlier) expect(later.get(anomaly.key)).toEqual(anomaly);
      }),
      { numRuns: 150 },
    );
  });

  it("never raises one key twice, and names the transaction that raised it last, on its day", () => {
    fc.assert(
      fc.property(history, (items) => {
        const found = scan(items, options);
        expect(new Set(found.map((anomaly) => anomaly.key)).size).toBe(found.length);
        const byId = new Map(items.map((item) => [item.transactionId, item]));
        for (const anomaly of found) {
          const raiser = byId.get(anomaly.transactionIds.at(-1)!)!;
          expect(raiser.date).toBe(anomaly.date);
          expect(raiser.kind === "EXPENSE" && raiser.amountMinor < 0n).toBe(true);
          expect(anomaly.explanation.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  });
});
