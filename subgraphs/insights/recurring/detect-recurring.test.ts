import { describe, expect, it } from "vitest";

import { charges, dailyDates, item, monthlyDates } from "../test/support/history-items.js";
import { detectRecurring } from "./detect-recurring.js";

const only = <T>(list: readonly T[]): T => {
  expect(list).toHaveLength(1);
  return list[0]!;
};

describe("detectRecurring", () => {
  it("finds a monthly charge billed on the 31st through short months, with its next date and yearly cost", () => {
    const dates = monthlyDates("2024-10-31", 6); // Oct 31, Nov 30, Dec 31, Jan 31, Feb 28, Mar 31
    const series = only(detectRecurring(charges("n", "NETFLIX.COM 8841", dates, [-1549n]), "2025-04-10"));
    expect(series).toMatchObject({
      merchantKey: "netflix com",
      cadence: "MONTHLY",
      kind: "EXPENSE",
      typicalAmountMinor: 1549n,
      lastAmountMinor: 1549n,
      lastDate: "2025-03-31",
      nextExpectedDate: "2025-04-30",
      yearlyCostMinor: 18_588n,
      active: true,
      missedOccurrences: 0,
      priceIncreases: [],
      key: "recurring:EXPENSE:netflix com:MONTHLY:n-0",
    });
    expect(series.occurrences.map((o) => o.date)).toEqual(dates);
  });

  it("accepts charges within two days of one schedule and amounts within 7.5 % of the median so far, and no more", () => {
    const dates = ["2025-01-05", "2025-02-07", "2025-03-03", "2025-04-05", "2025-05-05"];
    const series = only(detectRecurring(charges("g", "City Gym", dates, [-4000n, -4300n, -3840n, -4000n, -4150n]), "2025-05-20"));
    expect(series.occurrences).toHaveLength(5);
    expect(series.typicalAmountMinor).toBe(4000n);

    // Feb 9 fits a schedule on the 7th (Jan 5 two days early); Feb 10 fits none that Jan 5 fits too.
    expect(
      only(
        detectRecurring(
          charges("g", "City Gym", ["2025-01-05", "2025-02-09", "2025-03-05", "2025-04-05", "2025-05-05"], [-4000n]),
          "2025-05-20",
        ),
      ).occurrences,
    ).toHaveLength(5);
    const late = ["2025-01-05", "2025-02-10", "2025-03-05", "2025-04-05", "2025-05-05"];
    const cut = only(detectRecurring(charges("g", "City Gym", late, [-4000n]), "2025-05-20"));
    expect(cut.occurrences.map((o) => o.date)).toEqual(["2025-01-05", "2025-03-05", "2025-04-05", "2025-05-05"]);
    expect(cut.missedOccurrences).toBe(1);

    const off = charges("g", "City Gym", dates, [-4000n, -4000n, -4310n, -4000n, -4000n]); // 7.75 % above
    expect(only(detectRecurring(off, "2025-05-20")).occurrences.map((o) => o.transactionId)).toEqual(["g-0", "g-1", "g-3", "g-4"]);
  });

  it("needs three charges for a monthly series and two for a yearly one", () => {
    expect(detectRecurring(charges("a", "Spotify", ["2025-01-03", "2025-02-03"], [-999n]), "2025-02-10")).toEqual([]);
    const yearly = only(detectRecurring(charges("d", "Domain Renewal", ["2023-06-14", "2024-06-13"], [-2000n]), "2024-07-01"));
    expect(yearly).toMatchObject({ cadence: "YEARLY", nextExpectedDate: "2025-06-14", yearlyCostMinor: 2000n });
  });

  it("tells weekly from biweekly, and finds income too", () => {
    const found = detectRecurring(
      [
        ...charges("w", "Kids Swim Club", dailyDates("2025-01-04", 8, 7), [-1500n]),
        ...charges("p", "ACME PAYROLL", dailyDates("2025-01-03", 6, 14), [250_000n]),
      ],
      "2025-03-10",
    );
    expect(found.map((s) => [s.merchantKey, s.cadence, s.kind, s.yearlyCostMinor])).toEqual([
      ["acme payroll", "BIWEEKLY", "INCOME", 6_500_000n],
      ["kids swim club", "WEEKLY", "EXPENSE", 78_000n],
    ]);
  });

  it("reports a price that went up and stayed up, with the old and new amounts and the date", () => {
    const dates = monthlyDates("2024-01-12", 10);
    const amounts = [...Array(6).fill(-1549n), ...Array(4).fill(-1799n)] as bigint[];
    const series = only(
      detectRecurring(
        dates.map((date, i) => item({ id: `n-${i}`, date, payee: "Netflix", amount: amounts[i]! })),
        "2024-11-01",
      ),
    );
    expect(series.occurrences).toHaveLength(10);
    expect(series.typicalAmountMinor).toBe(1799n);
    expect(series.priceIncreases).toEqual([{ date: "2024-07-12", transactionId: "n-6", fromAmountMinor: 1549n, toAmountMinor: 1799n }]);
  });

  it("does not call a one-off spike an increase: the spike is left out and the series goes on", () => {
    const dates = monthlyDates("2024-01-20", 10);
    const list = dates.map((date, i) => item({ id: `s-${i}`, date, payee: "Phone Co", amount: i === 5 ? -5999n : -2999n }));
    const series = only(detectRecurring(list, "2024-11-01"));
    expect(series.priceIncreases).toEqual([]);
    expect(series.occurrences.map((o) => o.transactionId)).not.toContain("s-5");
    expect(series.missedOccurrences).toBe(1);
  });

  it("waits for a new price to repeat before calling it an increase", () => {
    const dates = monthlyDates("2024-01-12", 7);
    const list = dates.map((date, i) => item({ id: `n-${i}`, date, payee: "Netflix", amount: i === 6 ? -1799n : -1549n }));
    const series = only(detectRecurring(list, "2024-07-20"));
    expect(series.priceIncreases).toEqual([]);
    expect(series.lastAmountMinor).toBe(1549n);
  });

  it("rolls the next date past one missed charge and calls a series inactive after that", () => {
    const list = charges("c", "Streamly", monthlyDates("2024-01-10", 5), [-899n]); // last May 10
    const [onTime, missedOne, gone] = ["2024-06-12", "2024-06-13", "2024-07-13"].map((today) => only(detectRecurring(list, today)));
    expect([onTime!.nextExpectedDate, onTime!.active]).toEqual(["2024-06-10", true]);
    expect([missedOne!.nextExpectedDate, missedOne!.active]).toEqual(["2024-07-10", true]);
    expect([gone!.nextExpectedDate, gone!.active]).toEqual([null, false]);
  });

  it("sees two series where one paused for two charges or more: the old one inactive", () => {
    const dates = [...monthlyDates("2023-01-08", 6), ...monthlyDates("2023-10-08", 6)];
    const found = detectRecurring(charges("h", "Hulu", dates, [-799n]), "2024-03-20");
    expect(found.map((s) => [s.occurrences[0]!.date, s.occurrences.length, s.active])).toEqual([
      ["2023-01-08", 6, false],
      ["2023-10-08", 6, true],
    ]);
  });

  it("needs a third yearly charge where the merchant also charged other amounts in between", () => {
    const renewal = charges("y", "Costco Membership", ["2023-03-01", "2024-03-01"], [-6_500n]);
    const shopping = charges("s", "Costco Membership", ["2023-07-14"], [-12_000n]);
    expect(detectRecurring(renewal, "2024-04-01")).toHaveLength(1);
    expect(detectRecurring([...renewal, ...shopping], "2024-04-01")).toEqual([]);
    const third = charges("z", "Costco Membership", ["2025-03-01"], [-6_500n]);
    expect(detectRecurring([...renewal, ...shopping, ...third], "2025-04-01").map((s) => s.cadence)).toEqual(["YEARLY"]);
  });

  it("sees a habit, not a subscription, in a coffee bought at the same price every day", () => {
    expect(detectRecurring(charges("k", "Blue Bottle", dailyDates("2025-01-01", 60, 1), [-550n]), "2025-03-05")).toEqual([]);
  });

  it("keeps two subscriptions at one merchant apart by their amounts, and ignores refunds", () => {
    const dates = monthlyDates("2025-01-15", 4);
    const list = [
      ...charges("icloud", "APPLE.COM/BILL", dates, [-99n]),
      ...charges(
        "tv",
        "APPLE.COM/BILL",
        dates.map((d) => d.replace("-15", "-20")),
        [-999n],
      ),
      item({ id: "refund", date: "2025-03-21", payee: "APPLE.COM/BILL", amount: 999n, kind: "EXPENSE" }),
    ];
    const found = detectRecurring(list, "2025-05-01");
    expect(found.map((s) => [s.typicalAmountMinor, s.occurrences.length])).toEqual([
      [99n, 4],
      [999n, 4],
    ]);
  });
});
