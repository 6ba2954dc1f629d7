import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "schema");

/** The committed supergraph, composed by `npm run compose`. */
export function readSupergraphSdl(path = join(SCHEMA_DIR, "supergraph.graphql")): string {
  return readFileSync(path, "utf8");
}
