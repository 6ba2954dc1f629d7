import { Decimal } from "decimal.js";

import type { Breakdown } from "./analytics.service.js";
import type { CategoryAmount } from "./roll-up.js";

/** a / b as a percent, 2 decimals half-up; null when b is 0 (no base to compare with). */
export function percentOf(a: bigint, b: bigint): string | null {
  if (b === 0n) return null;
  return new Decimal(a.toString()).div(b.toString()).mul(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

export interface CategoryChange {
  categoryId: string | null;
  name: string;
  currentMinor: bigint;
  previousMinor: bigint;
  changeMinor: bigint;
  /** Change / previous, percent; null when there was nothing before. */
  changePercent: string | null;
}

export interface Comparison {
  currentMinor: bigint;
  previousMinor: bigint;
  changeMinor: bigint;
  changePercent: string | null;
  /** Every category in either period, the biggest moves (either way) first. */
  categories: CategoryChange[];
}

/** Two periods' breakdowns side by side: the totals and each category's move, largest first. */
export function compare(current: Breakdown, previous: Breakdown): Comparison {
  const key = (c: CategoryAmount) => c.categoryId ?? "";
  const before = new Map(previous.items.map((c) => [key(c), c]));
  const now = new Map(current.items.map((c) => [key(c), c]));
  const categories: CategoryChange[] = [...new Set([...now.keys(), ...before.keys()])].map((k) => {
    const a = now.get(k);
    const b = before.get(k);
    const currentMinor = a?.amountMinor ?? 0n;
    const previousMinor = b?.amountMinor ?? 0n;
    return {
      categoryId: (a ?? b)!.categoryId,
      name: (a ?? b)!.name,
      currentMinor,
      previousMinor,
      changeMinor: currentMinor - previousMinor,
      changePercent: percentOf(currentMinor - previousMinor, previousMinor),
    };
  });
  const size = (c: CategoryChange) => (c.changeMinor < 0n ? -c.changeMinor : c.changeMinor);
  categories.sort((x, y) => (size(y) > size(x) ? 1 : size(y) < size(x) ? -1 : x.name.localeCompare(y.name)));
  return {
    currentMinor: current.totalMinor,
    previousMinor: previous.totalMinor,
    changeMinor: current.totalMinor - previous.totalMinor,
    changePercent: percentOf(current.totalMinor - previous.totalMinor, previous.totalMinor),
    categories,
  };
}

/** Saved = income − spending; the rate is saved / income (null without income). */
export function savingsRate(incomeMinor: bigint, spendingMinor: bigint): { savedMinor: bigint; ratePercent: string | null } {
  const savedMinor = incomeMinor - spendingMinor;
  return { savedMinor, ratePercent: percentOf(savedMinor, incomeMinor) };
}
