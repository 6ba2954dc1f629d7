import type { DuplicateChargeAnomaly } from "./anomaly.js";
import type { AnomalyOptions } from "./anomaly.js";
import { DUPLICATE_WINDOW_DAYS, HABITUAL_DUPLICATE_PAIRS, LOOKBACK_DAYS } from "./anomaly-rules.js";
import { formatMinor, plural } from "./explain.js";
import { type HistoryIndex, isExpense } from "./history-index.js";

/**
 * The same amount charged again at the same merchant within two days: paired with the latest such
 * earlier charge, so three in a row make two pairs, never three. A recurring series never pairs
 * with itself (its charges are a week or more apart); a merchant where the user already paid the
 * same amount twice within two days often enough in the past year is a habit and stays quiet.
 */
export function duplicateCharge(index: HistoryIndex, position: number, options: AnomalyOptions): DuplicateChargeAnomaly | null {
  const item = index.items[position]!;
  if (!isExpense(item)) return null;
  const day = index.days[position]!;
  const twin = index
    .merchantExpensesWithin(position, DUPLICATE_WINDOW_DAYS)
    .findLast((p) => index.items[p]!.amountMinor === item.amountMinor);
  if (twin === undefined) return null;
  if (habitualPairs(index, position) >= HABITUAL_DUPLICATE_PAIRS) return null;

  const earlier = index.items[twin]!;
  const daysApart = day - index.days[twin]!;
  const amount = -item.amountMinor;
  const when = daysApart === 0 ? `twice on ${item.date}` : `twice within ${plural(daysApart, "day")} (${earlier.date} and ${item.date})`;
  return {
    key: `duplicate:${earlier.transactionId}:${item.transactionId}`,
    kind: "DUPLICATE_CHARGE",
    date: item.date,
    transactionIds: [earlier.transactionId, item.transactionId],
    explanation: `${formatMinor(amount, options.currency)} was charged at ${item.payee} ${when}`,
    figures: { amountMinor: amount, daysApart },
  };
}

/** Same-amount pairs within the window at this merchant in the year before `position`. */
function habitualPairs(index: HistoryIndex, position: number): number {
  const lastDayByAmount = new Map<bigint, number>();
  let pairs = 0;
  for (const p of index.merchantExpensesWithin(position, LOOKBACK_DAYS)) {
    const { amountMinor } = index.items[p]!;
    const previous = lastDayByAmount.get(amountMinor);
    if (previous !== undefined && index.days[p]! - previous <= DUPLICATE_WINDOW_DAYS) pairs++;
    lastDayByAmount.set(amountMinor, index.days[p]!);
  }
  return pairs;
}
