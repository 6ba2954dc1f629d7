import { composeServices } from "@apollo/composition";
import { type GraphQLSchema, parse } from "graphql";

import { FEDERATION_LINK } from "../../platform/graphql/federation.js";

/** Two small subgraphs for the authz tests: accounts (@authenticated) and ledger (@requiresScopes). */
export const ACCOUNTS_SDL = `${FEDERATION_LINK}

type Query {
  publicInfo: String
  me: User @authenticated
  user(id: ID!): User
  users: [User!]!
  secret: Secret
  nodes: [Node!]!
}

type User @key(fields: "id") {
  id: ID!
  name: String
  email: String! @authenticated
  profile: Profile
}

type Profile {
  bio: String
  phone: String @authenticated
}

"Everything about a secret needs a signed-in caller."
type Secret @authenticated {
  code: String!
}

interface Node {
  id: ID!
}

type Article implements Node {
  id: ID!
  title: String
}

type Memo implements Node {
  id: ID!
  body: String @authenticated
}
`;

export const LEDGER_SDL = `${FEDERATION_LINK}

type Query {
  ledger: [Entry!]! @requiresScopes(scopes: [["ledger:read"], ["admin"]])
  entryCount: Int
}

type Entry {
  id: ID!
  amount: String!
}

type User @key(fields: "id") {
  id: ID!
  balance: String! @requiresScopes(scopes: [["ledger:read"], ["admin"]])
}
`;

export interface ComposedFixture {
  supergraphSdl: string;
  apiSchema: GraphQLSchema;
}

export function composeFixture(): ComposedFixture {
  const composed = composeServices([
    { name: "accounts", url: "http://accounts.invalid/graphql", typeDefs: parse(ACCOUNTS_SDL) },
    { name: "ledger", url: "http://ledger.invalid/graphql", typeDefs: parse(LEDGER_SDL) },
  ]);
  if (composed.errors) throw new Error(`composition failed: ${composed.errors.map((error) => error.message).join("; ")}`);
  return { supergraphSdl: composed.supergraphSdl, apiSchema: composed.schema.toAPISchema().toGraphQLJSSchema() };
}
