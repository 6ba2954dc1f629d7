import { badInput } from "../../../platform/errors/index.js";
import type { Money } from "../../../platform/money/index.js";
import type { MemberEntity } from "../members/member.entity.js";
import { ExpenseLineEntity } from "./expense-line.entity.js";
import { inGroupCurrency, type MemberAmount, paidAmounts, type SplitMode, type SplitPart, splitShares } from "./split.js";

export interface ExpenseLinesInput {
  amount: Money;
  paidBy: readonly { memberId: string; amount: string }[];
  split: { mode: SplitMode; parts: readonly SplitPart[] };
  exchangeRate: string | null;
  groupCurrency: string;
  /** The group's active members: the only ones an expense may name. */
  members: readonly MemberEntity[];
}

export interface ExpenseLines {
  groupTotal: bigint;
  /** Null when the expense is in the group's currency. */
  exchangeRate: string | null;
  /** What `memberId` paid, in the expense's currency (0 when not a payer). */
  paidBy(memberId: string): bigint;
  rows(expenseId: string): ExpenseLineEntity[];
}

/**
 * Every member's paid and owed amounts for one expense, in its currency and the group's, each
 * column summing exactly to its total. Pure: the members come in, nothing is read or written.
 */
export function expenseLines(input: ExpenseLinesInput): ExpenseLines {
  const position = new Map(input.members.map((m) => [m.id, m.position]));
  const rank = (memberId: string) => position.get(memberId) ?? Number.MAX_SAFE_INTEGER;
  const known = (memberId: string, field: string) => {
    const id = memberId.toLowerCase();
    if (!position.has(id)) throw badInput(`${memberId.slice(0, 40)} is not a member of this group`, { field });
    return id;
  };
  const paidBy = input.paidBy.map((p) => ({ memberId: known(p.memberId, "paidBy"), amount: p.amount }));
  const parts = input.split.parts.map((p) => ({ memberId: known(p.memberId, "split.parts"), value: p.value ?? null }));
  const paid = paidAmounts(input.amount, paidBy, rank);
  const shares = splitShares(input.amount, input.split.mode, parts, rank);

  let rate: string | null = input.exchangeRate?.trim() || null;
  let groupPaid: MemberAmount[] = paid;
  let groupShares: MemberAmount[] = shares;
  let groupTotal = input.amount.amountMinor;
  if (input.amount.currency === input.groupCurrency) {
    if (rate !== null && !/^0*1(\.0*)?$/.test(rate))
      throw badInput("an expense in the group's own currency takes no exchange rate", { field: "exchangeRate" });
    rate = null;
  } else {
    if (rate === null)
      throw badInput(`the group keeps ${input.groupCurrency}: give exchangeRate (${input.groupCurrency} per 1 ${input.amount.currency})`, {
        field: "exchangeRate",
      });
    const paidConverted = inGroupCurrency(paid, input.amount, rate, input.groupCurrency, rank);
    const sharesConverted = inGroupCurrency(shares, input.amount, rate, input.groupCurrency, rank);
    groupPaid = paidConverted.lines;
    groupShares = sharesConverted.lines;
    groupTotal = paidConverted.total.amountMinor;
  }

  const byMember = new Map<string, ExpenseLineEntity>();
  const line = (memberId: string) => {
    let found = byMember.get(memberId);
    if (!found) {
      found = Object.assign(new ExpenseLineEntity(), {
        expenseId: "",
        memberId,
        paidMinor: 0n,
        shareMinor: 0n,
        groupPaidMinor: 0n,
        groupShareMinor: 0n,
      });
      byMember.set(memberId, found);
    }
    return found;
  };
  for (const p of paid) line(p.memberId).paidMinor += p.amountMinor;
  for (const s of shares) line(s.memberId).shareMinor += s.amountMinor;
  for (const p of groupPaid) line(p.memberId).groupPaidMinor += p.amountMinor;
  for (const s of groupShares) line(s.memberId).groupShareMinor += s.amountMinor;
  const ordered = [...byMember.values()].sort((a, b) => rank(a.memberId) - rank(b.memberId));

  return {
    groupTotal,
    exchangeRate: rate,
    paidBy: (memberId) => byMember.get(memberId)?.paidMinor ?? 0n,
    rows: (expenseId) => ordered.map((l) => Object.assign(new ExpenseLineEntity(), l, { expenseId })),
  };
}
