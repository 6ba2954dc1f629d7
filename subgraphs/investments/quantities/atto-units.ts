import { type Decimal } from "decimal.js";

import { badInput } from "../../../platform/errors/index.js";
import { decimal, MAX_QUANTITY_DECIMALS } from "./quantity.js";

// Lot arithmetic runs on integer counts of 10⁻¹⁸ units: sums, differences and comparisons are then
// exact by construction, and cost allocation can weigh lots by plain bigints.

export const ATTO_PER_UNIT = 10n ** BigInt(MAX_QUANTITY_DECIMALS);

/** A quantity as a count of 10⁻¹⁸ units; more decimals than that is BAD_USER_INPUT on `field`. */
export function toAtto(quantity: Decimal, field = "quantity"): bigint {
  if (!quantity.isFinite()) throw badInput(`${field} must be a finite number`, { field });
  if (quantity.decimalPlaces() > MAX_QUANTITY_DECIMALS) {
    throw badInput(`${field} allows at most ${MAX_QUANTITY_DECIMALS} decimal places`, { field });
  }
  return BigInt(quantity.toFixed(MAX_QUANTITY_DECIMALS).replace(".", ""));
}

export function fromAtto(atto: bigint): Decimal {
  const negative = atto < 0n;
  const digits = (negative ? -atto : atto).toString().padStart(MAX_QUANTITY_DECIMALS + 1, "0");
  const cut = digits.length - MAX_QUANTITY_DECIMALS;
  return decimal(`${negative ? "-" : ""}${digits.slice(0, cut)}.${digits.slice(cut)}`);
}
