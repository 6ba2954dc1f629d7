/** The ledger's dates: the platform's calendar days within the years money is recorded for. */
export { calendarDate, MAX_RECORD_DATE as MAX_DATE, MIN_RECORD_DATE as MIN_DATE, utcDay } from "../../../platform/time/index.js";
