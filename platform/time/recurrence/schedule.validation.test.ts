import { describe, expect, it } from "vitest";

import { occurrencesBetween, type ScheduleRule, validateSchedule } from "./index.js";

const monthly: ScheduleRule = { frequency: "MONTHLY", interval: 1, startDate: "2024-01-31" };

function rejection(rule: ScheduleRule): { code: unknown; field: unknown } {
  try {
    validateSchedule(rule);
  } catch (error) {
    const { extensions } = error as { extensions: Record<string, unknown> };
    return { code: extensions.code, field: extensions.field };
  }
  throw new Error("expected the rule to be rejected");
}

describe("validateSchedule", () => {
  it("returns the rule with absent optional fields as null", () => {
    expect(validateSchedule(monthly)).toEqual({ ...monthly, endDate: null, dayOfMonth: null });
    const full = { ...monthly, endDate: "2024-12-31", dayOfMonth: 15 };
    expect(validateSchedule(full)).toEqual(full);
  });

  it("accepts the edges of every range", () => {
    expect(() => validateSchedule({ frequency: "DAILY", interval: 366, startDate: "1900-01-01", endDate: "2100-12-31" })).not.toThrow();
    expect(() => validateSchedule({ ...monthly, dayOfMonth: 31, endDate: monthly.startDate })).not.toThrow();
  });

  it.each<[string, ScheduleRule, string]>([
    ["unknown frequency", { ...monthly, frequency: "HOURLY" as never }, "frequency"],
    ["interval 0", { ...monthly, interval: 0 }, "interval"],
    ["interval 367", { ...monthly, interval: 367 }, "interval"],
    ["fractional interval", { ...monthly, interval: 1.5 }, "interval"],
    ["interval that is not a number", { ...monthly, interval: "2" as never }, "interval"],
    ["malformed startDate", { ...monthly, startDate: "31/01/2024" }, "startDate"],
    ["impossible startDate", { ...monthly, startDate: "2023-02-29" }, "startDate"],
    ["startDate before 1900", { ...monthly, startDate: "1899-12-31" }, "startDate"],
    ["startDate after 2100", { ...monthly, startDate: "2101-01-01" }, "startDate"],
    ["impossible endDate", { ...monthly, endDate: "2024-04-31" }, "endDate"],
    ["endDate after 2100", { ...monthly, endDate: "2101-01-01" }, "endDate"],
    ["endDate before startDate", { ...monthly, endDate: "2024-01-30" }, "endDate"],
    ["dayOfMonth on a weekly rule", { ...monthly, frequency: "WEEKLY", dayOfMonth: 3 }, "dayOfMonth"],
    ["dayOfMonth on a yearly rule", { ...monthly, frequency: "YEARLY", dayOfMonth: 3 }, "dayOfMonth"],
    ["dayOfMonth 0", { ...monthly, dayOfMonth: 0 }, "dayOfMonth"],
    ["dayOfMonth 32", { ...monthly, dayOfMonth: 32 }, "dayOfMonth"],
    ["fractional dayOfMonth", { ...monthly, dayOfMonth: 2.5 }, "dayOfMonth"],
  ])("rejects %s as BAD_USER_INPUT on its field", (_, rule, field) => {
    expect(rejection(rule)).toEqual({ code: "BAD_USER_INPUT", field });
  });

  it("is applied by the occurrence functions too", () => {
    expect(() => occurrencesBetween({ ...monthly, interval: 0 }, "2024-01-01", "2024-12-31")).toThrow(/interval/);
  });
});

describe("what a refused schedule tells the user", () => {
  const message = (rule: ScheduleRule) => {
    try {
      validateSchedule(rule);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error("expected the rule to be rejected");
  };

  it.each<[ScheduleRule, string]>([
    [{ ...monthly, frequency: "HOURLY" as never }, "frequency must be one of DAILY, WEEKLY, MONTHLY, YEARLY"],
    [{ ...monthly, endDate: "2024-01-30" }, "endDate must not be before startDate"],
    [{ ...monthly, frequency: "WEEKLY", dayOfMonth: 3 }, "dayOfMonth applies only to MONTHLY schedules"],
    [{ ...monthly, dayOfMonth: 32 }, "dayOfMonth must be a whole number from 1 to 31"],
    [{ ...monthly, startDate: "1899-12-31" }, "startDate must be between 1900-01-01 and 2100-12-31"],
    [{ ...monthly, endDate: "2101-01-01" }, "endDate must be between 1900-01-01 and 2100-12-31"],
  ])("%j: %s", (rule, expected) => {
    expect(message(rule)).toBe(expected);
  });
});
