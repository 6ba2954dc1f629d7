import { magnitude } from "../history/history-item.js";
import type { AnomalyOptions, NewPayeeLargeAnomaly } from "./anomaly.js";
import { MIN_NEW_PAYEE_HISTORY, MIN_NEW_PAYEE_HISTORY_DAYS, NEW_PAYEE_PERCENTILE } from "./anomaly-rules.js";
import { formatMinor, plural } from "./explain.js";
import { type HistoryIndex, isExpense } from "./history-index.js";
import { percentileNearestRank } from "./robust-stats.js";

/**
 * A first-ever payment to a merchant that is larger than 95 % of the user's expenses in the past
 * year: the shape of a card used by someone else, or a purchase worth a second look. Only once the
 * history reaches back far enough for "first-ever" to mean something.
 */
export function newPayeeLarge(index: HistoryIndex, position: number, options: AnomalyOptions): NewPayeeLargeAnomaly | null {
  const item = index.items[position]!;
  if (!isExpense(item) || index.merchantSeenBefore(position)) return null;
  if (index.days[position]! - index.days[0]! < MIN_NEW_PAYEE_HISTORY_DAYS) return null;
  const history = index.expenseHistory(position);
  if (history.length < MIN_NEW_PAYEE_HISTORY) return null;
  const threshold = percentileNearestRank(
    history.map((p) => magnitude(index.items[p]!.amountMinor)),
    NEW_PAYEE_PERCENTILE,
  );
  const amount = magnitude(item.amountMinor);
  if (amount <= threshold) return null;
  const { currency } = options;
  return {
    key: `new-payee:${item.transactionId}`,
    kind: "NEW_PAYEE_LARGE",
    date: item.date,
    transactionIds: [item.transactionId],
    explanation:
      `First payment to ${item.payee}: ${formatMinor(amount, currency)} is more than ${NEW_PAYEE_PERCENTILE} % of your ` +
      `${plural(history.length, "expense")} in the past year (up to ${formatMinor(threshold, currency)})`,
    figures: { amountMinor: amount, thresholdMinor: threshold, percentile: NEW_PAYEE_PERCENTILE, historySize: history.length },
  };
}
