export { type Cadence, CADENCES } from "./cadence.js";
export { detectRecurring, type PriceIncrease, type RecurringOccurrence, type RecurringSeries } from "./detect-recurring.js";
