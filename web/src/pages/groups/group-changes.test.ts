import { describe, expect, it } from "vitest";

import { expensesMayHaveChanged, type GroupState } from "./group-changes";

const state = (latest: string | undefined, balances: Array<[string, string]>, settlement?: string): GroupState => ({
  latestExpense: latest ? { id: latest, updatedAt: "2026-12-01T10:00:00Z" } : null,
  balances: balances.map(([id, amount]) => ({ member: { id }, amount: { amount } })),
  settlements: settlement ? [{ id: settlement }] : [],
});

describe("whether a pushed group update calls for reloading its expenses", () => {
  const before = state("e1", [
    ["a", "10.00"],
    ["b", "-10.00"],
  ]);

  it("does on a new or edited newest expense, and with nothing to compare against", () => {
    expect(expensesMayHaveChanged(before, state("e2", [["a", "10.00"]]))).toBe(true);
    expect(expensesMayHaveChanged(before, { ...before, latestExpense: { id: "e1", updatedAt: "2026-12-02T10:00:00Z" } })).toBe(true);
    expect(expensesMayHaveChanged(undefined, before)).toBe(true);
  });

  it("does when balances moved with no new settlement (an older expense deleted or edited)", () => {
    expect(
      expensesMayHaveChanged(
        before,
        state("e1", [
          ["a", "5.00"],
          ["b", "-5.00"],
        ]),
      ),
    ).toBe(true);
  });

  it("does not for a settlement, a new member or a goal moving", () => {
    const settled = state(
      "e1",
      [
        ["a", "0.00"],
        ["b", "0.00"],
      ],
      "s1",
    );
    expect(expensesMayHaveChanged(before, settled)).toBe(false);
    expect(expensesMayHaveChanged(before, { ...before })).toBe(false);
  });
});
