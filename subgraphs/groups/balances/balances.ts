import type { MemberAmount } from "../members/member-order.js";
import type { Transfer } from "./settle-up.js";

/**
 * Balances (positive = is owed) after the transfers are made: the payer's balance rises by the
 * amount, the payee's falls. Members first seen in a transfer join at zero, after the others.
 */
export function applyTransfers(balances: readonly MemberAmount[], transfers: readonly Transfer[]): MemberAmount[] {
  const after = new Map(balances.map((b) => [b.memberId, b.amountMinor]));
  for (const t of transfers) {
    after.set(t.fromMemberId, (after.get(t.fromMemberId) ?? 0n) + t.amountMinor);
    after.set(t.toMemberId, (after.get(t.toMemberId) ?? 0n) - t.amountMinor);
  }
  return [...after].map(([memberId, amountMinor]) => ({ memberId, amountMinor }));
}
