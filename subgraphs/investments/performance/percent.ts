import { Decimal } from "decimal.js";

import { decimal } from "../quantities/index.js";

/** A rate (0.1272) as percent with two decimals, rounded half-up (away from zero): "12.72", "-3.10", "0.00". */
export function percent(rate: Decimal | null): string | null {
  if (rate === null) return null;
  const rounded = decimal(rate).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  // A loss that rounds to nothing is "0.00", not "-0.00".
  return (rounded.isZero() ? decimal(0) : rounded).toFixed(2);
}
