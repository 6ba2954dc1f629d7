/**
 * Calendar days as whole numbers (days since 1970-01-01), for the valuation loops that walk
 * thousands of days: comparing and stepping integers instead of date strings. Inputs are dates
 * platform/time already checked.
 */
const MS_PER_DAY = 86_400_000;

export const dayNumber = (date: string): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;

export const dayString = (day: number): string => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
