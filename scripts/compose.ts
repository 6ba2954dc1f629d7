/**
 * `npm run compose`: prints each subgraph's SDL from code into schema/<name>.graphql and composes
 * schema/supergraph.graphql and schema/api.graphql. `--check` only reports drift (exit 1).
 */
import "reflect-metadata";

import { mkdirSync, writeFileSync } from "node:fs";

import { SCHEMA_DIR } from "../gateway/supergraph.js";
// Imported directly, not through the subgraph index, so composing never loads database drivers.
import { composeSupergraph, readIfExists, schemaFiles } from "../platform/subgraph/compose.js";
import { loadSubgraphs } from "../platform/subgraph/discover.js";

const check = process.argv.includes("--check");
try {
  const files = schemaFiles(SCHEMA_DIR, await composeSupergraph(await loadSubgraphs()));
  const stale = Object.entries(files).filter(([path, text]) => readIfExists(path) !== text);
  if (check) {
    for (const [path] of stale) console.error(`out of date: ${path}`);
    process.exit(stale.length ? 1 : 0);
  }
  mkdirSync(SCHEMA_DIR, { recursive: true });
  for (const [path, text] of stale) writeFileSync(path, text);
  console.log(stale.length ? `wrote ${stale.map(([p]) => p.slice(SCHEMA_DIR.length + 1)).join(", ")}` : "schema is up to date");
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
