import { badInput } from "../../../platform/errors/index.js";
import { currencyExponent, type Money } from "../../../platform/money/index.js";
import type { PostingRoleValue } from "./posting.entity.js";

/** One category line of an income or expense, signed like the transaction (expense lines negative). */
export interface SplitLine {
  categoryId: string | null;
  amountMinor: bigint;
  memo: string;
}

export interface PostingLine {
  role: PostingRoleValue;
  accountId: string | null;
  categoryId: string | null;
  amountMinor: bigint;
  currency: string;
  memo: string;
}

export const MAX_SPLITS = 50;

/** Split lines must carry the transaction's sign, none zero, and add up to it exactly. */
export function checkSplits(amountMinor: bigint, splits: readonly SplitLine[]): void {
  if (splits.length === 0) throw badInput("a transaction needs at least one split", { field: "splits" });
  if (splits.length > MAX_SPLITS) throw badInput(`at most ${MAX_SPLITS} splits`, { field: "splits" });
  let sum = 0n;
  for (const [i, split] of splits.entries()) {
    if (split.amountMinor === 0n || split.amountMinor < 0n !== amountMinor < 0n) {
      throw badInput(`split ${i + 1} must be non-zero and have the transaction's sign`, { field: `splits.${i}.amount` });
    }
    sum += split.amountMinor;
  }
  if (sum !== amountMinor) throw badInput("splits do not add up to the transaction's amount", { field: "splits" });
}

/** Income or expense: the account leg, and one category leg per split on the other side. */
export function entryPostings(accountId: string, amount: Money, splits: readonly SplitLine[]): PostingLine[] {
  checkSplits(amount.amountMinor, splits);
  const legs: PostingLine[] = [
    { role: "ACCOUNT", accountId, categoryId: null, amountMinor: amount.amountMinor, currency: amount.currency, memo: "" },
  ];
  for (const split of splits) {
    legs.push({
      role: "CATEGORY",
      accountId: null,
      categoryId: split.categoryId,
      amountMinor: -split.amountMinor,
      currency: amount.currency,
      memo: split.memo,
    });
  }
  return assertBalanced(legs);
}

/**
 * A transfer: `sent` (positive) leaves `fromAccountId`, `received` (positive) arrives on
 * `toAccountId`. Across currencies two trading legs keep each currency's legs summing to zero.
 */
export function transferPostings(fromAccountId: string, sent: Money, toAccountId: string, received: Money): PostingLine[] {
  const legs: PostingLine[] = [
    { role: "ACCOUNT", accountId: fromAccountId, categoryId: null, amountMinor: -sent.amountMinor, currency: sent.currency, memo: "" },
    { role: "ACCOUNT", accountId: toAccountId, categoryId: null, amountMinor: received.amountMinor, currency: received.currency, memo: "" },
  ];
  if (sent.currency !== received.currency) {
    legs.push(
      { role: "TRADING", accountId: null, categoryId: null, amountMinor: sent.amountMinor, currency: sent.currency, memo: "" },
      { role: "TRADING", accountId: null, categoryId: null, amountMinor: -received.amountMinor, currency: received.currency, memo: "" },
    );
  }
  return assertBalanced(legs);
}

/** The invariant every write keeps; a failure here is a bug, never a user error. */
export function assertBalanced(legs: PostingLine[]): PostingLine[] {
  const sums = new Map<string, bigint>();
  for (const leg of legs) sums.set(leg.currency, (sums.get(leg.currency) ?? 0n) + leg.amountMinor);
  for (const [currency, sum] of sums) {
    if (sum !== 0n) throw new Error(`unbalanced postings: ${currency} legs sum to ${sum}`);
  }
  return legs;
}

const RATE_DIGITS = 10;

/** Units of `received`'s currency per unit of `sent`'s, as a decimal string (10 places, rounded half up, trailing zeros cut). */
export function impliedRate(sent: Money, received: Money): string {
  // (received / 10^eTo) / (sent / 10^eFrom), scaled by 10^RATE_DIGITS, in integers.
  const numerator = received.amountMinor * 10n ** BigInt(currencyExponent(sent.currency) + RATE_DIGITS);
  const denominator = sent.amountMinor * 10n ** BigInt(currencyExponent(received.currency));
  const scaled = (numerator * 2n + denominator) / (denominator * 2n);
  const digits = scaled.toString().padStart(RATE_DIGITS + 1, "0");
  const whole = digits.slice(0, -RATE_DIGITS);
  const fraction = digits.slice(-RATE_DIGITS).replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : whole;
}
