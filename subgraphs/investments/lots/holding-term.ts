import { type HoldingTerm } from "./position.js";

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * LONG when held more than one year: sold after the first anniversary of the purchase. A lot bought
 * on 29 February has its anniversary on 28 February when the next year has none, so 1 March is
 * LONG. Works on the YYYY-MM-DD text: a replay asks once per lot sold, and date-fns takes ~20 µs.
 */
export function holdingTerm(acquiredOn: string, soldOn: string): HoldingTerm {
  const year = Number(acquiredOn.slice(0, 4)) + 1;
  const monthDay = acquiredOn.slice(5) === "02-29" && !isLeapYear(year) ? "02-28" : acquiredOn.slice(5);
  const anniversary = `${String(year).padStart(4, "0")}-${monthDay}`;
  return soldOn > anniversary ? "LONG" : "SHORT";
}
