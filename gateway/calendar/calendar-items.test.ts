import ICAL from "ical.js";
import { describe, expect, it } from "vitest";

import type { CalendarFeedData } from "./calendar-feed.query.js";
import { calendarItems, feedWindow } from "./calendar-items.js";
import { renderCalendar } from "./calendar-render.js";

const usd = (amount: string) => ({ amount, currency: "USD" });

function data(overrides: Partial<CalendarFeedData> = {}): CalendarFeedData {
  return {
    me: { id: "u1", timezone: "UTC", savingsGoals: [], groups: [] },
    recurringTransactions: [],
    loans: [],
    taxPaymentDates: [],
    ...overrides,
  };
}

describe("feedWindow", () => {
  it("starts on the owner's own today, which may be a day ahead of or behind UTC", () => {
    const now = new Date("2026-03-10T23:30:00Z");
    expect(feedWindow(now, "Pacific/Auckland")).toEqual({ from: "2026-03-11", to: "2027-03-11" });
    expect(feedWindow(now, "UTC")).toEqual({ from: "2026-03-10", to: "2027-03-10" });
    expect(feedWindow(new Date("2026-03-10T02:00:00Z"), "America/Los_Angeles").from).toBe("2026-03-09");
  });
});

describe("calendarItems", () => {
  const window = { from: "2026-03-11", to: "2027-03-11" };

  it("expands schedules from their next due date, month ends as the ledger posts them, within the window", () => {
    const items = calendarItems(
      data({
        recurringTransactions: [
          {
            id: "r1",
            payee: "Gym",
            amount: usd("-30.00"),
            frequency: "MONTHLY",
            interval: 1,
            dayOfMonth: 31,
            startDate: "2026-01-31",
            endDate: "2026-06-30",
            nextDue: "2026-03-31",
          },
          {
            id: "r2",
            payee: "Salary",
            amount: usd("3000.00"),
            frequency: "YEARLY",
            interval: 1,
            dayOfMonth: null,
            startDate: "2020-03-01",
            endDate: null,
            nextDue: "2027-03-01",
          },
          {
            id: "r3",
            payee: "Ended",
            amount: usd("-1.00"),
            frequency: "DAILY",
            interval: 1,
            dayOfMonth: null,
            startDate: "2020-01-01",
            endDate: "2020-02-01",
            nextDue: null,
          },
        ],
      }),
      window,
    );
    expect(items.map((i) => [i.date, i.uid, i.summary])).toEqual([
      ["2026-03-31", "recurring-r1-2026-03-31@moneta", "Bill: Gym -30.00 USD"],
      ["2026-04-30", "recurring-r1-2026-04-30@moneta", "Bill: Gym -30.00 USD"],
      ["2026-05-31", "recurring-r1-2026-05-31@moneta", "Bill: Gym -30.00 USD"],
      ["2026-06-30", "recurring-r1-2026-06-30@moneta", "Bill: Gym -30.00 USD"],
      ["2027-03-01", "recurring-r2-2027-03-01@moneta", "Income: Salary 3000.00 USD"],
    ]);
  });

  it("leaves out paid installments, closed loans, reached goals and anything outside the window", () => {
    const installment = (number: number, dueDate: string, status: string) => ({ number, dueDate, status, amountDue: usd("100.00") });
    const items = calendarItems(
      data({
        me: {
          id: "u1",
          timezone: "UTC",
          savingsGoals: [
            { id: "g1", name: "Bike", targetDate: "2026-12-31", status: "BEHIND", target: usd("900.00") },
            { id: "g2", name: "Done", targetDate: "2026-12-31", status: "REACHED", target: usd("1.00") },
            { id: "g3", name: "Past", targetDate: "2026-03-10", status: "BEHIND", target: usd("1.00") },
            { id: "g4", name: "Someday", targetDate: null, status: "ON_TRACK", target: usd("1.00") },
          ],
          groups: [
            {
              id: "x",
              name: "Flat",
              savingsGoals: [{ id: "gg", name: "Sofa", deadline: "2027-03-11", status: "ON_TRACK", target: usd("600.00") }],
            },
          ],
        },
        loans: [
          {
            id: "l1",
            name: "Car",
            direction: "LENT",
            status: "OVERDUE",
            schedule: [
              installment(1, "2026-03-01", "OVERDUE"),
              installment(2, "2026-04-01", "PAID"),
              installment(3, "2026-05-01", "PARTIALLY_PAID"),
            ],
          },
          { id: "l2", name: "Old", direction: "BORROWED", status: "PAID_OFF", schedule: [installment(1, "2026-05-01", "PENDING")] },
        ],
        taxPaymentDates: [
          { date: "2026-04-15", kind: "ESTIMATED_PAYMENT", taxYear: 2026, quarter: 1, jurisdiction: "US" },
          { date: "2027-04-15", kind: "BALANCE_DUE", taxYear: 2026, quarter: null, jurisdiction: "US" },
        ],
      }),
      window,
    );
    expect(items.map((i) => [i.date, i.uid, i.summary])).toEqual([
      ["2026-04-15", "tax-us-2026-estimated_payment-1@moneta", "Estimated tax Q1 2026 (US)"],
      ["2026-05-01", "loan-l1-3@moneta", "Loan repayment due to you: Car #3 100.00 USD"],
      ["2026-12-31", "savings-goal-g1@moneta", "Savings goal: Bike 900.00 USD"],
      ["2027-03-11", "group-goal-gg@moneta", "Group goal: Sofa (Flat) 600.00 USD"],
    ]);
  });
});

describe("renderCalendar", () => {
  const items = [
    { uid: "a@moneta", date: "2026-03-31", summary: "Bill: Rent, flat; 1\\2 -1200.00 USD", description: "line one\nline two" },
    { uid: "b@moneta", date: "2026-12-31", summary: "Savings goal: Bike", description: "" },
  ];
  const stamp = new Date("2026-03-10T00:00:00Z");

  it("writes all-day events ical.js reads back exactly, special characters escaped", () => {
    const text = renderCalendar(items, { name: "Moneta", stamp });
    expect(text).toContain("DTSTART;VALUE=DATE:20260331");
    expect(text.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => [e.uid, e.startDate.toString(), e.startDate.isDate, e.summary, e.description])).toEqual([
      ["a@moneta", "2026-03-31", true, "Bill: Rent, flat; 1\\2 -1200.00 USD", "line one\nline two"],
      ["b@moneta", "2026-12-31", true, "Savings goal: Bike", ""],
    ]);
    expect(calendar.getAllSubcomponents("vevent")[0]!.getFirstPropertyValue("dtstamp")!.toString()).toBe("2026-03-10T00:00:00Z");
  });

  it("gives the same bytes for the same items whatever the server's own zone (the ETag holds, no day shifts)", () => {
    const utc = renderCalendar(items, { name: "Moneta", stamp });
    const zone = process.env.TZ;
    try {
      process.env.TZ = "America/Los_Angeles";
      expect(renderCalendar(items, { name: "Moneta", stamp })).toBe(utc);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
