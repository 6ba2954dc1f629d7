// Test support only: histories of up to a few hundred transactions over about a year at a handful
// of regular merchants (and now and then a new one) and categories, with amounts drawn from a short
// list (so the same amount recurs and duplicates happen) or at random (so some are far from the
// rest), a few refunds and incomes, and several transactions on one day. Transaction ids are unique.
import fc from "fast-check";

import { dateOfDayNumber, dayNumber } from "../history/day-number.js";
import type { HistoryItem } from "../history/history-item.js";

const FIRST_DAY = dayNumber("2023-01-01");
const COMMON_AMOUNTS = [450n, 1_099n, 2_500n, 4_000n, 12_000n];

const transaction = fc.record({
  day: fc.integer({ min: 0, max: 400 }),
  merchant: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 4 }) }, { weight: 1, arbitrary: fc.integer({ min: 5, max: 60 }) }),
  category: fc.option(fc.integer({ min: 0, max: 3 }), { freq: 8 }),
  amount: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...COMMON_AMOUNTS) },
    { weight: 4, arbitrary: fc.bigInt({ min: 100n, max: 20_000n }) },
    { weight: 1, arbitrary: fc.bigInt({ min: 20_000n, max: 500_000n }) },
  ),
  shape: fc.constantFrom("EXPENSE", "EXPENSE", "EXPENSE", "EXPENSE", "EXPENSE", "EXPENSE", "REFUND", "INCOME"),
});

export const history = fc
  .oneof(fc.array(transaction, { minLength: 1, maxLength: 40 }), fc.array(transaction, { minLength: 150, maxLength: 300 }))
  .map((drafts) =>
    drafts.map((t, i): HistoryItem => ({
      transactionId: `t${String(i).padStart(4, "0")}`,
      accountId: "acc",
      date: dateOfDayNumber(FIRST_DAY + t.day),
      payee: `Merchant ${t.merchant}`,
      merchantKey: `merchant ${t.merchant}`,
      categoryId: t.category === null ? null : `c${t.category}`,
      amountMinor: t.shape === "EXPENSE" ? -t.amount : t.amount,
      kind: t.shape === "INCOME" ? "INCOME" : "EXPENSE",
    })),
  );

/** The same items in another order, chosen by fast-check. */
export const shuffledOf = <T>(items: readonly T[]) => fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
