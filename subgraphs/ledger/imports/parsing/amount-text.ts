import { GraphQLError } from "graphql";

import { currencyExponent, parseAmount } from "../../../../platform/money/index.js";
import { RowProblem } from "./import-row.js";
import { clip } from "./statement-date.js";

export type DecimalSeparator = "." | ",";

// Any Unicode space (NBSP and narrow NBSP are what French and Swiss exports use) groups thousands.
const SPACES = /[\s\u00a0\u2007\u202f]+/gu;
const CURRENCY_SIGNS = /\p{Sc}/gu;
const decorationCache = new Map<string, string[]>();

/**
 * Letters a bank may print around an amount for `currency` ("EUR", "kr", "CHF"), derived from CLDR.
 * Only these are stripped: stray letters such as "DR"/"CR" change the meaning and must fail.
 */
function decorations(currency: string): string[] {
  let found = decorationCache.get(currency);
  if (!found) {
    const symbols = (["symbol", "narrowSymbol", "code"] as const).map((currencyDisplay) => {
      const parts = new Intl.NumberFormat("en", { style: "currency", currency, currencyDisplay }).formatToParts(0);
      return parts.find((part) => part.type === "currency")?.value ?? "";
    });
    found = [...new Set([currency, ...symbols].map((s) => s.replace(CURRENCY_SIGNS, "").trim().toLowerCase()))].filter(Boolean);
    found.sort((a, b) => b.length - a.length);
    decorationCache.set(currency, found);
  }
  return found;
}

function stripDecorations(text: string, currency: string): string {
  let rest = text.replace(CURRENCY_SIGNS, " ").trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const word of decorations(currency)) {
      const lower = rest.toLowerCase();
      if (lower.startsWith(word)) rest = rest.slice(word.length).trim();
      else if (lower.endsWith(word)) rest = rest.slice(0, rest.length - word.length).trim();
      else continue;
      changed = true;
    }
  }
  return rest;
}

// Groups of three after a 1-3 digit head, one separator kind per number; or plain digits.
const SHAPES: Record<DecimalSeparator, RegExp> = {
  ".": /^(?:(\d{1,3}(?:([, ])\d{3})?(?:\2\d{3})*)|(\d*))(?:\.(\d+))?$/,
  ",": /^(?:(\d{1,3}(?:([. ])\d{3})?(?:\2\d{3})*)|(\d*))(?:,(\d+))?$/,
};

/** Splits off one sign marker: leading +/-/−, trailing - (German exports) or accounting parentheses. */
function splitSign(text: string): { negative: boolean; digits: string } | null {
  const paren = /^\((.*)\)$/.exec(text);
  const inner = paren ? paren[1]!.trim() : text;
  const signed = /^([-+\u2212])?\s*(.*?)\s*([-\u2212])?$/.exec(inner)!;
  const [, lead, digits = "", trail] = signed;
  const markers = (paren ? 1 : 0) + (lead ? 1 : 0) + (trail ? 1 : 0);
  if (markers > 1) return null;
  return { negative: Boolean(paren) || (lead !== undefined && lead !== "+") || Boolean(trail), digits };
}

/**
 * Turns a statement amount ("1.234,56 €", "(12.00)", "12,50-") into minor units of `currency`.
 * Thousands groups must be three digits, so "12.50" read with a decimal comma fails instead of
 * silently becoming 1250; more decimals than the currency has is an error, never a rounding.
 */
export function readAmount(text: string, decimalSeparator: DecimalSeparator, currency: string): bigint {
  const fail = (why: string) => new RowProblem("BAD_AMOUNT", `amount "${clip(text)}" ${why}`);
  const signed = splitSign(stripDecorations(text.replace(SPACES, " "), currency));
  if (!signed) throw fail("has more than one sign");
  const match = SHAPES[decimalSeparator].exec(signed.digits);
  if (!match || (!match[1] && !match[3] && !match[4])) {
    throw fail(`is not a number written with "${decimalSeparator}" as the decimal separator`);
  }
  const whole = (match[1] ?? match[3] ?? "").replace(/\D/g, "") || "0";
  const amountMinor = decimalToMinor(whole, match[4] ?? "", currency, fail);
  return signed.negative ? -amountMinor : amountMinor;
}

/**
 * Unsigned digits to minor units. Banks pad decimals (`30.000`, `3.77000`): zeros beyond the
 * currency's precision are dropped; a non-zero digit there is an error, never a rounding.
 */
export function decimalToMinor(whole: string, fraction: string, currency: string, fail: (why: string) => Error): bigint {
  const exponent = currencyExponent(currency);
  const excess = fraction.slice(exponent);
  if (/[^0]/.test(excess)) throw fail(`has more decimal places than ${currency} allows (${exponent}), and they are not zeros`);
  const kept = fraction.slice(0, exponent);
  try {
    return parseAmount(`${whole || "0"}${kept ? `.${kept}` : ""}`, currency).amountMinor;
  } catch (error) {
    if (error instanceof GraphQLError) throw fail(`is invalid: ${error.message}`);
    throw error;
  }
}
