/**
 * `npm run migration:create -- <subgraph> <kebab-name>`: writes
 * `subgraphs/<subgraph>/migrations/<epoch-ms>-<kebab-name>.ts` and says which list to add it to.
 * Migrations are append-only: never edit one that has landed, write the next.
 */
import { existsSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { newMigration } from "./migration-template.js";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const [subgraph, name] = process.argv.slice(2);
if (!subgraph || !name) {
  console.error("usage: npm run migration:create -- <subgraph> <kebab-name>   e.g. npm run migration:create -- ledger add-payee-index");
  process.exit(2);
}
try {
  if (!existsSync(join(repo, "subgraphs", subgraph, "subgraph.ts")))
    throw new Error(`no subgraph "${subgraph}" (subgraphs/${subgraph}/subgraph.ts)`);
  const migration = newMigration(subgraph, name, Date.now());
  writeFileSync(join(repo, migration.path), migration.source, { flag: "wx" });
  console.log(
    `wrote ${migration.path}\nnext: add ${migration.className} at the END of \`migrations\` in subgraphs/${subgraph}/subgraph.ts`,
  );
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
