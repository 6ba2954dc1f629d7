import { randomUUID } from "node:crypto";

/** Ids are generated in code (not by the database) so tests can pin them and PGlite needs no extension. */
export interface IdGenerator {
  next(): string;
}

export const randomIds: IdGenerator = { next: () => randomUUID() };

/** Deterministic ids for tests: 00000000-0000-4000-8000-000000000001, ...2, ... */
export function sequentialIds(start = 1): IdGenerator {
  let n = start;
  return { next: () => `00000000-0000-4000-8000-${(n++).toString(16).padStart(12, "0")}` };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids from clients are checked before they reach a uuid column: a cast error would be a 500. */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}
