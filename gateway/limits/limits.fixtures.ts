// Schemas and helpers shared by this folder's tests.
import { readFileSync } from "node:fs";

import { buildSchema, type GraphQLSchema } from "graphql";

let api: GraphQLSchema | undefined;

/** The client-facing schema, as the gateway serves it. */
export function apiSchema(): GraphQLSchema {
  api ??= buildSchema(readFileSync(new URL("../../schema/api.graphql", import.meta.url), "utf8"));
  return api;
}

/** Small and recursive, so depth and cost figures can be worked out by hand. */
export const nestedSchema = buildSchema(/* GraphQL */ `
  type Query {
    accounts(first: Int, last: Int): [Account!]!
    account(id: ID!): Account
    node: Node
    search(limit: Int): [SearchResult!]!
    page(first: Int = 4, after: String): TransactionPage!
  }
  type TransactionPage {
    nodes: [Transaction!]!
    edges: [TransactionEdge!]!
    total: Int!
  }
  type TransactionEdge {
    cursor: String!
    node: Transaction!
  }
  type Mutation {
    rename(id: ID!, name: String!): Account!
  }
  type Account {
    id: ID!
    name: String!
    tags: [String!]!
    transactions(first: Int): [Transaction!]!
    owner: Owner!
  }
  type Transaction {
    id: ID!
    amount: Int!
    splits(limit: Int = 5): [Split!]!
    account: Account!
  }
  type Split {
    id: ID!
    amount: Int!
  }
  type Owner {
    id: ID!
    accounts: [Account!]!
  }
  type Node {
    name: String!
    child: Node
    children(first: Int): [Node!]!
  }
  union SearchResult = Account | Transaction
`);

/** `{ node { child { … { name } } } }` with exactly `depth` field levels (depth >= 2). */
export function nestedQuery(depth: number): string {
  return `{ node { ${"child { ".repeat(depth - 2)}name${" }".repeat(depth - 2)} } }`;
}

/**
 * CPU milliseconds `work` took in this process: unlike wall time, other processes loading the
 * machine do not inflate it.
 */
export function cpuMillis(work: () => unknown): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1_000;
}
