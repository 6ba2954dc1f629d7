import type { LedgerCategory } from "../../../platform/read-models/index.js";

/** A category's (or the uncategorised) total for a range: money spent or received, positive. */
export interface CategoryAmount {
  categoryId: string | null;
  name: string;
  amountMinor: bigint;
  transactions: number;
}

export const UNCATEGORISED = "Uncategorised";

/**
 * Folds each subcategory's total into its top-level category (the ledger's tree has two levels;
 * deeper trees fold into their root), biggest first. Lines of a category insights has not heard
 * of yet count as uncategorised.
 */
export function rollUp(totals: readonly CategoryAmount[], categories: readonly LedgerCategory[], enabled: boolean): CategoryAmount[] {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const rootOf = (id: string | null): LedgerCategory | undefined => {
    let c = id === null ? undefined : byId.get(id);
    for (let hops = 0; enabled && c?.parentId && byId.has(c.parentId) && hops < 16; hops++) c = byId.get(c.parentId);
    return c;
  };
  const out = new Map<string, CategoryAmount>();
  for (const t of totals) {
    const root = rootOf(t.categoryId);
    const key = root?.id ?? "";
    const into = out.get(key) ?? { categoryId: root?.id ?? null, name: root?.name ?? UNCATEGORISED, amountMinor: 0n, transactions: 0 };
    into.amountMinor += t.amountMinor;
    into.transactions += t.transactions;
    out.set(key, into);
  }
  return [...out.values()].sort((a, b) =>
    b.amountMinor > a.amountMinor ? 1 : b.amountMinor < a.amountMinor ? -1 : a.name.localeCompare(b.name),
  );
}

/** The given categories and every subcategory under them (a question about "Food" covers "Restaurants" under it). */
export function withDescendants(ids: readonly string[], categories: readonly LedgerCategory[]): string[] {
  const children = new Map<string, string[]>();
  for (const c of categories) if (c.parentId) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
  const out = new Set<string>();
  const visit = (id: string) => {
    if (out.has(id)) return;
    out.add(id);
    for (const child of children.get(id) ?? []) visit(child);
  };
  ids.forEach(visit);
  return [...out];
}
