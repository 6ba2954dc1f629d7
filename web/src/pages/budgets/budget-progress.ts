/** How a budget's bar is coloured: by the budget's own warning and critical thresholds. */
export function budgetTone(percentUsed: number, warningPercent: number, criticalPercent: number): "ok" | "warning" | "critical" {
  if (percentUsed >= criticalPercent) return "critical";
  if (percentUsed >= warningPercent) return "warning";
  return "ok";
}

/** A list with one item replaced by its newer copy (same id); unchanged when it is not there. */
export function replaceById<T extends { id: string }>(list: readonly T[], item: T): T[] {
  return list.map((existing) => (existing.id === item.id ? item : existing));
}

/** Expense categories in reading order: each parent followed by its children, with their depth. */
export function expenseCategoryTree<T extends { id: string; name: string; kind: string; parentId: string | null }>(
  categories: readonly T[],
): Array<{ category: T; depth: number }> {
  const expenses = categories.filter((c) => c.kind === "EXPENSE");
  const ids = new Set(expenses.map((c) => c.id));
  const byName = (a: T, b: T) => a.name.localeCompare(b.name);
  const roots = expenses.filter((c) => !c.parentId || !ids.has(c.parentId)).sort(byName);
  return roots.flatMap((root) => [
    { category: root, depth: 0 },
    ...expenses
      .filter((c) => c.parentId === root.id)
      .sort(byName)
      .map((category) => ({ category, depth: 1 })),
  ]);
}
