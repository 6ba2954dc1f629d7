import { Decimal } from "decimal.js";

import { badInput } from "../../../platform/errors/index.js";
import { currencyExponent, type Money, normalizeCurrency } from "../../../platform/money/index.js";

const Exact = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });
const RATE = /^\d{1,12}(\.\d{1,12})?$/;
/** Significant digits an inverted rate is shown with; conversions divide by the stored rate instead. */
const INVERSE_DIGITS = 15;

/** 1 `base` = `rate` `quote`, on `date` (the rate's own day, on or before the day asked). */
export interface FxRateOn {
  base: string;
  quote: string;
  date: string;
  /** Decimal string; when `inverse`, 1 / the stored rate to 15 significant digits. */
  rate: string;
  /** Only the quote→base rate was stored; conversions divide by it (`stored`) instead. */
  inverse: boolean;
  /** The rate as stored, in the direction it was stored. */
  stored: string;
}

/** A positive decimal, up to 12 digits each side of the point, in plain notation without trailing zeros. */
export function rateText(value: string, field = "rate"): string {
  const text = value.trim();
  if (!RATE.test(text) || new Exact(text).isZero()) throw badInput(`${field} must be a positive decimal like "1.0812"`, { field });
  return new Exact(text).toFixed();
}

/** PostgreSQL numeric text in plain notation without trailing zeros ("1.0800" → "1.08"). */
export function plainDecimal(value: string): string {
  return new Exact(value).toFixed();
}

/** 1 / rate, to 15 significant digits, plain notation. */
export function inverseRate(rate: string): string {
  return new Exact(1).div(rate).toSignificantDigits(INVERSE_DIGITS).toFixed();
}

/**
 * `value` (in the rate's base, or its quote when converting back) in the other currency, rounded
 * once, half away from zero, to that currency's minor unit. An inverse rate divides by the stored
 * one, so no rounded inverse ever enters a result.
 */
export function convertAtRate(value: Money, fx: FxRateOn): Money {
  const currency = normalizeCurrency(value.currency);
  const forward = currency === fx.base;
  if (!forward && currency !== fx.quote) throw badInput(`the rate converts ${fx.base} and ${fx.quote}, not ${currency}`);
  const target = forward ? fx.quote : fx.base;
  // Multiplying when the stored rate runs the way we convert, dividing when it runs the other way.
  const multiply = forward !== fx.inverse;
  const major = new Exact(value.amountMinor.toString()).div(new Exact(10).pow(currencyExponent(currency)));
  const converted = multiply ? major.times(fx.stored) : major.div(fx.stored);
  const minor = converted.times(new Exact(10).pow(currencyExponent(target))).toDecimalPlaces(0);
  return { amountMinor: BigInt(minor.toFixed(0)), currency: target };
}
