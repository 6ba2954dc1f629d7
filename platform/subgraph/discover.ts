import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import type { AnySubgraphModule } from "./define.js";

/** The repo's `subgraphs/` folder (works from source and from compiled `dist/`). */
export const SUBGRAPHS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "subgraphs");

/** Names of the implemented subgraphs: every `subgraphs/<name>/subgraph.(ts|js)`, sorted. */
export function subgraphNames(dir = SUBGRAPHS_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && (existsSync(join(dir, d.name, "subgraph.ts")) || existsSync(join(dir, d.name, "subgraph.js"))))
    .map((d) => d.name)
    .sort();
}

export async function loadSubgraph(name: string, dir = SUBGRAPHS_DIR): Promise<AnySubgraphModule> {
  const file = existsSync(join(dir, name, "subgraph.js")) ? "subgraph.js" : "subgraph.ts";
  const loaded = (await import(pathToFileURL(join(dir, name, file)).href)) as { default?: AnySubgraphModule };
  if (!loaded.default || loaded.default.name !== name) {
    throw new Error(`subgraphs/${name}/${file} must default-export defineSubgraph({ name: "${name}", ... })`);
  }
  return loaded.default;
}

/** Every implemented subgraph, in port order. */
export async function loadSubgraphs(dir = SUBGRAPHS_DIR): Promise<AnySubgraphModule[]> {
  const modules = await Promise.all(subgraphNames(dir).map((n) => loadSubgraph(n, dir)));
  return modules.sort((a, b) => a.port - b.port);
}
