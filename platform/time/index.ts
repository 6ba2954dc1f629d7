export * from "./calendar-date.js";
export { type Clock, FixedClock, systemClock } from "./clock.js";
export { type IdGenerator, isUuid, randomIds, sequentialIds } from "./ids.js";
