import { describe, expect, it } from "vitest";

import { generatePlantedHistory } from "../test/support/planted-history.generator.js";
import type { AnomalyKind } from "./anomaly.js";
import { scan } from "./scan.js";

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const KINDS: readonly AnomalyKind[] = ["UNUSUAL_AMOUNT", "DUPLICATE_CHARGE", "NEW_PAYEE_LARGE", "CATEGORY_SPIKE"];

describe("anomaly detection on generated histories with planted cases", () => {
  it("finds every planted anomaly and flags few transactions that were not planted", () => {
    const planted = new Map(KINDS.map((kind) => [kind, 0]));
    const found = new Map(KINDS.map((kind) => [kind, 0]));
    const falsePositives = new Map(KINDS.map((kind) => [kind, 0]));
    const missed: string[] = [];
    let [transactions, expenses, touchingPlants] = [0, 0, 0];
    for (const seed of SEEDS) {
      const history = generatePlantedHistory(seed);
      transactions += history.items.length;
      expenses += history.items.filter((item) => item.kind === "EXPENSE").length;
      const anomalies = scan(history.items, { currency: "USD" });
      const keys = new Set(anomalies.map((anomaly) => anomaly.key));
      for (const [key, kind] of history.plantedKeys) {
        planted.set(kind, planted.get(kind)! + 1);
        if (keys.has(key)) found.set(kind, found.get(kind)! + 1);
        else missed.push(`${seed}:${key}`);
      }
      for (const anomaly of anomalies) {
        if (history.plantedKeys.has(anomaly.key)) continue;
        // Raised by a planted transaction's effect elsewhere (a planted large amount that also makes its month a spike).
        if (anomaly.transactionIds.some((id) => history.plantedTransactionIds.has(id))) touchingPlants++;
        else falsePositives.set(anomaly.kind, falsePositives.get(anomaly.kind)! + 1);
      }
    }
    const totalFalse = [...falsePositives.values()].reduce((a, b) => a + b, 0);
    const perKind = KINDS.map(
      (kind) => `${kind} ${found.get(kind)}/${planted.get(kind)} found, ${falsePositives.get(kind)} not planted`,
    ).join("; ");
    console.log(
      `anomalies on ${SEEDS.length} generated histories (${transactions} transactions, ${expenses} expenses): ${perKind}; ` +
        `false positives ${totalFalse} (${((100 * totalFalse) / expenses).toFixed(2)} % of expenses, ${(totalFalse / SEEDS.length).toFixed(1)} per 3-year history), ` +
        `${touchingPlants} more raised by a planted transaction's side effect; missed: ${missed.join(", ") || "none"}`,
    );
    for (const kind of KINDS) expect(found.get(kind)).toBe(planted.get(kind));
    // What is left are real long tails (a first hotel booking above the 95th percentile, a Costco run
    // against a grocer's median, two coffees at one menu price before the habit is known), a
    // little over one a month.
    expect(totalFalse / expenses).toBeLessThan(0.0125);
    expect(totalFalse / SEEDS.length).toBeLessThan(36);
  });
});
