export type {
  Anomaly,
  AnomalyKind,
  AnomalyOptions,
  CategorySpikeAnomaly,
  CategorySpikeFigures,
  DuplicateChargeAnomaly,
  DuplicateChargeFigures,
  NewPayeeLargeAnomaly,
  NewPayeeLargeFigures,
  UnusualAmountAnomaly,
  UnusualAmountFigures,
} from "./anomaly.js";
export { doubledMad, doubledMedian, mad, median, percentileNearestRank, StatsDecimal } from "./robust-stats.js";
export { anomaliesFor, scan } from "./scan.js";
