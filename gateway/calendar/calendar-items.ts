import { addDays, localDay } from "../../platform/time/calendar-date.js";
import { occurrencesBetween } from "../../platform/time/recurrence/index.js";
import type { CalendarFeedData, Money } from "./calendar-feed.query.js";

/** How far ahead a feed looks, in days from the owner's today (README "Calendar feeds"). */
export const FEED_WINDOW_DAYS = 365;

/** One all-day entry of a feed. */
export interface CalendarItem {
  /** Stable per item and occurrence, so calendar apps update an entry instead of adding a second. */
  uid: string;
  /** YYYY-MM-DD in the owner's calendar. */
  date: string;
  summary: string;
  description: string;
}

export interface FeedWindow {
  /** The owner's today, in their time zone. */
  from: string;
  to: string;
}

const UID_DOMAIN = "moneta";
const money = (m: Money) => `${m.amount} ${m.currency}`;

/** The owner's window: from their own today (in their zone) through FEED_WINDOW_DAYS ahead. */
export function feedWindow(now: Date, timeZone: string): FeedWindow {
  const from = localDay(now, timeZone);
  return { from, to: addDays(from, FEED_WINDOW_DAYS) };
}

/** The feed's entries within the window, soonest first (then by UID, so the body is stable). */
export function calendarItems(data: CalendarFeedData, window: FeedWindow): CalendarItem[] {
  const inWindow = (date: string | null): date is string => date !== null && date >= window.from && date <= window.to;
  const items: CalendarItem[] = [];

  for (const r of data.recurringTransactions) {
    if (!r.nextDue) continue;
    const bill = r.amount.amount.startsWith("-");
    const from = r.nextDue > window.from ? r.nextDue : window.from;
    if (from > window.to) continue;
    // From the next occurrence not yet posted: posted ones are transactions, not plans.
    const rule = { frequency: r.frequency, interval: r.interval, startDate: r.startDate, endDate: r.endDate, dayOfMonth: r.dayOfMonth };
    for (const date of occurrencesBetween(rule, from, window.to, FEED_WINDOW_DAYS + 1)) {
      items.push({
        uid: `recurring-${r.id}-${date}@${UID_DOMAIN}`,
        date,
        summary: `${bill ? "Bill" : "Income"}: ${r.payee} ${money(r.amount)}`,
        description: `Recurring transaction (${r.frequency.toLowerCase()}, every ${r.interval}).`,
      });
    }
  }

  for (const loan of data.loans) {
    if (loan.status === "PAID_OFF" || loan.status === "WRITTEN_OFF") continue;
    for (const i of loan.schedule) {
      if (i.status === "PAID" || !inWindow(i.dueDate)) continue;
      items.push({
        uid: `loan-${loan.id}-${i.number}@${UID_DOMAIN}`,
        date: i.dueDate,
        summary: `${loan.direction === "BORROWED" ? "Loan payment" : "Loan repayment due to you"}: ${loan.name} #${i.number} ${money(i.amountDue)}`,
        description: `Installment ${i.number} of ${loan.name}.`,
      });
    }
  }

  for (const goal of data.me?.savingsGoals ?? []) {
    if (goal.status === "REACHED" || !inWindow(goal.targetDate)) continue;
    items.push({
      uid: `savings-goal-${goal.id}@${UID_DOMAIN}`,
      date: goal.targetDate,
      summary: `Savings goal: ${goal.name} ${money(goal.target)}`,
      description: `Target date of the savings goal ${goal.name}.`,
    });
  }

  for (const group of data.me?.groups ?? []) {
    for (const goal of group.savingsGoals) {
      if (goal.status === "REACHED" || !inWindow(goal.deadline)) continue;
      items.push({
        uid: `group-goal-${goal.id}@${UID_DOMAIN}`,
        date: goal.deadline,
        summary: `Group goal: ${goal.name} (${group.name}) ${money(goal.target)}`,
        description: `Deadline of the group savings goal ${goal.name} in ${group.name}.`,
      });
    }
  }

  for (const t of data.taxPaymentDates) {
    if (!inWindow(t.date)) continue;
    const what = t.quarter === null ? `Tax balance due ${t.taxYear}` : `Estimated tax Q${t.quarter} ${t.taxYear}`;
    items.push({
      uid: `tax-${t.jurisdiction}-${t.taxYear}-${t.kind}-${t.quarter ?? 0}@${UID_DOMAIN}`.toLowerCase(),
      date: t.date,
      summary: `${what} (${t.jurisdiction})`,
      description:
        t.quarter === null ? `The ${t.taxYear} return is due and what is left to pay with it.` : `Estimated tax payment for ${t.taxYear}.`,
    });
  }

  return items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
}
