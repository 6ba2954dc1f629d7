import type { Decimal } from "decimal.js";

import { badInput, ClientError } from "../../../platform/errors/index.js";
import { type Money, parseAmount } from "../../../platform/money/index.js";
import { calendarDate } from "../../../platform/time/index.js";
import { parseQuantity, parseSplitRatio } from "../quantities/index.js";
import { ACTIVITY_TYPES, type ActivityTypeName } from "./investment-transaction.entity.js";

export const NOTE_MAX = 500;
export const SYMBOL_MAX = 32;

/** An activity as a client describes it (money already parsed). */
export interface ActivityFields {
  type: string;
  symbol?: string | null;
  quantity?: string | null;
  price?: Money | null;
  fee?: Money | null;
  amount?: Money | null;
  splitRatio?: string | null;
  date: string;
  note?: string | null;
}

/** A valid activity before its security is resolved. */
export interface ActivityDraft {
  type: ActivityTypeName;
  /** Trimmed, upper case. */
  symbol: string | null;
  date: string;
  /** Of price, fee and amount; null for a SPLIT (its security's). */
  currency: string | null;
  quantity: Decimal | null;
  priceMinor: bigint | null;
  feeMinor: bigint;
  amountMinor: bigint | null;
  splitRatio: Decimal | null;
  note: string | null;
}

const TRADES = new Set<string>(["BUY", "SELL"]);
const CASH = new Set<string>(["DIVIDEND", "INTEREST", "FEE", "DEPOSIT", "WITHDRAWAL"]);
/** Types that are about one security; INTEREST and FEE may be, DEPOSIT and WITHDRAWAL never are. */
const NEEDS_SYMBOL = new Set<string>(["BUY", "SELL", "SPLIT", "DIVIDEND"]);

/**
 * A MoneyInput's amount and currency parsed with errors naming the input field (`price`,
 * `price.currency`), not parseAmount's own.
 */
export function moneyField(amount: string, currency: string, field: string): Money {
  try {
    return parseAmount(amount, currency);
  } catch (error) {
    if (error instanceof ClientError && error.extensions.field === "currency")
      throw badInput(error.message, { field: `${field}.currency` });
    if (error instanceof ClientError) throw badInput(error.message.replace(/^amount/, field), { field });
    throw error;
  }
}

const absent = (value: unknown) => value === null || value === undefined;

function refuse(type: string, field: string): never {
  throw badInput(`a ${type} takes no ${field}`, { field });
}

/**
 * Checks everything an activity's own fields can tell (type, date, which figures its type takes
 * and their signs and digits) and normalises them. What needs the portfolio (its securities, the
 * quantity held) is checked by the replay that follows. `today` is the user's day: no activity
 * may be dated after it.
 */
export function draftActivity(fields: ActivityFields, today: string): ActivityDraft {
  const type = fields.type as ActivityTypeName;
  if (!(ACTIVITY_TYPES as readonly string[]).includes(type))
    throw badInput(`type must be one of ${ACTIVITY_TYPES.join(", ")}`, { field: "type" });
  const date = calendarDate(fields.date, "date");
  if (date > today) throw badInput(`date must not be after today (${today})`, { field: "date" });
  const note = absent(fields.note) || fields.note!.trim() === "" ? null : fields.note!.trim();
  if (note !== null && (note.length > NOTE_MAX || /\p{Cc}/u.test(note)))
    throw badInput(`note must be at most ${NOTE_MAX} printable characters`, { field: "note" });

  const symbol = absent(fields.symbol) || fields.symbol!.trim() === "" ? null : fields.symbol!.trim().toUpperCase();
  if (symbol !== null && (symbol.length > SYMBOL_MAX || /\s|\p{Cc}/u.test(symbol)))
    throw badInput(`symbol must be 1 to ${SYMBOL_MAX} characters without spaces`, { field: "symbol" });
  if (NEEDS_SYMBOL.has(type) && symbol === null) throw badInput(`a ${type} needs a symbol`, { field: "symbol" });
  if ((type === "DEPOSIT" || type === "WITHDRAWAL") && symbol !== null) refuse(type, "symbol");

  const draft: ActivityDraft = {
    type,
    symbol,
    date,
    currency: null,
    quantity: null,
    priceMinor: null,
    feeMinor: 0n,
    amountMinor: null,
    splitRatio: null,
    note,
  };
  if (TRADES.has(type)) {
    if (absent(fields.quantity)) throw badInput(`a ${type} needs a quantity`, { field: "quantity" });
    if (!fields.price) throw badInput(`a ${type} needs a price`, { field: "price" });
    if (!absent(fields.amount)) refuse(type, "amount");
    if (!absent(fields.splitRatio)) refuse(type, "splitRatio");
    draft.quantity = parseQuantity(fields.quantity!, "quantity");
    if (fields.price.amountMinor <= 0n) throw badInput("price must be greater than zero", { field: "price" });
    draft.priceMinor = fields.price.amountMinor;
    draft.currency = fields.price.currency;
  } else if (type === "SPLIT") {
    for (const field of ["quantity", "price", "fee", "amount"] as const) if (!absent(fields[field])) refuse(type, field);
    if (absent(fields.splitRatio)) throw badInput("a SPLIT needs a splitRatio (new units per old unit)", { field: "splitRatio" });
    draft.splitRatio = parseSplitRatio(fields.splitRatio!, "splitRatio");
  } else if (CASH.has(type)) {
    if (!absent(fields.quantity)) refuse(type, "quantity");
    if (!absent(fields.price)) refuse(type, "price");
    if (!absent(fields.splitRatio)) refuse(type, "splitRatio");
    if (!fields.amount) throw badInput(`a ${type} needs an amount`, { field: "amount" });
    if (fields.amount.amountMinor <= 0n) throw badInput("amount must be greater than zero", { field: "amount" });
    draft.amountMinor = fields.amount.amountMinor;
    draft.currency = fields.amount.currency;
  }
  if (fields.fee) {
    if (fields.fee.amountMinor < 0n) throw badInput("fee must not be negative", { field: "fee" });
    if (draft.currency !== null && fields.fee.currency !== draft.currency)
      throw badInput(`the fee must be in the same currency as the ${TRADES.has(type) ? "price" : "amount"}, ${draft.currency}`, {
        field: "fee.currency",
      });
    draft.feeMinor = fields.fee.amountMinor;
  }
  return draft;
}
