import { badInput } from "../../../platform/errors/index.js";
import { type Money, normalizeCurrency } from "../../../platform/money/index.js";
import { calendarDate, isUuid } from "../../../platform/time/index.js";
import type { CategoryKindValue } from "../categories/category.entity.js";
import type { TransactionPatch } from "../transactions/transaction.service.js";

/**
 * A posting as another domain's event carries it (groups' `GroupLedgerPostingV1`, lending's
 * `LoanLedgerPostingV1` both are one): money that left (negative) or reached (positive) one of the
 * user's own accounts.
 */
export interface PostingRequest {
  userId: string;
  accountId: string;
  /** Signed minor units of `currency`, as a string. */
  amountMinor: string;
  currency: string;
  date: string;
  description: string;
}

/** One category line of a split booking: the category by name (found, or created once), signed like the amount. */
export interface NamedLine {
  category: { name: string; kind: CategoryKindValue };
  amountMinor: bigint;
  memo: string;
}

/** A source's posting as the ledger books it. */
export interface PostingTerms {
  userId: string;
  accountId: string;
  amount: Money;
  date: string;
  payee: string;
  /** Split across these categories when given (adding up to the amount); otherwise one line the user's rules categorise. */
  lines?: NamedLine[];
}

const MINOR_UNITS = /^-?\d{1,18}$/;
/** The ledger's longest payee (see transaction-fields.ts). */
const MAX_PAYEE = 200;

/**
 * The payee a description makes: on one line and cut to the ledger's limit, since a source may allow
 * longer descriptions and a booking is better than a refusal over its length.
 */
export function payeeOf(description: string): string {
  const line = description.trim().replace(/\s+/g, " ");
  if (line.length <= MAX_PAYEE) return line;
  const cut = line.slice(0, MAX_PAYEE);
  // Never leave half of a surrogate pair (an emoji) at the end.
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * Reads a posting off the wire. What no ledger could book (ids that are not ids, an amount that is
 * not whole minor units, an unknown currency, a date out of range) is BAD_USER_INPUT naming the
 * field, like every other refusal; the account checks are the ledger's own, at booking.
 */
export function postingTerms(posting: PostingRequest): PostingTerms {
  if (!isUuid(posting.userId)) throw badInput("the posting's user is not a user id", { field: "posting.userId" });
  if (!isUuid(posting.accountId)) throw badInput("the posting's account is not an account id", { field: "posting.accountId" });
  if (typeof posting.amountMinor !== "string" || !MINOR_UNITS.test(posting.amountMinor))
    throw badInput("the posting's amount is not whole minor units", { field: "posting.amountMinor" });
  return {
    userId: posting.userId.toLowerCase(),
    accountId: posting.accountId.toLowerCase(),
    amount: { amountMinor: BigInt(posting.amountMinor), currency: normalizeCurrency(posting.currency) },
    date: calendarDate(posting.date, "posting.date"),
    payee: payeeOf(posting.description),
  };
}

/**
 * The edit that makes a booked transaction follow `after`, the source's new posting, where it
 * differs from `before`, the posting last applied: what the source did not change stays as the user
 * (or their rules) left it on the transaction. Empty when nothing changed (a repeated event).
 */
export function changedTerms(before: PostingTerms, after: PostingTerms): TransactionPatch {
  const patch: TransactionPatch = {};
  if (after.accountId !== before.accountId) patch.accountId = after.accountId;
  if (after.amount.amountMinor !== before.amount.amountMinor || after.amount.currency !== before.amount.currency)
    patch.amount = after.amount;
  if (after.date !== before.date) patch.date = after.date;
  if (after.payee !== before.payee) patch.payee = after.payee;
  return patch;
}
