import { describe, expect, it } from "vitest";

import { leaderboard } from "./leaderboard";

const row = (id: string, name: string, amount: string) => ({ member: { id, displayName: name }, amount: { amount, currency: "EUR" } });

describe("a group goal's leaderboard", () => {
  it("adds up each member's contributions exactly and sorts them largest first", () => {
    expect(leaderboard([row("a", "Ann", "0.10"), row("b", "Bob", "250.50"), row("a", "Ann", "0.20"), row("c", "Cy", "0.30")])).toEqual([
      { memberId: "b", name: "Bob", amount: { amount: "250.50", currency: "EUR" } },
      { memberId: "a", name: "Ann", amount: { amount: "0.30", currency: "EUR" } },
      { memberId: "c", name: "Cy", amount: { amount: "0.30", currency: "EUR" } },
    ]);
  });

  it("leaves out members whose net contribution is zero or less", () => {
    expect(leaderboard([row("a", "Ann", "10"), row("a", "Ann", "-10.00"), row("b", "Bob", "1.005")])).toEqual([
      { memberId: "b", name: "Bob", amount: { amount: "1.005", currency: "EUR" } },
    ]);
  });

  it("is empty without contributions", () => {
    expect(leaderboard([])).toEqual([]);
  });
});
