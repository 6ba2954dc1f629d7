export { type CashFlow, netPerDay } from "./cash-flows.js";
export { type FlowPeriod, moneyWeightedReturn } from "./money-weighted.js";
export { percent } from "./percent.js";
export { type SubPeriod, subPeriodsBetween, timeWeightedReturn, timeWeightedReturnBetween, type ValuedPeriod } from "./time-weighted.js";
export { xirr, type XirrOptions } from "./xirr.js";
