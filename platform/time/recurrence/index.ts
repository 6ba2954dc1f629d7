export { DEFAULT_OCCURRENCE_LIMIT, nextOccurrenceAfter, nextOccurrenceOnOrAfter, occurrencesBetween } from "./schedule.occurrences.js";
export {
  EARLIEST_RULE_DATE,
  FREQUENCIES,
  type Frequency,
  LATEST_RULE_DATE,
  MAX_INTERVAL,
  MIN_INTERVAL,
  type ScheduleRule,
} from "./schedule.rule.js";
export { validateSchedule } from "./schedule.validation.js";
