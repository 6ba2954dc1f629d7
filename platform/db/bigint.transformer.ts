import type { ValueTransformer } from "typeorm";

/** PostgreSQL bigint ↔ JS bigint. pg returns int8 as a string so no precision is lost on the way. */
export const bigintColumn: ValueTransformer = {
  to: (value: bigint | null | undefined) => (value === null || value === undefined ? value : value.toString()),
  from: (value: string | null) => (value === null ? null : BigInt(value)),
};
