/** The ledger's dates: the platform's calendar days within the years money is recorded for. */
export { calendarDate, utcDay, MIN_RECORD_DATE as MIN_DATE, MAX_RECORD_DATE as MAX_DATE } from "../../../platform/time/index.js";
