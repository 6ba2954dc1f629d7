import { addYears } from "date-fns";

import { formatCalendarDate, parseCalendarDate } from "../../../platform/time/index.js";
import { type HoldingTerm } from "./position.js";

/**
 * LONG when held more than one year: sold after the first anniversary of the purchase. A lot bought
 * on 29 February has its anniversary on 28 February (date-fns' addYears), so 1 March is LONG.
 */
export function holdingTerm(acquiredOn: string, soldOn: string): HoldingTerm {
  const anniversary = formatCalendarDate(addYears(parseCalendarDate(acquiredOn, "date"), 1));
  return soldOn > anniversary ? "LONG" : "SHORT";
}
