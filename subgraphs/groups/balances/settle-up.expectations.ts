// Test support only: what every settle-up plan must satisfy, shared by the property suites.
import { expect } from "vitest";

import type { MemberAmount } from "../members/member-order.js";
import { applyTransfers } from "./balances.js";
import type { Transfer } from "./settle-up.js";

/** Every balance even afterwards; each transfer positive, from someone who owed to someone owed. */
export function expectSettles(balances: readonly MemberAmount[], plan: readonly Transfer[]): void {
  expect(applyTransfers(balances, plan).every((b) => b.amountMinor === 0n)).toBe(true);
  const before = new Map(balances.map((b) => [b.memberId, b.amountMinor]));
  for (const transfer of plan) {
    expect(transfer.amountMinor > 0n).toBe(true);
    expect(before.get(transfer.fromMemberId)! < 0n).toBe(true);
    expect(before.get(transfer.toMemberId)! > 0n).toBe(true);
  }
}

/** How many members still owe or are owed. */
export const nonZero = (balances: readonly MemberAmount[]) => balances.filter((b) => b.amountMinor !== 0n).length;
