export { holdingTerm } from "./holding-term.js";
export { INSUFFICIENT_QUANTITY, insufficientQuantity } from "./lots.errors.js";
export {
  type Activity,
  ACTIVITY_TYPES,
  type ActivityType,
  COST_BASIS_METHODS,
  type CostBasisMethod,
  type HoldingTerm,
  type Lot,
  type PositionPoint,
  type PositionState,
  type RealizedLot,
} from "./position.js";
export { averageCost, averageCostMinor, replayPosition } from "./replay.js";
