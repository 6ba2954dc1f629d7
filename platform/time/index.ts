export { type Clock, systemClock, FixedClock } from "./clock.js";
export { type IdGenerator, randomIds, sequentialIds, isUuid } from "./ids.js";
export * from "./calendar-date.js";
