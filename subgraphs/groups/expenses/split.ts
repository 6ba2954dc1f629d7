import { isClientError } from "../../../platform/errors/index.js";
import { allocate, convert, formatAmount, type Money, money, parseAmount } from "../../../platform/money/index.js";
import { firstDuplicate, inMemberOrder, type MemberAmount, type MemberRank, sumMinor } from "../members/member-order.js";
import { invalidAmount, invalidExchangeRate, invalidPaidBy, invalidSplit, memberLabel } from "./split.errors.js";

export type { MemberAmount, MemberRank } from "../members/member-order.js";

// How an expense is divided between members, and how its lines move into the group's currency.
// Everything is bigint minor units and largest-remainder allocation: lines always add up to the
// amount exactly, and the result depends only on the members' stable order, never on list order.

export const SPLIT_MODES = ["EQUAL", "SHARES", "EXACT", "PERCENT"] as const;
export type SplitMode = (typeof SPLIT_MODES)[number];

/** One member's part of a split, as the client sent it. */
export interface SplitPart {
  memberId: string;
  value: string | null;
}

/** A group holds at most this many members (documented cap), so no expense lists more. */
export const MAX_EXPENSE_MEMBERS = 500;
/** PERCENT values are basis points: 10000 is the whole amount. */
export const WHOLE_IN_BASIS_POINTS = 10_000n;

// A weight like "1", "1.5" or "0.25": at most six integer digits, so weights stay human-sized.
const SHARE_WEIGHT = /^(\d{1,6})(?:\.(\d{1,2}))?$/;
const BASIS_POINTS = /^\d{1,5}$/;

/**
 * Each member's share of `amount` (positive). EQUAL ignores values; SHARES takes decimal weights
 * (zero allowed, not all zero); EXACT takes decimal amounts in the amount's currency that add up
 * to it; PERCENT takes whole basis points that add up to 10000. Every listed member appears in the
 * result (zero shares included), in rank order, and the shares sum to `amount` exactly; leftover
 * minor units go to the largest remainders, ties to the member first in rank order.
 */
export function splitShares(amount: Money, mode: SplitMode, parts: readonly SplitPart[], rank: MemberRank): MemberAmount[] {
  assertPositive(amount);
  checkMembers(
    parts.map((p) => p.memberId),
    "the split",
    invalidSplit,
  );
  const ordered = inMemberOrder(parts, rank);
  const weights = ordered.map((part) => weightOf(mode, part, amount.currency));
  const total = weights.reduce((a, b) => a + b, 0n);
  if (mode === "SHARES" && total === 0n) throw invalidSplit("SHARES needs at least one member with a weight above zero");
  if (mode === "PERCENT" && total !== WHOLE_IN_BASIS_POINTS) {
    throw invalidSplit(`PERCENT parts add up to ${total} basis points, not ${WHOLE_IN_BASIS_POINTS}`);
  }
  if (mode === "EXACT" && total !== amount.amountMinor) {
    const sum = formatAmount(money(total, amount.currency));
    throw invalidSplit(`EXACT parts add up to ${sum} but the amount is ${formatAmount(amount)} ${amount.currency}`);
  }
  const shares = allocate(amount, weights);
  return ordered.map((part, i) => ({ memberId: part.memberId, amountMinor: shares[i]!.amountMinor }));
}

/**
 * What each payer paid, in the amount's currency and rank order: each a positive decimal, no payer
 * twice, adding up to `amount` exactly.
 */
export function paidAmounts(amount: Money, paidBy: readonly { memberId: string; amount: string }[], rank: MemberRank): MemberAmount[] {
  assertPositive(amount);
  checkMembers(
    paidBy.map((p) => p.memberId),
    "paidBy",
    invalidPaidBy,
  );
  const lines = inMemberOrder(paidBy, rank).map(({ memberId, amount: value }) => {
    const amountMinor = decimalIn(amount.currency, value, memberId, invalidPaidBy);
    if (amountMinor <= 0n) throw invalidPaidBy(`${memberLabel(memberId)} must have paid more than zero`);
    return { memberId, amountMinor };
  });
  const total = sumMinor(lines);
  if (total !== amount.amountMinor) {
    const sum = formatAmount(money(total, amount.currency));
    throw invalidPaidBy(`payers paid ${sum} in all but the amount is ${formatAmount(amount)} ${amount.currency}`);
  }
  return lines;
}

// Keeps every converted line inside a PostgreSQL bigint, as parseAmount does for typed amounts.
const MAX_CONVERTED_MINOR = 10n ** 18n - 1n;

/**
 * Moves an expense's lines (shares or payments, summing to `total`) into the group's currency:
 * the total is converted once at `exchangeRate` (group-currency units per unit of the expense's
 * currency, rounded half away from zero) and spread over the lines in proportion to their amounts,
 * so the lines still sum to the converted total exactly. Converting payments and shares with the
 * same rate gives the same total, so the group's balances stay at zero in sum.
 */
export function inGroupCurrency(
  lines: readonly MemberAmount[],
  total: Money,
  exchangeRate: string,
  groupCurrency: string,
  rank: MemberRank,
): { total: Money; lines: MemberAmount[] } {
  if (total.amountMinor <= 0n || lines.length === 0 || lines.some((l) => l.amountMinor < 0n) || sumMinor(lines) !== total.amountMinor) {
    throw new Error("inGroupCurrency needs non-negative lines that add up to a positive total");
  }
  let converted: Money;
  try {
    converted = convert(total, exchangeRate, groupCurrency);
  } catch (error) {
    throw isClientError(error) ? invalidExchangeRate(error.message) : error;
  }
  if (converted.amountMinor === 0n) {
    throw invalidExchangeRate(`at this rate ${formatAmount(total)} ${total.currency} is less than the smallest ${converted.currency} unit`);
  }
  if (converted.amountMinor > MAX_CONVERTED_MINOR)
    throw invalidExchangeRate(`at this rate the amount is too large in ${converted.currency}`);
  const ordered = inMemberOrder(lines, rank);
  const spread = allocate(
    converted,
    ordered.map((l) => l.amountMinor),
  );
  return { total: converted, lines: ordered.map((l, i) => ({ memberId: l.memberId, amountMinor: spread[i]!.amountMinor })) };
}

function assertPositive(amount: Money): void {
  if (amount.amountMinor <= 0n) throw invalidAmount("an expense's amount must be more than zero");
}

function checkMembers(memberIds: readonly string[], what: string, fail: (message: string) => Error): void {
  if (memberIds.length === 0) throw fail(`${what} lists no member`);
  if (memberIds.length > MAX_EXPENSE_MEMBERS) throw fail(`${what} lists ${memberIds.length} members; at most ${MAX_EXPENSE_MEMBERS}`);
  const duplicate = firstDuplicate(memberIds);
  if (duplicate !== undefined) throw fail(`${what} lists ${memberLabel(duplicate)} twice`);
}

/** A part's weight: 1 for EQUAL, hundredths for SHARES, minor units for EXACT, basis points for PERCENT. */
function weightOf(mode: SplitMode, { memberId, value }: SplitPart, currency: string): bigint {
  if (mode === "EQUAL") return 1n;
  if (mode === "EXACT") {
    const minor = decimalIn(currency, value, memberId, invalidSplit);
    if (minor < 0n) throw invalidSplit(`${memberLabel(memberId)}: an EXACT part must not be negative`);
    return minor;
  }
  const text = value?.trim() ?? "";
  if (mode === "SHARES") {
    const match = SHARE_WEIGHT.exec(text);
    if (!match) throw invalidSplit(`${memberLabel(memberId)}: a SHARES weight is a decimal like "1" or "1.5" (at most 2 decimals)`);
    return BigInt(match[1]!) * 100n + BigInt((match[2] ?? "").padEnd(2, "0"));
  }
  const points = BASIS_POINTS.test(text) ? BigInt(text) : -1n;
  if (points < 0n || points > WHOLE_IN_BASIS_POINTS) {
    throw invalidSplit(`${memberLabel(memberId)}: a PERCENT part is whole basis points from 0 to 10000 (2500 = 25%)`);
  }
  return points;
}

/** A decimal amount in `currency` (parseAmount's rules), its errors re-addressed to the caller's field. */
function decimalIn(currency: string, value: string | null, memberId: string, fail: (message: string) => Error): bigint {
  if (value === null) throw fail(`${memberLabel(memberId)} needs an amount`);
  try {
    return parseAmount(value, currency).amountMinor;
  } catch (error) {
    throw isClientError(error) ? fail(`${memberLabel(memberId)}: ${error.message}`) : error;
  }
}
