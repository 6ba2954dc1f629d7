import { buildSchema, Kind, type OperationDefinitionNode, parse } from "graphql";
import { describe, expect, it } from "vitest";

import { signInFieldsOf } from "./sign-in.js";

const schema = buildSchema(`
  type User { id: ID! accounts: [String!]! }
  type AuthPayload { accessToken: String! user: User! }
  type MfaChallenge { challenge: String! }
  union LoginResult = AuthPayload | MfaChallenge
  type Query { me: User }
  type Mutation { register: AuthPayload! login: LoginResult! createAccount: String! logout: Boolean! }
`);
const operation = (source: string) =>
  parse(source).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);

describe("signInFieldsOf", () => {
  it("names the root fields of a mutation made of sign-ins only (AuthPayload, or a union holding it)", () => {
    expect(signInFieldsOf(schema, operation(`mutation { register { accessToken user { accounts } } }`))).toEqual(["register"]);
    expect(signInFieldsOf(schema, operation(`mutation { __typename signIn: login { ... on MfaChallenge { challenge } } }`))).toEqual([
      "signIn",
    ]);
  });

  it("is null for anything else, which is authorized for the caller as they are", () => {
    expect(signInFieldsOf(schema, operation(`mutation { register { accessToken } createAccount }`))).toBeNull();
    expect(signInFieldsOf(schema, operation(`mutation { logout }`))).toBeNull();
    expect(signInFieldsOf(schema, operation(`mutation { ...F } fragment F on Mutation { register { accessToken } }`))).toBeNull();
    expect(signInFieldsOf(schema, operation(`{ me { accounts } }`))).toBeNull();
    expect(signInFieldsOf(schema, undefined)).toBeNull();
  });
});
