import { badInput } from "../../../platform/errors/index.js";
import { SECURITY_KINDS, type SecurityKindName } from "./security.entity.js";

export const SYMBOL_MAX = 32;
export const NAME_MAX = 200;
export const EXCHANGE_MAX = 40;

// Tickers, ISINs, crypto pairs and index names: "BRK.B", "VWCE.DE", "BTC-USD", "^GSPC", "ASML:NA".
const SYMBOL = /^[A-Z0-9^][A-Z0-9.\-_^:=/]*$/;

/** A symbol as stored and compared: trimmed, upper case, tickers' punctuation only. */
export function symbolText(value: string, field = "symbol"): string {
  const symbol = value.trim().toUpperCase();
  if (symbol.length < 1 || symbol.length > SYMBOL_MAX || !SYMBOL.test(symbol))
    throw badInput(`${field} must be 1 to ${SYMBOL_MAX} letters, digits or . - _ ^ : = /`, { field });
  return symbol;
}

export function nameText(value: string, field = "name"): string {
  return printable(value, field, NAME_MAX);
}

export function exchangeText(value: string | null | undefined, field = "exchange"): string | null {
  if (value === null || value === undefined || value.trim() === "") return null;
  return printable(value, field, EXCHANGE_MAX);
}

export function securityKind(value: string, field = "kind"): SecurityKindName {
  if (!(SECURITY_KINDS as readonly string[]).includes(value))
    throw badInput(`${field} must be one of ${SECURITY_KINDS.join(", ")}`, { field });
  return value as SecurityKindName;
}

function printable(value: string, field: string, max: number): string {
  const text = value.trim();
  // Control characters would break every list the name appears in.
  if (text.length < 1 || text.length > max || /\p{Cc}/u.test(text))
    throw badInput(`${field} must be 1 to ${max} printable characters`, { field });
  return text;
}
