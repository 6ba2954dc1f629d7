export const FREQUENCIES = ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Dates are calendar dates written YYYY-MM-DD; they carry no time and no time zone. */
export interface ScheduleRule {
  frequency: Frequency;
  /** Every N days, weeks, months or years: WEEKLY with 2 is fortnightly. */
  interval: number;
  /** The first occurrence; for MONTHLY with a dayOfMonth, the first occurrence falls on or after it. */
  startDate: string;
  /** Inclusive. Absent means the schedule never ends. */
  endDate?: string | null;
  /** MONTHLY only. Defaults to startDate's day; 29..31 fall on the last day of shorter months. */
  dayOfMonth?: number | null;
}

export const MIN_INTERVAL = 1;
export const MAX_INTERVAL = 366;

// Rule dates are kept to a range a person's finances can plausibly span; a schedule with no
// endDate therefore stops producing occurrences after LATEST_RULE_DATE too.
export const EARLIEST_RULE_DATE = "1900-01-01";
export const LATEST_RULE_DATE = "2100-12-31";
