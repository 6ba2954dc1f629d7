import { Decimal } from "decimal.js";

import { badInput } from "../../../platform/errors/index.js";
import { type Money } from "../../../platform/money/index.js";

// `import Decimal from "decimal.js"` does not type-check under NodeNext: the package's one .d.ts is
// read as CommonJS, so its default export is the module object. The named export is the class.

/**
 * The decimal constructor for quantities, ratios and returns. decimal.js rounds every operation to
 * `precision` significant digits (20 by default, fewer than a 38-digit quantity); 60 keeps sums and
 * products of quantities exact, and plain notation keeps `String(q)` free of exponents.
 */
export const ExactDecimal = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -100, toExpPos: 100 });

/** A decimal made by {@link ExactDecimal}, whatever made `value`: later arithmetic keeps its digits. */
export const decimal = (value: Decimal.Value): Decimal => new ExactDecimal(value);

/** Quantities are held to 10⁻¹⁸ (ETH's wei), as a NUMERIC(38, 18) column holds them. */
export const MAX_QUANTITY_DECIMALS = 18;
export const MAX_QUANTITY_INTEGER_DIGITS = 20;
/** The largest amount a single figure may reach: what parseAmount accepts, inside a PostgreSQL bigint. */
export const MAX_AMOUNT_MINOR = 10n ** 18n - 1n;

const PLAIN_DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

export interface QuantityOptions {
  /** Accept "0" (a position's closing quantity, say); negatives are refused either way. */
  allowZero?: boolean;
}

/**
 * Parses a plain decimal string ("12", "0.5", "1.000000000000000001"). Leading zeros and trailing
 * fractional zeros are not counted against the limits: "0012.50" is 12.5. Exponents ("1e3"),
 * signs other than a refused "-", and commas are BAD_USER_INPUT on `field`.
 */
export function parseQuantity(value: string, field = "quantity", options: QuantityOptions = {}): Decimal {
  const match = PLAIN_DECIMAL.exec(value.trim());
  if (!match) throw badInput(`${field} must be a decimal string like "1.5", got "${value.slice(0, 40)}"`, { field });
  const [, minus, whole, fraction = ""] = match;
  const integerDigits = whole!.replace(/^0+/, "").length;
  const decimals = fraction.replace(/0+$/, "").length;
  if (decimals > MAX_QUANTITY_DECIMALS) throw badInput(`${field} allows at most ${MAX_QUANTITY_DECIMALS} decimal places`, { field });
  if (integerDigits > MAX_QUANTITY_INTEGER_DIGITS) {
    throw badInput(`${field} allows at most ${MAX_QUANTITY_INTEGER_DIGITS} digits before the decimal point`, { field });
  }
  const quantity = decimal(`${whole}.${fraction || "0"}`);
  if (minus && !quantity.isZero()) throw badInput(`${field} must not be negative`, { field });
  if (quantity.isZero() && !options.allowZero) throw badInput(`${field} must be greater than zero`, { field });
  return quantity.abs();
}

/** Plain notation, never an exponent, trailing zeros trimmed: "1.5", "0.000000000000000001", "0". */
export function formatQuantity(quantity: Decimal): string {
  return decimal(quantity).toFixed();
}

/** `numerator / denominator` in integers, rounded half-up (ties away from zero for negatives). */
export function divideRoundingHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("division by zero");
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  const abs = (n: bigint) => (n < 0n ? -n : n);
  if (2n * abs(remainder) < abs(denominator)) return quotient;
  // BigInt division truncates toward zero, so rounding up moves one step away from zero.
  return quotient + (numerator < 0n !== denominator < 0n ? -1n : 1n);
}

/** A decimal as an integer over a power of ten, exactly: 1.25 is { units: 125n, scale: 100n }. */
export function scaled(value: Decimal): { units: bigint; scale: bigint } {
  const places = Math.max(0, value.decimalPlaces());
  return { units: BigInt(value.toFixed(places).replace(".", "")), scale: 10n ** BigInt(places) };
}

/**
 * quantity × price in the price's minor units, rounded once, half-up: the product is formed exactly
 * in integers, so 0.333333 × 3.00 is 1.00 and never a float near it. A result beyond
 * MAX_AMOUNT_MINOR is BAD_USER_INPUT on "quantity".
 */
export function amountOf(quantity: Decimal, price: Money): Money {
  return { amountMinor: multiplyToMinor(quantity, price.amountMinor), currency: price.currency };
}

/** {@link amountOf} on bare minor units, for callers that carry the currency elsewhere. */
export function multiplyToMinor(quantity: Decimal, priceMinor: bigint): bigint {
  const { units, scale } = scaled(quantity);
  const amount = divideRoundingHalfUp(units * priceMinor, scale);
  if (amount > MAX_AMOUNT_MINOR || amount < -MAX_AMOUNT_MINOR) {
    throw badInput("quantity × price is larger than an amount may be", { field: "quantity" });
  }
  return amount;
}

/**
 * A split ratio: new shares per old share, "2" for a 2-for-1 split, "0.1" for a 1-for-10 reverse
 * split. Same digits as a quantity; zero or negative is BAD_USER_INPUT on `field`.
 */
export function parseSplitRatio(value: string, field = "splitRatio"): Decimal {
  return parseQuantity(value, field);
}
