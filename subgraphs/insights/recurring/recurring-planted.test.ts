import { describe, expect, it } from "vitest";

import { generatePlantedHistory } from "../test/support/planted-history.generator.js";
import { detectRecurring, type RecurringSeries } from "./detect-recurring.js";

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

describe("recurring detection on generated histories with planted subscriptions", () => {
  it("finds the planted series with their state and price increase, and few others", () => {
    let [expected, found, activeRight, increasesExpected, increasesFound, spuriousIncreases, falsePositives, transactions] = [
      0, 0, 0, 0, 0, 0, 0, 0,
    ];
    const falseOnes: string[] = [];
    const started = performance.now();
    for (const seed of SEEDS) {
      const history = generatePlantedHistory(seed);
      transactions += history.items.length;
      const detected = detectRecurring(history.items, history.today);
      const claimed = new Set<RecurringSeries>();
      for (const want of history.expectedSeries) {
        expected++;
        const match = detected
          .filter((s) => s.merchantKey === want.merchantKey && s.kind === want.kind && s.cadence === want.cadence)
          .sort((a, b) => b.occurrences.length - a.occurrences.length)[0];
        if (!match) continue;
        found++;
        claimed.add(match);
        if (match.active === want.active) activeRight++;
        if (want.priceIncrease) {
          increasesExpected++;
          if (
            match.priceIncreases.some(
              (p) =>
                p.date.slice(0, 7) === want.priceIncrease!.date.slice(0, 7) &&
                p.fromAmountMinor === want.priceIncrease!.fromAmountMinor &&
                p.toAmountMinor === want.priceIncrease!.toAmountMinor,
            )
          )
            increasesFound++;
          spuriousIncreases += match.priceIncreases.length - 1;
        } else spuriousIncreases += match.priceIncreases.length;
      }
      for (const series of detected) {
        if (claimed.has(series) || history.toleratedMerchants.has(series.merchantKey)) continue;
        falsePositives++;
        falseOnes.push(`${seed}:${series.merchantKey}:${series.cadence}:${series.occurrences.length}`);
      }
    }
    const elapsed = performance.now() - started;
    console.log(
      `recurring on ${SEEDS.length} generated histories (${transactions} transactions): recall ${found}/${expected} series, ` +
        `active/inactive right ${activeRight}/${found}, price increases ${increasesFound}/${increasesExpected} (${spuriousIncreases} spurious), ` +
        `${falsePositives} series not planted (${falseOnes.join(", ") || "none"}); ${elapsed.toFixed(0)} ms`,
    );
    expect(found).toBe(expected);
    expect(activeRight).toBe(found);
    expect(increasesFound).toBe(increasesExpected);
    expect(spuriousIncreases).toBe(0);
    expect(falsePositives).toBeLessThanOrEqual(SEEDS.length);
  });
});
