import type { ContainerType } from "type-graphql";

import { buildFederatedSchema, type FederatedSchema } from "../graphql/federation.js";
import type { AnySubgraphModule, SubgraphModule } from "./define.js";

/**
 * Builds the subgraph's federated schema. Resolver classes are constructed lazily with the
 * subgraph's deps, so the SDL can be printed (compose, drift test) without a database.
 */
export function buildSubgraphSchemaFor<Deps>(module: SubgraphModule<Deps>, deps?: Deps): Promise<FederatedSchema> {
  const instances = new Map<Function, unknown>();
  const container: ContainerType = {
    get(cls: new (deps: Deps) => unknown) {
      if (deps === undefined) throw new Error(`subgraph ${module.name} was built without deps`);
      let instance = instances.get(cls);
      if (!instance) {
        instance = new cls(deps);
        instances.set(cls, instance);
      }
      return instance;
    },
  };
  return buildFederatedSchema({
    resolvers: module.resolvers,
    orphanedTypes: module.orphanedTypes,
    references: deps === undefined ? undefined : module.references?.(deps),
    container,
  });
}

/** The SDL committed as schema/<name>.graphql. */
export async function printSubgraphSdl(module: AnySubgraphModule): Promise<string> {
  return (await buildSubgraphSchemaFor(module)).sdl;
}
