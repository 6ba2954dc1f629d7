import { firstDuplicate, inMemberOrder, type MemberAmount, type MemberRank } from "../members/member-order.js";
import { maxZeroSumPartition } from "./zero-sum-partition.js";

// Who pays whom to bring every balance of a group to zero. Balances are signed minor units in the
// group's currency: positive = is owed, negative = owes.

export interface Transfer {
  fromMemberId: string;
  toMemberId: string;
  amountMinor: bigint;
}

/** Up to this many members with a non-zero balance the plan is a proven minimum; above it, greedy. */
export const EXACT_SETTLE_UP_LIMIT = 20;

/**
 * The transfers that settle `balances` (which must sum to zero: anything else is a bug upstream,
 * so a plain Error). With at most EXACT_SETTLE_UP_LIMIT non-zero balances the number of transfers
 * is the minimum: (non-zero members) − (most disjoint zero-sum groups they split into), each group
 * settled on its own by largest debtor → largest creditor. Above the limit, `greedyPlan`.
 * The same balances in any order give the same plan, sorted by payer then payee in member order.
 */
export function settlementPlan(balances: readonly MemberAmount[], rank: MemberRank): Transfer[] {
  const open = openBalances(balances, rank);
  if (open.length > EXACT_SETTLE_UP_LIMIT) return greedyPlan(balances, rank);
  const transfers = maxZeroSumPartition(open.map((b) => b.amountMinor)).flatMap((group) => settleLargestFirst(group.map((i) => open[i]!)));
  return inPlanOrder(transfers, open);
}

/**
 * The plan for large groups, at most n − 1 transfers for n non-zero balances, not always the
 * fewest: first every debtor whose debt exactly matches a creditor's credit pays that creditor
 * (each such pair settles with one transfer, as in the best plan), then the largest remaining
 * debtor pays the largest remaining creditor until all are even. O(n²): about 2 ms at 200 members, 15 ms at 1,000.
 */
export function greedyPlan(balances: readonly MemberAmount[], rank: MemberRank): Transfer[] {
  const open = openBalances(balances, rank);
  const transfers: Transfer[] = [];
  const creditorsByAmount = new Map<bigint, MemberAmount[]>();
  for (const b of open) {
    if (b.amountMinor <= 0n) continue;
    const same = creditorsByAmount.get(b.amountMinor);
    if (same === undefined) creditorsByAmount.set(b.amountMinor, [b]);
    else same.push(b);
  }
  const paired = new Set<MemberAmount>();
  for (const debtor of open) {
    const creditor = debtor.amountMinor < 0n ? creditorsByAmount.get(-debtor.amountMinor)?.shift() : undefined;
    if (creditor === undefined) continue;
    transfers.push({ fromMemberId: debtor.memberId, toMemberId: creditor.memberId, amountMinor: creditor.amountMinor });
    paired.add(debtor).add(creditor);
  }
  transfers.push(...settleLargestFirst(open.filter((b) => !paired.has(b))));
  return inPlanOrder(transfers, open);
}

/** The non-zero balances in member order, after checking the whole set is consistent. */
function openBalances(balances: readonly MemberAmount[], rank: MemberRank): MemberAmount[] {
  const duplicate = firstDuplicate(balances.map((b) => b.memberId));
  if (duplicate !== undefined) throw new Error(`member ${duplicate} has two balances`);
  const sum = balances.reduce((total, b) => total + b.amountMinor, 0n);
  if (sum !== 0n) throw new Error(`a group's balances sum to zero, these sum to ${sum}`);
  return inMemberOrder(
    balances.filter((b) => b.amountMinor !== 0n),
    rank,
  );
}

/**
 * Settles balances summing to zero: the largest debtor pays the largest creditor the smaller of
 * the two amounts, evening at least one of them, until none is left (ties: first in the given
 * order). At most k − 1 transfers for k balances, exactly k − 1 when no part of them sums to zero.
 */
function settleLargestFirst(members: readonly MemberAmount[]): Transfer[] {
  const left = members.map((m) => m.amountMinor);
  const transfers: Transfer[] = [];
  for (;;) {
    const debtor = largest(left, -1n);
    const creditor = largest(left, 1n);
    if (debtor < 0 || creditor < 0) break;
    const owed = -left[debtor]!;
    const amountMinor = owed < left[creditor]! ? owed : left[creditor]!;
    transfers.push({ fromMemberId: members[debtor]!.memberId, toMemberId: members[creditor]!.memberId, amountMinor });
    left[debtor]! += amountMinor;
    left[creditor]! -= amountMinor;
  }
  return transfers;
}

/** Index of the largest amount with the given sign (first on ties), −1 when there is none. */
function largest(amounts: readonly bigint[], sign: 1n | -1n): number {
  let found = -1;
  for (let i = 0; i < amounts.length; i++) {
    const value = amounts[i]! * sign;
    if (value > 0n && (found < 0 || value > amounts[found]! * sign)) found = i;
  }
  return found;
}

/** Sorted by payer, then payee, both in member order; a plan never has the same pair twice. */
function inPlanOrder(transfers: Transfer[], open: readonly MemberAmount[]): Transfer[] {
  const position = new Map(open.map((b, i) => [b.memberId, i]));
  const at = (memberId: string) => position.get(memberId)!;
  return transfers.sort((a, b) => at(a.fromMemberId) - at(b.fromMemberId) || at(a.toMemberId) - at(b.toMemberId));
}
