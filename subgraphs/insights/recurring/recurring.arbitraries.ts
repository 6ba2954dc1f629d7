// Test support only: small histories of a few merchants, each either paying on a rhythm (any
// cadence, a start on any day including month ends, charges up to two days late, now and then one
// skipped, sometimes a price step) or buying at random; transaction ids unique across the history.
import fc from "fast-check";

import { dateOfDayNumber, dayNumber } from "../history/day-number.js";
import type { HistoryItem } from "../history/history-item.js";
import { type Cadence, CADENCES, expectedDay } from "./cadence.js";

const FIRST_DAY = dayNumber("2021-01-01");
const cadence = fc.constantFrom<Cadence>("WEEKLY", "BIWEEKLY", "MONTHLY", "QUARTERLY", "YEARLY");

interface MerchantPlan {
  rhythmic: boolean;
  cadence: Cadence;
  startOffset: number;
  count: number;
  price: bigint;
  stepAt: number;
  stepBy: bigint;
  lateness: number[];
  skips: boolean[];
  randomDays: number[];
  randomAmounts: bigint[];
}

const merchantPlan: fc.Arbitrary<MerchantPlan> = fc.record({
  rhythmic: fc.boolean(),
  cadence,
  startOffset: fc.integer({ min: 0, max: 400 }),
  count: fc.integer({ min: 2, max: 14 }),
  price: fc.bigInt({ min: 100n, max: 50_000n }),
  stepAt: fc.integer({ min: 0, max: 20 }),
  stepBy: fc.constantFrom(0n, 0n, 10n, 20n, 35n),
  lateness: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 14, maxLength: 14 }),
  skips: fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }),
  randomDays: fc.array(fc.integer({ min: 0, max: 900 }), { maxLength: 12 }),
  randomAmounts: fc.array(fc.bigInt({ min: 100n, max: 20_000n }), { minLength: 12, maxLength: 12 }),
});

function itemsOf(plan: MerchantPlan, merchant: string): HistoryItem[] {
  const make = (n: number, day: number, minor: bigint): HistoryItem => ({
    transactionId: `${merchant}-${String(n).padStart(3, "0")}`,
    accountId: "acc",
    date: dateOfDayNumber(day),
    payee: merchant.toUpperCase(),
    merchantKey: merchant,
    categoryId: "c",
    amountMinor: -minor,
    kind: "EXPENSE",
  });
  if (!plan.rhythmic) return plan.randomDays.map((day, i) => make(i, FIRST_DAY + day, plan.randomAmounts[i]!));
  const anchor = FIRST_DAY + plan.startOffset;
  const items: HistoryItem[] = [];
  for (let k = 0; k < plan.count; k++) {
    // One skip in a while, never two in a row.
    if (k > 0 && plan.skips[k] && !plan.skips[k - 1] && k % 4 === 0 && CADENCES[plan.cadence].maxStepsPerGap > 1) continue;
    const price = k >= plan.stepAt ? plan.price + (plan.price * plan.stepBy) / 100n : plan.price;
    items.push(make(k, expectedDay(plan.cadence, anchor, k) + plan.lateness[k]!, price));
  }
  return items;
}

/** A history of 1–5 merchants named `<prefix>0`, `<prefix>1`, … */
export const historyOf = (prefix: string) =>
  fc.array(merchantPlan, { minLength: 1, maxLength: 5 }).map((plans) => plans.flatMap((plan, i) => itemsOf(plan, `${prefix}${i}`)));

export const history = historyOf("m");

/** `items` in another order, chosen by fast-check. */
export const shuffledOf = <T>(items: readonly T[]) => fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });

export const today = fc.integer({ min: 0, max: 1_400 }).map((day) => dateOfDayNumber(FIRST_DAY + day));

/** One merchant charging one price on one rhythm, no charge skipped, each 0–2 days late. */
export const plainSubscription = fc
  .record({
    cadence,
    start: fc.integer({ min: 0, max: 3_000 }),
    count: fc.integer({ min: 3, max: 30 }),
    price: fc.bigInt({ min: 1n, max: 10n ** 9n }),
    lateness: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 30, maxLength: 30 }),
  })
  .map(({ cadence, start, count, price, lateness }) => ({
    cadence,
    items: Array.from({ length: count }, (_, k): HistoryItem => ({
      transactionId: `s-${String(k).padStart(3, "0")}`,
      accountId: "acc",
      date: dateOfDayNumber(expectedDay(cadence, FIRST_DAY + start, k) + lateness[k]!),
      payee: "Service",
      merchantKey: "service",
      categoryId: null,
      amountMinor: -price,
      kind: "EXPENSE" as const,
    })),
  }));
