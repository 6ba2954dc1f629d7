import { magnitude } from "../history/history-item.js";
import type { AnomalyOptions, UnusualAmountAnomaly } from "./anomaly.js";
import {
  MAD_CONSISTENCY_TEN_THOUSANDTHS,
  MAD_FLOOR_PERCENT,
  MIN_CATEGORY_HISTORY,
  MIN_PAYEE_HISTORY,
  MODIFIED_Z_THRESHOLD_TENTHS,
} from "./anomaly-rules.js";
import { categoryLabel, formatMinor, formatStatistic, halved, plural, ratio } from "./explain.js";
import { type HistoryIndex, isExpense } from "./history-index.js";
import { doubledMad, doubledMedian } from "./robust-stats.js";

/**
 * An expense far above what the user usually pays there: its modified z-score,
 * 0.6745 · (x − median) / MAD, above 3.5 (Iglewicz and Hoaglin). Measured against the payee's own
 * history when it has enough of it (it knows best what a normal charge there is), else against the
 * category's. Only amounts above the median count (paying less than usual is not an alert), and
 * never one the user already paid that payee, or more, in the past year.
 */
export function unusualAmount(index: HistoryIndex, position: number, options: AnomalyOptions): UnusualAmountAnomaly | null {
  const item = index.items[position]!;
  if (!isExpense(item)) return null;
  const payeeHistory = index.merchantHistory(position);
  const amount = magnitude(item.amountMinor);
  if (payeeHistory.some((p) => magnitude(index.items[p]!.amountMinor) >= amount)) return null;
  const basis = payeeHistory.length >= MIN_PAYEE_HISTORY ? "PAYEE" : "CATEGORY";
  const history = basis === "PAYEE" ? payeeHistory : index.categoryHistory(position);
  if (basis === "CATEGORY" && history.length < MIN_CATEGORY_HISTORY) return null;

  const amounts = history.map((p) => magnitude(index.items[p]!.amountMinor));
  const twiceMedian = doubledMedian(amounts);
  const twiceDeviation = 2n * amount - twiceMedian;
  if (twiceDeviation <= 0n) return null;
  const ownTwiceMad = doubledMad(amounts);
  // The floor rounds up: a score is never inflated by a floor a fraction of a unit too small.
  const floorTwiceMad = maxOf((twiceMedian * MAD_FLOOR_PERCENT + 99n) / 100n, 1n);
  const twiceMad = maxOf(ownTwiceMad, floorTwiceMad);
  // 0.6745 · dev / MAD > 3.5, both sides scaled to integers (dev and MAD are both doubled).
  if (MAD_CONSISTENCY_TEN_THOUSANDTHS * twiceDeviation * 10n <= MODIFIED_Z_THRESHOLD_TENTHS * 10_000n * twiceMad) return null;

  const figures = {
    basis,
    amountMinor: amount,
    medianMinor: halved(twiceMedian),
    madMinor: halved(twiceMad),
    madFloored: ownTwiceMad < floorTwiceMad,
    madsAbove: ratio(twiceDeviation, twiceMad, 1),
    modifiedZScore: ratio(MAD_CONSISTENCY_TEN_THOUSANDTHS * twiceDeviation, 10_000n * twiceMad, 2),
    historySize: history.length,
  } as const;
  return {
    key: `amount:${item.transactionId}`,
    kind: "UNUSUAL_AMOUNT",
    date: item.date,
    transactionIds: [item.transactionId],
    explanation: explain(figures, item.payee, item.categoryId, options),
    figures,
  };
}

function explain(f: UnusualAmountAnomaly["figures"], payee: string, categoryId: string | null, options: AnomalyOptions): string {
  const { currency } = options;
  const over =
    f.basis === "PAYEE"
      ? `its median of ${formatStatistic(f.medianMinor, currency)} over ${plural(f.historySize, "charge")}`
      : `the median of ${formatStatistic(f.medianMinor, currency)} over ${plural(f.historySize, `${categoryLabel(categoryId, options)} expense`)}`;
  const floored = f.madFloored ? `, with the MAD taken as ${MAD_FLOOR_PERCENT} % of the median` : "";
  return (
    `${formatMinor(f.amountMinor, currency)} at ${payee} is ${f.madsAbove} MADs above ${over} ` +
    `(modified z-score ${f.modifiedZScore} > ${ratio(MODIFIED_Z_THRESHOLD_TENTHS, 10n, 1)}${floored})`
  );
}

const maxOf = (a: bigint, b: bigint) => (a > b ? a : b);
