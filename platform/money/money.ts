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
    // Stryker disable next-line CallExpression: equivalent, the cache only spares Intl a lookup; the value is the same either way.
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

/**
 * Splits `total` in proportion to integer `weights` with the largest-remainder method: parts always
 * sum to the whole, and the leftover minor units go to the largest fractional parts (ties: first).
 */
export function allocate(total: Money, weights: readonly bigint[]): Money[] {
  if (weights.length === 0) throw badInput("nothing to allocate to");
  if (weights.some((w) => w < 0n)) throw badInput("allocation weights must not be negative");
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n) throw badInput("allocation weights must not all be zero");
  const negative = total.amountMinor < 0n;
  const amount = negative ? -total.amountMinor : total.amountMinor;
  const parts = weights.map((w) => (amount * w) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (amount * w) % sum }));
  let left = amount - parts.reduce((a, b) => a + b, 0n);
  // Stryker disable next-line ArithmeticOperator: equivalent in V8: a.i + b.i is positive on every tie, and its stable sort then keeps the parts' order, as a.i - b.i does.
  remainders.sort((a, b) => (b.r > a.r ? 1 : b.r < a.r ? -1 : a.i - b.i));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i]! += 1n;
    left -= 1n;
  }
  return parts.map((p) => ({ amountMinor: negative ? -p : p, currency: total.currency }));
}

const RATE = /^(\d{1,12})(?:\.(\d{1,12}))?$/;

/**
 * Converts at a decimal `rate` (units of `to` per unit of `from`, as a string, never a float),
 * accounting for both currencies' exponents and rounding once, half away from zero.
 */
export function convert(value: Money, rate: string, to: string): Money {
  const currency = normalizeCurrency(to);
  const match = RATE.exec(rate.trim());
  if (!match || /^0*(\.0*)?$/.test(rate.trim()))
    throw badInput(`exchange rate must be a positive decimal, got "${rate.slice(0, 32)}"`, { field: "rate" });
  const [, whole, fraction = ""] = match;
  const rateScaled = BigInt(whole! + fraction);
  // value.minor / 10^eFrom * rate(= rateScaled / 10^f) * 10^eTo, rounded once.
  const numerator = value.amountMinor * rateScaled * 10n ** BigInt(currencyExponent(currency));
  const denominator = 10n ** BigInt(currencyExponent(value.currency) + fraction.length);
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const rounded = (abs + denominator / 2n) / denominator;
  return { amountMinor: negative ? -rounded : rounded, currency };
}
