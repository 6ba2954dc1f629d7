import { dayNumber, monthOf } from "../history/day-number.js";
import type { HistoryItem } from "../history/history-item.js";
import { LOOKBACK_DAYS, MAX_HISTORY } from "./anomaly-rules.js";

/** Money out booked as an expense: refunds and income are not spending and stay out of the statistics. */
export const isExpense = (item: HistoryItem) => item.kind === "EXPENSE" && item.amountMinor < 0n;

/**
 * A user's history in detector order, with the lookups every detector needs: the positions of a
 * merchant's, a category's and all expenses, from which "what came before position p" is a binary
 * search. One index serves a whole scan, so each transaction is judged against exactly the
 * history an incremental check at its arrival would have seen.
 */
export class HistoryIndex {
  readonly days: readonly number[];
  private readonly byMerchant = new Map<string, number[]>();
  private readonly expensesByMerchant = new Map<string, number[]>();
  private readonly expensesByCategory = new Map<string, number[]>();
  private readonly expenses: number[] = [];
  private readonly expensesByMonth = new Map<string, bigint>();

  /** `items` must already be in history order (`inHistoryOrder`). */
  constructor(readonly items: readonly HistoryItem[]) {
    this.days = items.map((item) => dayNumber(item.date));
    items.forEach((item, position) => {
      push(this.byMerchant, item.merchantKey, position);
      if (!isExpense(item)) return;
      this.expenses.push(position);
      const month = monthOf(item.date);
      this.expensesByMonth.set(month, (this.expensesByMonth.get(month) ?? 0n) - item.amountMinor);
      push(this.expensesByMerchant, item.merchantKey, position);
      if (item.categoryId !== null) push(this.expensesByCategory, item.categoryId, position);
    });
  }

  /** Whether anything, expense or not, was booked at this merchant before `position`. */
  merchantSeenBefore(position: number): boolean {
    const positions = this.byMerchant.get(this.items[position]!.merchantKey)!;
    return positions[0]! < position;
  }

  /** The merchant's expenses within the lookback before `position`, oldest first (no cap: a short window). */
  merchantExpensesWithin(position: number, days: number): number[] {
    return this.before(this.expensesByMerchant.get(this.items[position]!.merchantKey) ?? [], position, days, Infinity);
  }

  /** The merchant's latest expenses in the year before `position`, at most MAX_HISTORY, oldest first. */
  merchantHistory(position: number): number[] {
    return this.before(this.expensesByMerchant.get(this.items[position]!.merchantKey) ?? [], position, LOOKBACK_DAYS, MAX_HISTORY);
  }

  categoryHistory(position: number): number[] {
    const category = this.items[position]!.categoryId;
    return category === null ? [] : this.before(this.expensesByCategory.get(category) ?? [], position, LOOKBACK_DAYS, MAX_HISTORY);
  }

  /** Every expense in the year before `position`, oldest first. */
  expenseHistory(position: number): number[] {
    return this.before(this.expenses, position, LOOKBACK_DAYS, Infinity);
  }

  /** Every expense of the category before `position` back to `fromDay`, oldest first. */
  categoryExpensesSince(position: number, fromDay: number): number[] {
    const category = this.items[position]!.categoryId;
    if (category === null) return [];
    return this.before(this.expensesByCategory.get(category) ?? [], position, this.days[position]! - fromDay, Infinity);
  }

  /** The category's first expense at all, or undefined. */
  firstCategoryExpense(position: number): number | undefined {
    const category = this.items[position]!.categoryId;
    return category === null ? undefined : this.expensesByCategory.get(category)?.[0];
  }

  /**
   * Everything the user spent in a calendar month. Asked only for months before a transaction's
   * own, which hold nothing after it, so a scan and an incremental check agree.
   */
  monthlySpending(month: string): bigint {
    return this.expensesByMonth.get(month) ?? 0n;
  }

  private before(positions: readonly number[], position: number, days: number, max: number): number[] {
    const end = firstAtOrAfter(positions, position);
    const fromDay = this.days[position]! - days;
    let start = end;
    while (start > 0 && end - start < max && this.days[positions[start - 1]!]! >= fromDay) start--;
    return positions.slice(start, end);
  }
}

function push(map: Map<string, number[]>, key: string, position: number): void {
  const list = map.get(key);
  if (list) list.push(position);
  else map.set(key, [position]);
}

function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
