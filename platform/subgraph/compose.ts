import { readFileSync } from "node:fs";
import { join } from "node:path";

import { composeServices } from "@apollo/composition";
import { parse, printSchema } from "graphql";

import type { AnySubgraphModule } from "./define.js";
import { printSubgraphSdl } from "./schema.js";

export interface ComposedSchemas {
  /** name → SDL printed from code. */
  subgraphs: Record<string, string>;
  supergraph: string;
  /** The client-facing schema (what the gateway exposes). */
  api: string;
}

/** Default routing URL of a subgraph; the gateway can override it per environment. */
export const defaultSubgraphUrl = (module: AnySubgraphModule) => `http://127.0.0.1:${module.port}/graphql`;

export class CompositionError extends Error {}

/** Prints every subgraph's SDL from code and composes the supergraph with @apollo/composition. */
export async function composeSupergraph(modules: AnySubgraphModule[]): Promise<ComposedSchemas> {
  const subgraphs: Record<string, string> = {};
  for (const module of modules) subgraphs[module.name] = await printSubgraphSdl(module);
  return composeFromSdl(
    modules.map((m) => ({ name: m.name, url: defaultSubgraphUrl(m), sdl: subgraphs[m.name]! })),
    subgraphs,
  );
}

export function composeFromSdl(
  services: Array<{ name: string; url: string; sdl: string }>,
  subgraphs: Record<string, string> = {},
): ComposedSchemas {
  const result = composeServices(services.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors) throw new CompositionError(`composition failed:\n${result.errors.map((e) => `- ${e.message}`).join("\n")}`);
  return {
    subgraphs,
    supergraph: result.supergraphSdl,
    api: `${printSchema(result.schema.toAPISchema().toGraphQLJSSchema())}\n`,
  };
}

/** Committed schema files: schema/<name>.graphql, supergraph.graphql and api.graphql. */
export function schemaFiles(schemaDir: string, composed: ComposedSchemas): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, sdl] of Object.entries(composed.subgraphs)) files[join(schemaDir, `${name}.graphql`)] = sdl;
  files[join(schemaDir, "supergraph.graphql")] = composed.supergraph;
  files[join(schemaDir, "api.graphql")] = composed.api;
  return files;
}

export function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}
