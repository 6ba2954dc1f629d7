/** What the comparison needs of a group as the page holds it. */
export interface GroupState {
  latestExpense?: { id: string; updatedAt: string } | null;
  balances: ReadonlyArray<{ member: { id: string }; amount: { amount: string } }>;
  settlements: ReadonlyArray<{ id: string }>;
}

/**
 * Whether a pushed group update may come from an expense added, edited or deleted (the update
 * carries no expense list, and reloading it is the most expensive call on the page): the newest
 * expense changed, or the balances moved without a new settlement to explain it.
 */
export function expensesMayHaveChanged(before: GroupState | undefined | null, after: GroupState): boolean {
  if (!before) return true;
  const latest = (g: GroupState) => `${g.latestExpense?.id ?? ""}@${g.latestExpense?.updatedAt ?? ""}`;
  if (latest(before) !== latest(after)) return true;
  const balances = (g: GroupState) => JSON.stringify(g.balances.map((b) => [b.member.id, b.amount.amount]));
  return balances(before) !== balances(after) && before.settlements[0]?.id === after.settlements[0]?.id;
}
