import { badInput } from "../../../platform/errors/index.js";
import { convert, currencyExponent, type Money, normalizeCurrency } from "../../../platform/money/index.js";

const RATE = /^(\d{1,12})(?:\.(\d{1,12}))?$/;

/** A rate as the user writes it: a positive decimal, at most 12 digits either side of the point. */
export function rateText(rate: string, field = "rate"): string {
  const text = rate.trim();
  const match = RATE.exec(text);
  if (!match || /^0*(\.0*)?$/.test(text)) throw badInput(`rate must be a positive decimal, got "${rate.slice(0, 32)}"`, { field });
  return text;
}

/**
 * `value` in `to` when 1 `to` = `rate` units of value's currency (the stored rate runs the other
 * way): divides instead of multiplying, still rounding once, half away from zero.
 */
export function convertByInverse(value: Money, rate: string, to: string): Money {
  const currency = normalizeCurrency(to);
  const [whole, fraction = ""] = rateText(rate).split(".");
  const rateScaled = BigInt(whole! + fraction);
  const numerator = value.amountMinor * 10n ** BigInt(fraction.length + currencyExponent(currency));
  const denominator = rateScaled * 10n ** BigInt(currencyExponent(value.currency));
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const rounded = (abs * 2n + denominator) / (denominator * 2n);
  return { amountMinor: negative ? -rounded : rounded, currency };
}

/** A stored rate for a day, and which way it runs relative to the conversion asked for. */
export interface DayRate {
  rate: string;
  inverse: boolean;
}

export function convertAt(value: Money, to: string, dayRate: DayRate): Money {
  return dayRate.inverse ? convertByInverse(value, dayRate.rate, to) : convert(value, dayRate.rate, to);
}

/** PostgreSQL numeric text back to the plain decimal the user gave (no trailing zeros). */
export function numericText(value: string): string {
  return value.includes(".") ? value.replace(/0+$/, "").replace(/\.$/, "") : value;
}
