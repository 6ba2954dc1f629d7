import { getNamedType, type GraphQLSchema, isObjectType, isUnionType, Kind, type OperationDefinitionNode } from "graphql";

import { ALL_SCOPES, type AuthzCaller } from "./requirements.js";

/**
 * What identity's sign-in mutations (register, login, verifyMfa, completeExternalLogin,
 * refreshSession) answer with, directly or as a member of a union (LoginResult).
 */
export const SIGN_IN_PAYLOAD_TYPE = "AuthPayload";

/** The caller a sign-in mutation is about to create: a session, which holds every scope. */
export const SIGNING_IN: AuthzCaller = Object.freeze({ userId: "(signing in)", scopes: Object.freeze([ALL_SCOPES]) as readonly string[] });

/**
 * Response keys of the root fields when the operation is a mutation made of sign-in mutations
 * only; null otherwise. A mutation that mixes a sign-in with anything else, or spreads fragments at
 * its root, is authorized for the caller as they are, like any other operation.
 */
export function signInFieldsOf(schema: GraphQLSchema, operation: OperationDefinitionNode | undefined): string[] | null {
  if (operation?.operation !== "mutation") return null;
  const mutation = schema.getMutationType();
  if (!mutation) return null;
  const keys: string[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return null;
    if (selection.name.value === "__typename") continue;
    const field = mutation.getFields()[selection.name.value];
    if (!field || !isSignInPayload(getNamedType(field.type))) return null;
    keys.push(selection.alias?.value ?? selection.name.value);
  }
  return keys.length > 0 ? keys : null;
}

function isSignInPayload(type: unknown): boolean {
  if (isObjectType(type)) return type.name === SIGN_IN_PAYLOAD_TYPE;
  return isUnionType(type) && type.getTypes().some((member) => member.name === SIGN_IN_PAYLOAD_TYPE);
}
