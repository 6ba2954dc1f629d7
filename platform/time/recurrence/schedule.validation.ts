import type { UTCDate } from "@date-fns/utc";
import { isAfter } from "date-fns/isAfter";
import { isBefore } from "date-fns/isBefore";

import { badInput } from "../../errors/index.js";
import { parseCalendarDate } from "../calendar-date.js";
import { EARLIEST_RULE_DATE, FREQUENCIES, LATEST_RULE_DATE, MAX_INTERVAL, MIN_INTERVAL, type ScheduleRule } from "./schedule.rule.js";

export const EARLIEST = parseCalendarDate(EARLIEST_RULE_DATE, "EARLIEST_RULE_DATE");
export const LATEST = parseCalendarDate(LATEST_RULE_DATE, "LATEST_RULE_DATE");

export interface ParsedSchedule {
  rule: ScheduleRule;
  start: UTCDate;
  /** The last day an occurrence may fall on: endDate, or LATEST_RULE_DATE for a schedule without one. */
  last: UTCDate;
}

/** Checks a rule from user input; returns a copy with absent optional fields as null. */
export function validateSchedule(rule: ScheduleRule): ScheduleRule {
  return parseSchedule(rule).rule;
}

export function parseSchedule(rule: ScheduleRule): ParsedSchedule {
  // Rules arrive from GraphQL and storage, so the declared types are checked rather than trusted.
  if (!(FREQUENCIES as readonly unknown[]).includes(rule.frequency)) {
    throw badInput(`frequency must be one of ${FREQUENCIES.join(", ")}`, { field: "frequency" });
  }
  if (!Number.isInteger(rule.interval) || rule.interval < MIN_INTERVAL || rule.interval > MAX_INTERVAL) {
    throw badInput(`interval must be a whole number from ${MIN_INTERVAL} to ${MAX_INTERVAL}`, { field: "interval" });
  }
  const start = parseRuleDate(rule.startDate, "startDate");
  const end = rule.endDate == null ? null : parseRuleDate(rule.endDate, "endDate");
  if (end && isBefore(end, start)) throw badInput("endDate must not be before startDate", { field: "endDate" });

  const dayOfMonth = rule.dayOfMonth ?? null;
  if (dayOfMonth !== null) {
    if (rule.frequency !== "MONTHLY") {
      throw badInput("dayOfMonth applies only to MONTHLY schedules", { field: "dayOfMonth" });
    }
    if (!Number.isInteger(dayOfMonth) || dayOfMonth < 1 || dayOfMonth > 31) {
      throw badInput("dayOfMonth must be a whole number from 1 to 31", { field: "dayOfMonth" });
    }
  }

  return {
    rule: {
      frequency: rule.frequency,
      interval: rule.interval,
      startDate: rule.startDate,
      endDate: rule.endDate ?? null,
      dayOfMonth,
    },
    start,
    last: end ?? LATEST,
  };
}

function parseRuleDate(value: unknown, field: string): UTCDate {
  const date = parseCalendarDate(value, field);
  if (isBefore(date, EARLIEST) || isAfter(date, LATEST)) {
    throw badInput(`${field} must be between ${EARLIEST_RULE_DATE} and ${LATEST_RULE_DATE}`, { field });
  }
  return date;
}
