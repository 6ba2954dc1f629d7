import ical, { ICalEventTransparency } from "ical-generator";

import type { CalendarItem } from "./calendar-items.js";

/**
 * The feed as iCalendar text (RFC 5545). Every entry is a calendar day, written as an all-day
 * event (DTSTART;VALUE=DATE, a one-day DTEND implied): a due date has no hour, and a date-only
 * value means the same day in any calendar app whatever its zone. The owner's zone decided which
 * days those are (the window starts at their today). DTSTAMP is the start of that day in UTC,
 * not the moment of the request, so the body (and its ETag) only changes when the items do.
 */
export function renderCalendar(items: readonly CalendarItem[], options: { name: string; stamp: Date }): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: "Moneta", product: "Calendar feed", language: "EN" },
    // Hours, as a hint to clients; most poll on their own schedule anyway.
    ttl: 60 * 60 * 6,
  });
  for (const item of items) {
    calendar.createEvent({
      id: item.uid,
      start: new Date(`${item.date}T00:00:00Z`),
      allDay: true,
      stamp: options.stamp,
      summary: item.summary,
      description: item.description,
      // Dates to keep in mind, not time blocked out.
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  return calendar.toString();
}
