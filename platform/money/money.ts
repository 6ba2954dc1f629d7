import { badInput } from "../errors/errors.js";

/** An amount in integer minor units of an ISO-4217 currency. Never a float. */
export interface Money {
  readonly amountMinor: bigint;
  readonly currency: string;
}

const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf("currency"));
const exponentCache = new Map<string, number>();

/** Upper-cases and checks an ISO-4217 code against the runtime's currency table (ICU/CLDR). */
export function normalizeCurrency(code: string): string {
  const upper = code.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(upper) || !KNOWN_CURRENCIES.has(upper)) {
    throw badInput(`unknown currency "${code.slice(0, 8)}"`, { field: "currency" });
  }
  return upper;
}

/** Minor-unit exponent (JPY 0, USD 2, KWD 3), taken from CLDR rather than a hand-kept table. */
export function currencyExponent(currency: string): number {
  let exponent = exponentCache.get(currency);
  if (exponent === undefined) {
    exponent = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    exponentCache.set(currency, exponent);
  }
  return exponent;
}

// 18 integer digits keeps every amount inside a PostgreSQL bigint at any exponent up to 3.
const DECIMAL = /^(-)?(\d{1,15})(?:\.(\d+))?$/;

/** Parses a decimal string ("12.30", "-5") into minor units; rejects floats' exponents and excess precision. */
export function parseAmount(decimal: string, currencyCode: string): Money {
  const currency = normalizeCurrency(currencyCode);
  const match = DECIMAL.exec(decimal.trim());
  if (!match) throw badInput(`amount must be a decimal string like "12.34", got "${decimal.slice(0, 32)}"`, { field: "amount" });
  const [, sign, whole, fraction = ""] = match;
  const exponent = currencyExponent(currency);
  if (fraction.length > exponent) {
    throw badInput(`${currency} allows at most ${exponent} decimal places`, { field: "amount" });
  }
  const minor = BigInt(whole! + fraction.padEnd(exponent, "0"));
  return { amountMinor: sign ? -minor : minor, currency };
}

/** Formats minor units as a plain decimal string with the currency's exponent ("-12.30"). */
export function formatAmount(money: Money): string {
  const exponent = currencyExponent(money.currency);
  const negative = money.amountMinor < 0n;
  const digits = (negative ? -money.amountMinor : money.amountMinor).toString().padStart(exponent + 1, "0");
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent > 0 ? `.${digits.slice(digits.length - exponent)}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

export function money(amountMinor: bigint, currency: string): Money {
  return { amountMinor, currency };
}
