export { ATTO_PER_UNIT, fromAtto, toAtto } from "./atto-units.js";
export {
  amountOf,
  decimal,
  divideRoundingHalfUp,
  ExactDecimal,
  formatQuantity,
  MAX_AMOUNT_MINOR,
  MAX_QUANTITY_DECIMALS,
  MAX_QUANTITY_INTEGER_DIGITS,
  multiplyToMinor,
  parseQuantity,
  parseSplitRatio,
  type QuantityOptions,
  scaled,
} from "./quantity.js";
