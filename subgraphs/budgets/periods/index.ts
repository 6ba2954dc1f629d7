export {
  DEFAULT_PERIOD_LIMIT,
  nextPeriod,
  periodContaining,
  periodsBetween,
  previousPeriod,
  type Period,
  type PeriodKind,
  type PeriodPrefs,
} from "./periods.js";
export { PERIOD_KINDS } from "./period-inputs.js";
export {
  carryChain,
  progressOf,
  ROLLOVER_MODES,
  thresholdsCrossed,
  type BudgetStatus,
  type CarryResult,
  type PeriodFigures,
  type Progress,
  type RolloverMode,
  type Thresholds,
} from "./progress.js";
