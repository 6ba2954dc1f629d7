import { type ASTNode, type DocumentNode, type FieldNode, Kind, type OperationDefinitionNode, OperationTypeNode, visit } from "graphql";

import type { LiveField } from "./live-fields.js";

/** Variable carrying the entity id into the lookup query; a name clients cannot collide with. */
export const LIVE_ID_VARIABLE = "__liveEntityId";

export interface LiveOperation {
  field: LiveField;
  /** Response key the client expects (alias or field name). */
  responseKey: string;
  /** Argument values of the subscription field (literals and variables resolved). */
  args: Record<string, unknown>;
  /** `query { <responseKey>: <lookup>(id: $__liveEntityId) { …the subscriber's selection… } }`. */
  lookup: DocumentNode;
}

function argumentValues(field: FieldNode, variables: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const arg of field.arguments ?? []) {
    const v = arg.value;
    if (v.kind === Kind.VARIABLE) values[arg.name.value] = variables[v.name.value];
    else if (v.kind === Kind.STRING || v.kind === Kind.ENUM) values[arg.name.value] = v.value;
    else if (v.kind === Kind.INT) values[arg.name.value] = Number(v.value);
    else if (v.kind === Kind.BOOLEAN) values[arg.name.value] = v.value;
  }
  return values;
}

/**
 * Turns a validated subscription operation into the query that resolves one update for one
 * subscriber, through the ordinary federated query path: the live field becomes its lookup field,
 * the selection (and fragments, and variables) stay as the client wrote them.
 */
export function toLiveOperation(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  liveFields: ReadonlyMap<string, LiveField>,
): LiveOperation | string {
  const lookup = toLiveLookup(document, operation, liveFields);
  return typeof lookup === "string" ? lookup : withArguments(lookup, variables);
}

/** A live operation without its argument values: the same for every subscriber of one document, so it can be shared. */
export type LiveLookup = Omit<LiveOperation, "args"> & { root: FieldNode };

/** One subscriber's operation from a shared lookup: only the argument values are its own. */
export function withArguments(lookup: LiveLookup, variables: Record<string, unknown>): LiveOperation {
  return { field: lookup.field, responseKey: lookup.responseKey, lookup: lookup.lookup, args: argumentValues(lookup.root, variables) };
}

/** The part of {@link toLiveOperation} that does not depend on variables. */
export function toLiveLookup(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  liveFields: ReadonlyMap<string, LiveField>,
): LiveLookup | string {
  const roots = operation.selectionSet.selections;
  const root = roots[0];
  if (roots.length !== 1 || !root || root.kind !== Kind.FIELD) return "a subscription selects exactly one live field";
  const field = liveFields.get(root.name.value);
  if (!field) return `Subscription.${root.name.value} is not a live field`;
  const responseKey = root.alias?.value ?? root.name.value;
  const lookupField: FieldNode = {
    ...root,
    alias: { kind: Kind.NAME, value: responseKey },
    name: { kind: Kind.NAME, value: field.lookup },
    arguments: [
      {
        kind: Kind.ARGUMENT,
        name: { kind: Kind.NAME, value: "id" },
        value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: LIVE_ID_VARIABLE } },
      },
    ],
  };
  // Variables used only by the subscription field's own arguments are no longer referenced, and
  // GraphQL rejects unused variable definitions.
  const used = new Set<string>();
  const collect = (node: ASTNode) => visit(node, { Variable: (v) => void used.add(v.name.value) });
  if (root.selectionSet) collect(root.selectionSet);
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) collect(d);
  const query: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: OperationTypeNode.QUERY,
    name: { kind: Kind.NAME, value: "LiveLookup" },
    variableDefinitions: [
      {
        kind: Kind.VARIABLE_DEFINITION,
        variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: LIVE_ID_VARIABLE } },
        type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: "ID" } } },
      },
      ...(operation.variableDefinitions ?? []).filter((v) => used.has(v.variable.name.value)),
    ],
    directives: [],
    selectionSet: { kind: Kind.SELECTION_SET, selections: [lookupField] },
  };
  return {
    field,
    responseKey,
    root,
    lookup: { kind: Kind.DOCUMENT, definitions: [query, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)] },
  };
}
