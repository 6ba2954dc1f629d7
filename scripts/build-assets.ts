/**
 * Second half of `npm run build`: tsc compiles code only, while the compiled gateway reads the
 * committed supergraph and the trusted-document manifest next to itself (dist/schema,
 * dist/generated/client), and the tax subgraph its tables (dist/subgraphs/tax/tables/data),
 * exactly as the sources read them next to theirs.
 */
import { cpSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// This file runs compiled, from dist/scripts/.
const dist = join(dirname(fileURLToPath(import.meta.url)), "..");
const root = join(dist, "..");
// The SDL only: the event contracts in schema/events are TypeScript, compiled into dist/schema/events by tsc.
cpSync(join(root, "schema"), join(dist, "schema"), { recursive: true, filter: (source) => !source.endsWith(".ts") });
const manifest = join("generated", "client", "persisted-documents.json");
cpSync(join(root, manifest), join(dist, manifest));
// Tax tables are data files, read at startup relative to the compiled table-catalog.js.
const taxTables = join("subgraphs", "tax", "tables", "data");
cpSync(join(root, taxTables), join(dist, taxTables), { recursive: true });
