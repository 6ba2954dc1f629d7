export { belowZeroPeriods, projectCashflow } from "./cashflow.projection.js";
export {
  type AccountProjection,
  type BelowZeroWarning,
  type CashflowInput,
  type CashflowProjection,
  type CurrencyFlow,
  type CurrencyTotal,
  type DateSpan,
  type ForecastAccount,
  type LowestBalance,
  MAX_FORECAST_DAYS,
  type ProjectedDay,
  type ScheduledFlow,
  type ScheduledSource,
  type WeekdayAverage,
} from "./cashflow.types.js";
export {
  averageByWeekday,
  type AverageOptions,
  DEFAULT_AVERAGE_WEEKS,
  divideHalfAwayFromZero,
  MAX_AVERAGE_WEEKS,
  type SpentItem,
  type WeekdayAverageDetail,
} from "./discretionary.average.js";
