import { registerEnumType } from "type-graphql";

import { badInput } from "../../../platform/errors/index.js";
import { addDays } from "../../../platform/time/index.js";
import type { DateRange } from "../analytics/date-range.js";

export enum SeriesInterval {
  DAY = "DAY",
  WEEK = "WEEK",
  MONTH = "MONTH",
}
registerEnumType(SeriesInterval, { name: "SeriesInterval" });

export const MAX_SERIES_POINTS = 400;

const lastOfMonth = (day: string) => {
  const [y, m] = day.split("-").map(Number) as [number, number];
  return `${day.slice(0, 8)}${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
};

/** The days a series is read on: each day; every 7th day back from `to`; each month's last day (and `to`). Ascending. */
export function seriesDays(range: DateRange, interval: SeriesInterval): string[] {
  const days: string[] = [];
  if (interval === SeriesInterval.MONTH) {
    for (let day = lastOfMonth(range.from); day < range.to; day = lastOfMonth(addDays(day, 1))) days.push(day);
    days.push(range.to);
  } else {
    const step = interval === SeriesInterval.WEEK ? 7 : 1;
    for (let day = range.to; day >= range.from; day = addDays(day, -step)) {
      days.unshift(day);
      if (days.length > MAX_SERIES_POINTS) break;
    }
  }
  if (days.length > MAX_SERIES_POINTS)
    throw badInput(`at most ${MAX_SERIES_POINTS} points: a shorter range or a longer interval`, { field: "range" });
  return days;
}
