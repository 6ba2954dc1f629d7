import { Decimal } from "decimal.js";

import { badInput, isClientError } from "../../../platform/errors/index.js";
import { currencyExponent, type Money, parseAmount } from "../../../platform/money/index.js";

export type PriceSource = "MANUAL" | "IMPORT" | "PROVIDER";

const Exact = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });
const POSITIVE_DECIMAL = /^\d{1,15}(\.\d{1,18})?$/;

/**
 * A close as a user gives it: a decimal amount in a currency, strictly positive, at most the
 * currency's minor-unit precision. Errors name `field` (the amount) or `field.currency`.
 */
export function positiveClose(amount: string, currency: string, field: string): Money {
  let close: Money;
  try {
    close = parseAmount(amount, currency);
  } catch (error) {
    if (!isClientError(error)) throw error;
    const onCurrency = error.extensions.field === "currency";
    throw badInput(error.message, { field: onCurrency ? `${field}.currency` : field });
  }
  if (close.amountMinor <= 0n) throw badInput("a close must be positive", { field });
  return close;
}

/**
 * A feed's close ("189.4512") in minor units of `currency`, rounded once, half up: a security
 * quoted to more decimals than its currency has is priced to the nearest minor unit. null when
 * the text is not a plain positive decimal or rounds to nothing: such a close is not used.
 */
export function feedCloseMinor(close: string, currency: string): bigint | null {
  if (!POSITIVE_DECIMAL.test(close)) return null;
  const minor = new Exact(close).times(new Exact(10).pow(currencyExponent(currency))).toDecimalPlaces(0);
  return minor.isZero() ? null : BigInt(minor.toFixed(0));
}
