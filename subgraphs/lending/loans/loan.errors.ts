import { badInput, ClientError, ErrorCode, isClientError, notFound } from "../../../platform/errors/index.js";
import type { Money } from "../../../platform/money/index.js";
import { MoneyInput } from "../../../platform/money/index.js";

/** Unknown, or another user's: the two look the same. */
export const loanNotFound = () => notFound("loan");

export const contactNotFound = (field = "contactId") => new ClientError(ErrorCode.NOT_FOUND, "contact not found", { field });

/** A payment on a loan that is paid off or written off: nothing is owed on it any more. */
export const loanClosed = (status: string) =>
  new ClientError("LOAN_CLOSED", `the loan is ${status === "PAID_OFF" ? "paid off" : "written off"}: it takes no more payments`, {
    field: "loanId",
  });

/** A contact that loans still name cannot be deleted (their history would lose its person). */
export const contactHasLoans = () => new ClientError("CONTACT_HAS_LOANS", "the contact has loans: delete is refused", { field: "id" });

export function text(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  // Control characters would break every list the user sees.
  if (trimmed.length < 1 || trimmed.length > max || /\p{Cc}/u.test(trimmed))
    throw badInput(`${field} must be 1 to ${max} printable characters`, { field });
  return trimmed;
}

/** Optional free text: blank is null; otherwise as `text`, line breaks allowed. */
export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  if (value === null || value === undefined || value.trim() === "") return null;
  const trimmed = value.trim();
  const control = [...trimmed].some((c) => c !== "\n" && c !== "\t" && /\p{Cc}/u.test(c));
  if (trimmed.length > max || control) throw badInput(`${field} must be at most ${max} printable characters`, { field });
  return trimmed;
}

/** A whole number within bounds, or BAD_USER_INPUT naming `field`. */
export function wholeNumber(value: number, field: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw badInput(`${field} must be a whole number from ${min} to ${max}`, { field });
  return value;
}

/**
 * A MoneyInput read as the money of `field`: its errors name `field` (or `field.currency`) rather
 * than the bare "amount" the shared parser knows.
 */
export function moneyOf(input: MoneyInput | Money, field: string): Money {
  if (!(input instanceof MoneyInput)) return input;
  try {
    return input.toMoney();
  } catch (error) {
    if (!isClientError(error)) throw error;
    throw badInput(error.message, { field: error.extensions.field === "currency" ? `${field}.currency` : field });
  }
}
