export { PERIOD_KINDS } from "./period-inputs.js";
export {
  DEFAULT_PERIOD_LIMIT,
  nextPeriod,
  type Period,
  periodContaining,
  type PeriodKind,
  type PeriodPrefs,
  periodsBetween,
  previousPeriod,
} from "./periods.js";
export {
  type BudgetStatus,
  carryChain,
  type CarryResult,
  type PeriodFigures,
  type Progress,
  progressOf,
  ROLLOVER_MODES,
  type RolloverMode,
  type Thresholds,
  thresholdsCrossed,
} from "./progress.js";
