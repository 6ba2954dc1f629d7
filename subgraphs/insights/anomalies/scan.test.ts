import { describe, expect, it } from "vitest";

import type { HistoryItem } from "../history/history-item.js";
import { charges, dailyDates, item, monthlyDates } from "../test/support/history-items.js";
import type { Anomaly, UnusualAmountAnomaly } from "./anomaly.js";
import { anomaliesFor, scan } from "./scan.js";

const options = { currency: "USD", categoryName: (id: string) => ({ dining: "Restaurants", groceries: "Groceries" })[id] ?? id };
const unusual = (anomaly: Anomaly | undefined) => {
  expect(anomaly?.kind).toBe("UNUSUAL_AMOUNT");
  return anomaly as UnusualAmountAnomaly;
};
const kinds = (found: ReturnType<typeof scan>) => found.map((a) => [a.kind, a.key]);

/** A year of ordinary spending to give the user-wide percentile something to stand on. */
function background(): HistoryItem[] {
  return dailyDates("2024-01-02", 60, 6).map((date, i) =>
    item({
      id: `bg-${String(i).padStart(3, "0")}`,
      date,
      payee: `Grocer ${"abcdefghij"[i % 10]}`,
      amount: -BigInt(3_000 + ((i * 731) % 9_000)),
      category: "groceries",
    }),
  );
}

describe("unusual amounts", () => {
  const coffee = charges("bb", "Blue Bottle", dailyDates("2025-01-01", 38, 2), [-450n, -550n, -650n, -700n, -500n], "dining");

  it("flags an amount many MADs above the payee's median, and says so with its figures", () => {
    const spike = item({ id: "bb-spike", date: "2025-03-20", payee: "Blue Bottle", amount: -4200n, category: "dining" });
    const anomaly = unusual(anomaliesFor(spike, coffee, options)[0]);
    expect(anomaly).toMatchObject({
      key: "amount:bb-spike",
      kind: "UNUSUAL_AMOUNT",
      transactionIds: ["bb-spike"],
      figures: { basis: "PAYEE", amountMinor: 4200n, madFloored: false, historySize: 38 },
    });
    expect(anomaly.figures.medianMinor.toString()).toBe("550");
    expect(anomaly.figures.madMinor.toString()).toBe("100");
    expect(anomaly.explanation).toBe(
      "42.00 at Blue Bottle is 36.5 MADs above its median of 5.50 over 38 charges (modified z-score 24.62 > 3.5)",
    );
  });

  it("lets an amount within the threshold, or below the median, pass", () => {
    for (const amount of [-1_050n, -100n]) {
      expect(
        anomaliesFor(item({ id: "x", date: "2025-03-20", payee: "Blue Bottle", amount, category: "dining" }), coffee, options),
      ).toEqual([]);
    }
  });

  it("never flags an amount the user already paid that payee, or more, in the past year", () => {
    const before = item({ id: "bb-big", date: "2025-02-01", payee: "Blue Bottle", amount: -4_500n, category: "dining" });
    const spike = item({ id: "bb-spike", date: "2025-03-20", payee: "Blue Bottle", amount: -4_200n, category: "dining" });
    expect(anomaliesFor(spike, [...coffee, before], options)).toEqual([]);
    expect(anomaliesFor(spike, [...coffee, { ...before, date: "2024-03-01" }], options)).toHaveLength(1);
  });

  it("floors a zero MAD at 10 % of the median, so a same-price payee flags only a much larger charge", () => {
    const gym = charges("g", "City Gym", monthlyDates("2024-01-05", 12), [-4000n], "fitness");
    const at = (amount: bigint) =>
      anomaliesFor(item({ id: "g-x", date: "2025-01-05", payee: "City Gym", amount, category: "fitness" }), gym, options);
    expect(at(-6000n)).toEqual([]);
    const flagged = unusual(at(-6200n)[0]);
    expect(flagged.figures).toMatchObject({ madFloored: true, madsAbove: "5.5", modifiedZScore: "3.71" });
    expect(flagged.figures.madMinor.toString()).toBe("400");
    expect(flagged.explanation).toContain("with the MAD taken as 10 % of the median");
  });

  it("measures against the category when the payee is too new, and not at all without enough history", () => {
    const dining = charges("d", "Diner", dailyDates("2025-01-01", 20, 3), [-2500n, -1800n, -3200n, -2200n], "dining").map((i, n) => ({
      ...i,
      merchantKey: `diner ${n}`,
    }));
    const big = item({ id: "steak", date: "2025-03-10", payee: "Steakhouse", amount: -24_000n, category: "dining" });
    const anomaly = unusual(anomaliesFor(big, dining, options)[0]);
    expect(anomaly.figures.basis).toBe("CATEGORY");
    expect(anomaly.explanation).toMatch(/^240\.00 at Steakhouse is [\d.]+ MADs above the median of 23\.50 over 20 Restaurants expenses/);
    expect(anomaliesFor(big, dining.slice(0, 11), options)).toEqual([]);
  });
});

describe("duplicate charges", () => {
  it("pairs the same amount at the same merchant within two days, with the earlier one first", () => {
    const list = [
      item({ id: "a", date: "2025-03-04", payee: "NETFLIX.COM", amount: -1549n }),
      item({ id: "b", date: "2025-03-06", payee: "Netflix.com 22", amount: -1549n }),
      item({ id: "c", date: "2025-03-09", payee: "NETFLIX.COM", amount: -1549n }),
    ];
    const found = scan(list, options);
    expect(kinds(found)).toEqual([["DUPLICATE_CHARGE", "duplicate:a:b"]]);
    expect(found[0]).toMatchObject({
      transactionIds: ["a", "b"],
      figures: { amountMinor: 1549n, daysApart: 2 },
      explanation: "15.49 was charged at Netflix.com 22 twice within 2 days (2025-03-04 and 2025-03-06)",
    });
  });

  it("makes two pairs of three charges in a row, and none of different amounts or refunds", () => {
    const same = ["x1", "x2", "x3"].map((id) => item({ id, date: "2025-05-01", payee: "Uber", amount: -2310n }));
    expect(kinds(scan(same, options))).toEqual([
      ["DUPLICATE_CHARGE", "duplicate:x1:x2"],
      ["DUPLICATE_CHARGE", "duplicate:x2:x3"],
    ]);
    const other = [
      item({ id: "y1", date: "2025-05-01", payee: "Uber", amount: -2310n }),
      item({ id: "y2", date: "2025-05-01", payee: "Uber", amount: -2311n }),
    ];
    expect(scan(other, options)).toEqual([]);
    const refund = [
      item({ id: "z1", date: "2025-05-01", payee: "Uber", amount: 2310n, kind: "EXPENSE" }),
      item({ id: "z2", date: "2025-05-02", payee: "Uber", amount: 2310n, kind: "EXPENSE" }),
    ];
    expect(scan(refund, options)).toEqual([]);
  });

  it("stays quiet at a merchant where the same amount twice in two days is a habit", () => {
    const coffee = charges("k", "Blue Bottle", dailyDates("2025-01-01", 10, 1), [-550n]);
    expect(kinds(scan(coffee, options))).toEqual([
      ["DUPLICATE_CHARGE", "duplicate:k-0:k-1"],
      ["DUPLICATE_CHARGE", "duplicate:k-1:k-2"],
    ]);
  });
});

describe("first payee with a large amount", () => {
  it("flags a first payment above the 95th percentile of the year's expenses, not a second one, nor a smaller one", () => {
    const history = background();
    const watch = item({ id: "watch", date: "2024-12-22", payee: "Luxury Watches", amount: -185_000n });
    const [anomaly] = anomaliesFor(watch, history, options);
    expect(anomaly).toMatchObject({
      key: "new-payee:watch",
      kind: "NEW_PAYEE_LARGE",
      figures: { amountMinor: 185_000n, percentile: 95, historySize: 60 },
    });
    expect(anomaly!.explanation).toMatch(
      /^First payment to Luxury Watches: 1850\.00 is more than 95 % of your 60 expenses in the past year \(up to \d+\.\d\d\)$/,
    );
    const again = item({ id: "watch-2", date: "2024-12-23", payee: "Luxury Watches", amount: -185_000n });
    expect(anomaliesFor(again, [...history, watch], options).map((a) => a.kind)).not.toContain("NEW_PAYEE_LARGE");
    expect(anomaliesFor({ ...watch, amountMinor: -5_000n }, history, options)).toEqual([]);
    expect(anomaliesFor(watch, history.slice(0, 29), options)).toEqual([]);
  });

  it("waits until the history reaches back 90 days: before that every payee is new", () => {
    const history = charges("g", "Grocer", dailyDates("2024-01-01", 45, 2), [-3_000n, -4_500n, -6_000n]); // to Mar 29
    const watch = (date: string) => item({ id: "watch", date, payee: "Luxury Watches", amount: -185_000n });
    expect(anomaliesFor(watch("2024-03-30"), history, options)).toEqual([]);
    expect(anomaliesFor(watch("2024-03-31"), history, options).map((a) => a.kind)).toEqual(["NEW_PAYEE_LARGE"]);
  });
});

describe("category spikes", () => {
  const months = ["2025-01", "2025-02", "2025-03", "2025-04"];
  const monthly = months.flatMap((m, i) =>
    [5, 15, 25].map((d, j) =>
      item({ id: `r-${i}-${j}`, date: `${m}-${d}`, payee: `Restaurant ${j}`, amount: -10_000n, category: "dining" }),
    ),
  );

  it("flags the expense that takes the month above twice its median month, once", () => {
    const may = [10_000n, 30_000n, 25_000n, 5_000n].map((amount, i) =>
      item({ id: `m-${i}`, date: `2025-05-0${i + 1}`, payee: "Bistro", amount: -amount, category: "dining" }),
    );
    const found = scan([...monthly, ...may], options).filter((a) => a.kind === "CATEGORY_SPIKE");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      key: "category-spike:dining:2025-05",
      transactionIds: ["m-0", "m-1", "m-2"],
      figures: { monthToDateMinor: 65_000n, trailingMonths: 4, times: "2.2" },
      explanation:
        "Restaurants spending in 2025-05 reached 650.00 with 250.00 at Bistro: 2.2× its median month of 300.00 over the previous 4 months",
    });
  });

  it("stays quiet when the jump is small next to everything the user spends in a month", () => {
    const rent = ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05"].map((m, i) =>
      item({ id: `rent-${i}`, date: `${m}-01`, payee: "Landlord", amount: -400_000n, category: "housing" }),
    );
    const may = [10_000n, 30_000n, 25_000n].map((amount, i) =>
      item({ id: `m-${i}`, date: `2025-05-0${i + 2}`, payee: "Bistro", amount: -amount, category: "dining" }),
    );
    // Dining doubles (650 against 300) but 350 more is under a tenth of a 4,300 month.
    expect(scan([...monthly, ...rent, ...may], options).filter((a) => a.kind === "CATEGORY_SPIKE")).toEqual([]);
  });

  it("needs three earlier months, and counts a month with nothing spent as zero", () => {
    const early = monthly.slice(0, 6); // January and February only
    const march = item({ id: "big", date: "2025-03-20", payee: "Bistro", amount: -90_000n, category: "dining" });
    expect(anomaliesFor(march, early, options).map((a) => a.kind)).not.toContain("CATEGORY_SPIKE");
    const withGap = [
      ...monthly.filter((i) => !i.date.startsWith("2025-02")),
      ...monthly.filter((i) => i.date.startsWith("2025-02")).map((i) => ({ ...i, date: i.date.replace("2025-02", "2025-04") })),
    ];
    // Jan 300, Feb 0, Mar 300, Apr 600: median 300, the spike needs more than 600 in May.
    const may = item({ id: "may", date: "2025-05-02", payee: "Bistro", amount: -60_100n, category: "dining" });
    expect(anomaliesFor(may, withGap, options).find((a) => a.kind === "CATEGORY_SPIKE")?.figures).toMatchObject({ trailingMonths: 4 });
  });
});
