import { compareHistoryItems, type HistoryItem, inHistoryOrder } from "../history/history-item.js";
import type { Anomaly, AnomalyOptions } from "./anomaly.js";
import { categorySpike } from "./category-spike.js";
import { duplicateCharge } from "./duplicate-charge.js";
import { HistoryIndex } from "./history-index.js";
import { newPayeeLarge } from "./new-payee-large.js";
import { unusualAmount } from "./unusual-amount.js";

const DETECTORS = [duplicateCharge, unusualAmount, newPayeeLarge, categorySpike] as const;

/**
 * The anomalies `newItem` raises against the history before it (in history order: earlier days,
 * and on its own day lower transaction ids). Items of `history` after it, and `newItem` itself if
 * already stored, are not looked at, so the answer is the one `scan` gives for it.
 */
export function anomaliesFor(newItem: HistoryItem, history: readonly HistoryItem[], options: AnomalyOptions): Anomaly[] {
  const before = history.filter((item) => item.transactionId !== newItem.transactionId && compareHistoryItems(item, newItem) < 0);
  const index = new HistoryIndex([...inHistoryOrder(before), newItem]);
  return detectAt(index, index.items.length - 1, options);
}

/** Every anomaly in a history, each transaction judged against what came before it; oldest first. */
export function scan(items: readonly HistoryItem[], options: AnomalyOptions): Anomaly[] {
  const index = new HistoryIndex(inHistoryOrder(items));
  return index.items.flatMap((_, position) => detectAt(index, position, options));
}

function detectAt(index: HistoryIndex, position: number, options: AnomalyOptions): Anomaly[] {
  return DETECTORS.map((detect) => detect(index, position, options)).filter((anomaly) => anomaly !== null);
}
