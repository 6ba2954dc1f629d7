import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/index.js";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { type GraphQLSchema, parse } from "graphql";
import { buildSchema, type ContainerType, createResolversMap, type NonEmptyArray } from "type-graphql";

import type { RequestContext } from "./context.js";
import { LIVE_DIRECTIVE_DEFINITION, LIVE_SCHEMA_EXTENSION, servedByGateway } from "./live.js";

/** Federation spec version and the directives subgraphs may use without a namespace. */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@override", "@tag", "@interfaceObject", "@authenticated", "@requiresScopes", "@cost", "@listSize", "@composeDirective"])';

/** `__resolveReference` per entity type name. Bypasses type-graphql: authorise and batch inside. */
export type ReferenceResolvers = Record<string, (reference: Record<string, unknown>, context: RequestContext) => unknown>;

export interface FederatedSchemaOptions {
  resolvers: NonEmptyArray<Function>;
  /** Entity types no query returns (e.g. a `User` stub extended with fields) must be listed. */
  orphanedTypes?: Function[];
  references?: ReferenceResolvers;
  /** Builds resolver instances; left out when only printing SDL. */
  container?: ContainerType;
}

export interface FederatedSchema {
  /** Subgraph SDL as committed under schema/<domain>.graphql and fed to composition. */
  sdl: string;
  schema: GraphQLSchema;
}

/** type-graphql classes → federation 2 subgraph schema with entity reference resolvers. */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<FederatedSchema> {
  const typeGraphqlSchema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    container: options.container,
    // Federation directives are unknown to plain graphql validation; composition checks them instead.
    skipCheck: true,
    validate: false,
    // type-graphql insists on a PubSub once a schema has subscriptions; ours never run in subgraphs.
    pubSub: { publish: servedByGateway, subscribe: servedByGateway },
  });
  // graphql's printSchema drops directives such as @key; the graphql-tools printer keeps them.
  const printed = printSchemaWithDirectives(typeGraphqlSchema).trim();
  const live = printed.includes("@live(") ? `${LIVE_SCHEMA_EXTENSION}\n\n${LIVE_DIRECTIVE_DEFINITION}\n\n` : "";
  const sdl = `${FEDERATION_LINK}\n\n${live}${printed}\n`;
  const resolvers = createResolversMap(typeGraphqlSchema) as GraphQLResolverMap<unknown>;
  for (const [typeName, resolveReference] of Object.entries(options.references ?? {})) {
    resolvers[typeName] = {
      ...(resolvers[typeName] as object),
      __resolveReference: resolveReference,
    } as GraphQLResolverMap<unknown>[string];
  }
  const schema = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers });
  return { sdl, schema };
}
