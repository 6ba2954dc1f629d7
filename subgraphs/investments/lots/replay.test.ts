import { describe, expect, it } from "vitest";

import { decimal, formatQuantity } from "../quantities/index.js";
import { type Activity, averageCost, averageCostMinor, type PositionState, replayPosition } from "./index.js";

let sequence = 0;
const base = { feeMinor: 0n, quantity: null, priceMinor: null, amountMinor: null, splitRatio: null };
const buy = (id: string, date: string, quantity: string, priceMinor: bigint, feeMinor = 0n): Activity => ({
  ...base,
  id,
  type: "BUY",
  date,
  sequence: sequence++,
  quantity: decimal(quantity),
  priceMinor,
  feeMinor,
});
const sell = (id: string, date: string, quantity: string, priceMinor: bigint, feeMinor = 0n): Activity => ({
  ...buy(id, date, quantity, priceMinor, feeMinor),
  type: "SELL",
});
const split = (id: string, date: string, ratio: string | null): Activity => ({
  ...base,
  id,
  type: "SPLIT",
  date,
  sequence: sequence++,
  splitRatio: ratio === null ? null : decimal(ratio),
});
const cash = (type: Activity["type"], id: string, date: string, amountMinor: bigint | null, feeMinor = 0n): Activity => ({
  ...base,
  id,
  type,
  date,
  sequence: sequence++,
  amountMinor,
  feeMinor,
});

/** Quantities as strings, so expectations read as a person would write them. */
const plain = (state: PositionState) => ({
  quantity: formatQuantity(state.quantity),
  costBasisMinor: state.costBasisMinor,
  lots: state.lots.map((l) => ({ ...l, quantity: formatQuantity(l.quantity) })),
  realized: state.realized.map((r) => ({ ...r, quantity: formatQuantity(r.quantity) })),
  realizedGainMinor: state.realizedGainMinor,
});

function refusal(run: () => unknown): { code: string; field: string; activityId: string; message: string } {
  try {
    run();
  } catch (error) {
    const { extensions, message } = error as { extensions: { code: string; field: string; activityId: string }; message: string };
    return { ...extensions, message };
  }
  throw new Error("expected a refusal");
}

// 10 at 100.00 with a 5.00 fee, 5 at 120.00, then 12 sold at 150.00 with a 10.00 fee: proceeds
// 1,800.00 − 10.00 = 1,790.00, shared 10:2 between the lots as 1,491.67 and 298.33.
const history = [
  buy("b1", "2020-01-10", "10", 100_00n, 5_00n),
  buy("b2", "2020-06-01", "5", 120_00n),
  sell("s1", "2021-03-01", "12", 150_00n, 10_00n),
];

describe("FIFO", () => {
  it("closes the oldest lot first and keeps the rest of the next at its own cost", () => {
    expect(plain(replayPosition(history, "FIFO"))).toEqual({
      quantity: "3",
      costBasisMinor: 360_00n,
      lots: [{ openedBy: "b2", acquiredOn: "2020-06-01", quantity: "3", costMinor: 360_00n }],
      realized: [
        {
          activityId: "s1",
          openedBy: "b1",
          acquiredOn: "2020-01-10",
          soldOn: "2021-03-01",
          quantity: "10",
          costMinor: 1005_00n,
          proceedsMinor: 1491_67n,
          gainMinor: 486_67n,
          term: "LONG",
        },
        {
          activityId: "s1",
          openedBy: "b2",
          acquiredOn: "2020-06-01",
          soldOn: "2021-03-01",
          quantity: "2",
          costMinor: 240_00n,
          proceedsMinor: 298_33n,
          gainMinor: 58_33n,
          term: "SHORT",
        },
      ],
      realizedGainMinor: 545_00n,
    });
  });

  it("shares a lot's cost across partial sales without losing a minor unit", () => {
    const thirds = [buy("b", "2024-01-02", "3", 0n, 100n), ...["s1", "s2", "s3"].map((id) => sell(id, "2024-02-01", "1", 50n))];
    const state = replayPosition(thirds, "FIFO");
    // 100 over 3: 33 leaves (67 stays), then half of 67 rounds up to 34, then the last 33.
    expect(state.realized.map((r) => r.costMinor)).toEqual([33n, 34n, 33n]);
    expect(state.costBasisMinor).toBe(0n);
    expect(state.lots).toEqual([]);
  });
});

describe("average cost", () => {
  it("closes at the pooled average: 1,605.00 for 15, so 12 cost 1,284.00 and 3 keep 321.00", () => {
    expect(plain(replayPosition(history, "AVERAGE_COST"))).toMatchObject({
      quantity: "3",
      costBasisMinor: 321_00n,
      lots: [{ openedBy: "b2", acquiredOn: "2020-06-01", quantity: "3", costMinor: 321_00n }],
      realized: [
        { openedBy: "b1", quantity: "10", costMinor: 1070_00n, proceedsMinor: 1491_67n, gainMinor: 421_67n, term: "LONG" },
        { openedBy: "b2", quantity: "2", costMinor: 214_00n, proceedsMinor: 298_33n, gainMinor: 84_33n, term: "SHORT" },
      ],
      realizedGainMinor: 506_00n,
    });
  });

  it("shows open lots at the average, their costs adding up to the pool", () => {
    const state = replayPosition([buy("a", "2024-01-02", "1", 100n), buy("b", "2024-01-03", "2", 101n)], "AVERAGE_COST");
    // 302 over 3 units: 100.67 each, shared 1:2 by largest remainder.
    expect(state.lots.map((l) => l.costMinor)).toEqual([101n, 201n]);
    expect(state.costBasisMinor).toBe(302n);
  });
});

describe("order", () => {
  it("replays by date then sequence, whatever order the activities come in", () => {
    const shuffled = [history[2]!, history[0]!, history[1]!];
    expect(replayPosition(shuffled, "FIFO")).toEqual(replayPosition(history, "FIFO"));
  });

  it("a sale entered before a same-day buy cannot use it", () => {
    const early = { ...sell("s", "2024-03-01", "1", 10n), sequence: 1 };
    const late = { ...buy("b", "2024-03-01", "1", 10n), sequence: 2 };
    expect(refusal(() => replayPosition([late, early], "FIFO")).code).toBe("INSUFFICIENT_QUANTITY");
    expect(replayPosition([{ ...early, sequence: 3 }, late], "FIFO").quantity.isZero()).toBe(true);
  });
});

describe("refusals", () => {
  it("selling more than held then is INSUFFICIENT_QUANTITY on quantity, naming the sale", () => {
    const over = [buy("b", "2024-01-02", "3", 10n), sell("too-many", "2024-01-05", "3.5", 10n), buy("b2", "2024-01-06", "10", 10n)];
    expect(refusal(() => replayPosition(over, "AVERAGE_COST"))).toEqual({
      code: "INSUFFICIENT_QUANTITY",
      field: "quantity",
      activityId: "too-many",
      message: 'activity "too-many" on 2024-01-05 sells 3.5 but only 3 is held then',
    });
  });

  it("a SELL before any BUY is INSUFFICIENT_QUANTITY", () => {
    const early = [sell("s", "2024-01-01", "1", 10n), buy("b", "2024-01-02", "1", 10n)];
    expect(refusal(() => replayPosition(early, "FIFO"))).toMatchObject({ code: "INSUFFICIENT_QUANTITY", activityId: "s" });
  });

  it.each([
    ["a zero split ratio", split("z", "2024-02-01", "0"), "splitRatio"],
    ["a negative split ratio", split("n", "2024-02-01", "-2"), "splitRatio"],
    ["a split without a ratio", split("m", "2024-02-01", null), "splitRatio"],
    ["a buy without a price", { ...buy("p", "2024-02-01", "1", 0n), priceMinor: null }, "price"],
    ["a negative price", buy("p", "2024-02-01", "1", -1n), "price"],
    ["a negative fee", buy("f", "2024-02-01", "1", 1n, -1n), "fee"],
    ["a zero quantity", buy("q", "2024-02-01", "0", 1n), "quantity"],
    ["a 19th decimal", buy("q", "2024-02-01", "0.0000000000000000001", 1n), "quantity"],
    ["a trade worth more than an amount can hold", buy("q", "2024-02-01", "10000000000", 10n ** 8n), "quantity"],
    ["a date not written YYYY-MM-DD", buy("d", "1.2.2024", "1", 1n), "date"],
    ["a dividend without an amount", cash("DIVIDEND", "d", "2024-02-01", null), "amount"],
    ["a negative fee amount", cash("FEE", "d", "2024-02-01", -5n), "amount"],
  ])("%s is BAD_USER_INPUT", (_, activity, field) => {
    const refused = refusal(() => replayPosition([buy("b", "2024-01-02", "1", 10n), activity], "FIFO"));
    expect(refused).toMatchObject({ code: "BAD_USER_INPUT", field, activityId: activity.id });
  });
});

describe("splits", () => {
  it("multiply every open lot's quantity and keep its cost", () => {
    const state = replayPosition([...history, split("x", "2021-06-01", "2"), split("y", "2021-07-01", "0.1")], "FIFO");
    expect(plain(state)).toMatchObject({ quantity: "0.6", costBasisMinor: 360_00n, lots: [{ quantity: "0.6", costMinor: 360_00n }] });
  });

  it("leave the realized part alone and make later sales count new units", () => {
    const state = replayPosition([...history, split("x", "2021-06-01", "3"), sell("s2", "2021-07-01", "9", 60_00n)], "FIFO");
    expect(state.realized.at(-1)).toMatchObject({ openedBy: "b2", costMinor: 360_00n, proceedsMinor: 540_00n, gainMinor: 180_00n });
    expect(state.quantity.isZero()).toBe(true);
  });

  it("refuse a ratio that would shrink a lot below 10⁻¹⁸", () => {
    const dust = [buy("b", "2024-01-02", "0.000000000000000001", 1n), split("x", "2024-02-01", "0.1")];
    expect(refusal(() => replayPosition(dust, "FIFO"))).toMatchObject({ code: "BAD_USER_INPUT", field: "splitRatio" });
  });
});

describe("income, fees and closed positions", () => {
  it("keeps dividends, interest and fees apart from cost; a closed position keeps its gain and income", () => {
    const state = replayPosition(
      [
        buy("b", "2023-01-02", "4", 25_00n, 1_00n),
        cash("DIVIDEND", "d", "2023-06-01", 3_20n, 10n),
        cash("INTEREST", "i", "2023-07-01", 50n),
        cash("FEE", "f", "2023-08-01", 2_00n),
        cash("DEPOSIT", "dep", "2023-08-02", 1000_00n),
        sell("s", "2023-09-01", "4", 30_00n, 1_00n),
      ],
      "FIFO",
    );
    expect(state).toMatchObject({
      costBasisMinor: 0n,
      lots: [],
      realizedGainMinor: 18_00n,
      dividendsMinor: 3_20n,
      interestMinor: 50n,
      feesMinor: 2_10n,
      tradeFeesMinor: 2_00n,
    });
    expect(state.quantity.isZero()).toBe(true);
  });

  it("records the position at the end of each day it changed", () => {
    const state = replayPosition([...history, sell("s2", "2021-03-01", "1", 150_00n), cash("DIVIDEND", "d", "2021-04-01", 1n)], "FIFO");
    expect(state.timeline.map((p) => [p.date, formatQuantity(p.quantity), p.costBasisMinor])).toEqual([
      ["2020-01-10", "10", 1005_00n],
      ["2020-06-01", "15", 1605_00n],
      ["2021-03-01", "2", 240_00n],
    ]);
  });
});

describe("holding term", () => {
  it.each([
    ["2023-05-10", "2024-05-10", "SHORT"],
    ["2023-05-10", "2024-05-11", "LONG"],
    ["2024-02-29", "2025-02-28", "SHORT"],
    ["2024-02-29", "2025-03-01", "LONG"],
    // Years before 1000 are still compared as four digits.
    ["0998-05-10", "0999-05-10", "SHORT"],
    ["0998-05-10", "0999-05-11", "LONG"],
  ])("bought %s, sold %s: %s", (acquiredOn, soldOn, term) => {
    const state = replayPosition([buy("b", acquiredOn, "1", 10n), sell("s", soldOn, "1", 10n)], "FIFO");
    expect(state.realized[0]!.term).toBe(term);
  });
});

describe("averageCost", () => {
  it("is cost per unit in minor units, null once nothing is held", () => {
    const state = replayPosition([buy("b", "2024-01-02", "3", 0n, 1000n)], "FIFO");
    expect(averageCost(state)!.toSignificantDigits(12).toFixed()).toBe("333.333333333");
    expect(averageCostMinor(state)).toBe(333n);
    expect(averageCostMinor(replayPosition([buy("b", "2024-01-02", "2", 0n, 1001n)], "FIFO"))).toBe(501n);
    const closed = replayPosition([buy("b", "2024-01-02", "3", 1n), sell("s", "2024-01-03", "3", 1n)], "FIFO");
    expect(averageCost(closed)).toBeNull();
    expect(averageCostMinor(closed)).toBeNull();
  });
});

describe("refusal messages", () => {
  // The message names the activity and says what is wrong with which figure, so an import can
  // point at the row and the field.
  it.each([
    ['activity "q": quantity is required', { ...buy("q", "2024-02-01", "1", 1n), quantity: null }],
    ['activity "p": price is required', { ...buy("p", "2024-02-01", "1", 0n), priceMinor: null }],
    ['activity "p": price must not be negative', buy("p", "2024-02-01", "1", -1n)],
    ['activity "f": fee must not be negative', sell("f", "2024-02-01", "1", 1n, -1n)],
    ['activity "q": quantity must be greater than zero', buy("q", "2024-02-01", "0", 1n)],
    ['activity "q": quantity must be a number with at most 18 decimals', buy("q", "2024-02-01", "0.0000000000000000001", 1n)],
    ['activity "q": quantity × price is larger than an amount may be', buy("q", "2024-02-01", "10000000000", 10n ** 8n)],
    ['activity "d": date must be a date written YYYY-MM-DD', buy("d", "2024-2-01", "1", 1n)],
    ['activity "d": amount is required', cash("DIVIDEND", "d", "2024-02-01", null)],
    ['activity "d": amount must not be negative', cash("FEE", "d", "2024-02-01", -5n)],
    ['activity "d": fee must not be negative', cash("DIVIDEND", "d", "2024-02-01", 5n, -1n)],
    ['activity "m": splitRatio is required', split("m", "2024-02-01", null)],
    ['activity "z": splitRatio must be greater than zero', split("z", "2024-02-01", "0")],
    ['activity "n": splitRatio must be greater than zero', split("n", "2024-02-01", "-2")],
    ['activity "s": fee must not be negative', { ...split("s", "2024-02-01", "2"), feeMinor: -1n }],
    ['activity "x": splitRatio would leave a lot with less than 10⁻¹⁸ of a unit', split("x", "2024-02-01", "0.1")],
  ])("refuses: %s", (message, activity) => {
    const dust = buy("b", "2024-01-02", "0.000000000000000001", 10n);
    expect(refusal(() => replayPosition([dust, activity], "FIFO"))).toMatchObject({ code: "BAD_USER_INPUT", message });
  });

  it("takes a trade worth exactly the largest amount, and refuses one minor unit more", () => {
    const largest = 10n ** 18n - 1n;
    expect(replayPosition([buy("b", "2024-01-02", "1", largest)], "FIFO").costBasisMinor).toBe(largest);
    expect(refusal(() => replayPosition([buy("b", "2024-01-02", "1", largest + 1n)], "FIFO")).field).toBe("quantity");
  });
});

describe("open lots", () => {
  it("keep their own cost under FIFO and the pooled average under AVERAGE_COST", () => {
    const two = [buy("cheap", "2024-01-02", "1", 100n), buy("dear", "2024-01-03", "1", 300n)];
    expect(replayPosition(two, "FIFO").lots.map((l) => l.costMinor)).toEqual([100n, 300n]);
    expect(replayPosition(two, "AVERAGE_COST").lots.map((l) => l.costMinor)).toEqual([200n, 200n]);
  });

  it("stay right through a long history: 1,500 lots, 1,200 sold at once, then the next one", () => {
    const lots = Array.from({ length: 1500 }, (_, i) => buy(`b${i + 1}`, "2024-01-02", "1", BigInt(i + 1)));
    const state = replayPosition([...lots, sell("s1", "2024-02-01", "1200", 0n), sell("s2", "2024-02-02", "1", 0n)], "FIFO");
    // The second sale closes lot 1201 (cost 12.01): the 1,200 before it are gone.
    expect(state.realized.at(-1)).toMatchObject({ activityId: "s2", openedBy: "b1201", costMinor: 1201n });
    expect(state.lots).toHaveLength(299);
    expect(state.lots[0]).toMatchObject({ openedBy: "b1202", costMinor: 1202n });
    expect(state.costBasisMinor).toBe(((1202n + 1500n) * 299n) / 2n);
  });
});

describe("replay order", () => {
  it("goes by date before sequence: a later day's activity with a smaller sequence still comes after", () => {
    const bought = { ...buy("b", "2024-01-02", "1", 10n), sequence: 9 };
    const sold = { ...sell("s", "2024-01-03", "1", 12n), sequence: 1 };
    expect(replayPosition([sold, bought], "FIFO").realizedGainMinor).toBe(2n);
  });

  it("orders a reused sequence by id, whatever order the activities arrive in", () => {
    const same = (activity: Activity) => ({ ...activity, sequence: 7 });
    const buyFirst = [same(buy("a", "2024-01-02", "1", 10n)), same(sell("b", "2024-01-02", "1", 12n))];
    expect(replayPosition(buyFirst, "FIFO").realizedGainMinor).toBe(2n);
    expect(replayPosition([...buyFirst].reverse(), "FIFO").realizedGainMinor).toBe(2n);
    // Ids the other way round: the sale replays first, before anything is held.
    const sellFirst = [same(buy("b", "2024-01-02", "1", 10n)), same(sell("a", "2024-01-02", "1", 12n))];
    expect(refusal(() => replayPosition(sellFirst, "FIFO")).code).toBe("INSUFFICIENT_QUANTITY");
    expect(refusal(() => replayPosition([...sellFirst].reverse(), "FIFO")).code).toBe("INSUFFICIENT_QUANTITY");
  });
});

describe("fees outside trades", () => {
  it("add up: a FEE's amount and its own fee, and the fees on interest, dividends and splits", () => {
    const state = replayPosition(
      [
        buy("b", "2024-01-02", "2", 10n),
        cash("FEE", "f", "2024-02-01", 2_00n, 3n),
        cash("INTEREST", "i", "2024-03-01", 50n, 5n),
        cash("DIVIDEND", "d", "2024-04-01", 70n, 11n),
        { ...split("x", "2024-05-01", "2"), feeMinor: 7n },
        cash("WITHDRAWAL", "w", "2024-06-01", 5_00n, 13n),
      ],
      "FIFO",
    );
    expect(state).toMatchObject({ feesMinor: 2_00n + 3n + 5n + 11n + 7n, interestMinor: 50n, dividendsMinor: 70n, tradeFeesMinor: 0n });
    expect(formatQuantity(state.quantity)).toBe("4");
  });
});
