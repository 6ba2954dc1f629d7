import { describe, expect, it } from "vitest";

import { merchantKey } from "../../categorizer/payee-tokens.js";
import { generateHistory, HISTORY_CATEGORY_IDS, seededRandom } from "./history-generator.js";

const history = generateHistory({ seed: 7, count: 5_000 });

describe("generateHistory", () => {
  it("gives the same history for the same seed, another for another seed", () => {
    expect(generateHistory({ seed: 7, count: 300 })).toEqual(history.slice(0, 300));
    expect(generateHistory({ seed: 8, count: 300 })).not.toEqual(history.slice(0, 300));
  });

  it("gives exactly `count` transactions in date order, with unique ids", () => {
    expect(history).toHaveLength(5_000);
    expect(history[0]!.date).toBe("2020-01-01");
    for (let i = 1; i < history.length; i++) expect(history[i]!.date >= history[i - 1]!.date).toBe(true);
    expect(new Set(history.map((t) => t.id)).size).toBe(history.length);
  });

  it("spreads a large history over the days asked for", () => {
    const large = generateHistory({ seed: 7, count: 20_000, days: 365 });
    expect(large).toHaveLength(20_000);
    const lastDay = large.at(-1)!.date;
    expect(lastDay >= "2020-11-15" && lastDay <= "2021-02-15").toBe(true);
  });

  it("uses all 20 categories, each with many merchants where people shop around", () => {
    expect(HISTORY_CATEGORY_IDS).toHaveLength(20);
    const merchants = new Map<string, Set<string>>();
    for (const t of history) merchants.set(t.categoryId, (merchants.get(t.categoryId) ?? new Set()).add(t.merchant));
    expect([...merchants.keys()].sort()).toEqual([...HISTORY_CATEGORY_IDS].sort());
    for (const id of ["groceries", "restaurants", "coffee", "transport", "fuel", "clothing", "travel", "gifts", "entertainment"]) {
      expect(merchants.get(id)!.size).toBeGreaterThanOrEqual(5);
    }
  });

  it("prints payees the way banks do", () => {
    const payees = history.map((t) => t.payee);
    for (const pattern of [
      /^SQ \*/,
      /^TST\* /,
      /^PURCHASE AUTHORIZED ON \d\d\/\d\d /,
      /^CHECKCARD \d{4} /,
      /AMZN Mktp US\*/,
      /^UBER {3}\*TRIP/,
      /CARD 4417$/,
    ]) {
      expect(payees.some((p) => pattern.test(p))).toBe(true);
    }
    expect(new Set(payees).size).toBeGreaterThan(history.length / 3);
  });

  it("has amounts of the right sign and size", () => {
    const amounts = (id: string) => history.filter((t) => t.categoryId === id && t.merchant !== "VENMO").map((t) => t.amountMinor);
    for (const a of amounts("salary")) expect(a > 400_000n && a < 600_000n).toBe(true);
    for (const a of amounts("rent")) expect(a <= -245_000n && a > -300_000n).toBe(true);
    const coffee = history.filter((t) => t.categoryId === "coffee" && t.merchant !== "VENMO");
    expect(coffee.filter((t) => t.amountMinor <= -325n && t.amountMinor >= -1_400n).length / coffee.length).toBeGreaterThan(0.9);
  });

  it("has categories chosen by rules and by hand, and some notes", () => {
    const byRule = history.filter((t) => t.categorizedBy === "RULE").length / history.length;
    const withNotes = history.filter((t) => t.notes !== "").length / history.length;
    expect(byRule).toBeGreaterThan(0.2);
    expect(byRule).toBeLessThan(0.7);
    expect(withNotes).toBeGreaterThan(0.05);
    expect(withNotes).toBeLessThan(0.3);
  });

  it("prints a bill the same way from month to month, mostly", () => {
    const netflix = history.filter((t) => t.merchant === "NETFLIX").map((t) => merchantKey(t.payee));
    expect(netflix.length).toBeGreaterThan(40);
    const commonest = Math.max(...[...new Set(netflix)].map((key) => netflix.filter((k) => k === key).length));
    expect(commonest / netflix.length).toBeGreaterThan(0.5);
  });
});

describe("seededRandom", () => {
  it("repeats for a seed and stays in [0, 1)", () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    const draws = Array.from({ length: 1_000 }, () => a());
    expect(Array.from({ length: 1_000 }, () => b())).toEqual(draws);
    for (const x of draws) expect(x >= 0 && x < 1).toBe(true);
    expect(new Set(draws).size).toBe(1_000);
  });
});
