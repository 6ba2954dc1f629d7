import { readFileSync } from "node:fs";

import {
  buildSchema,
  getNamedType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
} from "graphql";

/** One step into an argument: its name, and whether it is a list there (a list of IDs, or of input objects). */
export interface PathStep {
  name: string;
  list: boolean;
}

/** Where an ID sits in a root field's arguments, e.g. `input.split.parts.memberId`. */
export interface IdSlot {
  path: string;
  steps: PathStep[];
  /** Non-null all the way down: the call needs a value there even when the slot is not under test. */
  required: boolean;
}

export interface IdField {
  /** "Query.budget", "Mutation.updateBudget", "Subscription.budgetUpdated". */
  coordinate: string;
  operation: "query" | "mutation" | "subscription";
  field: GraphQLField<unknown, unknown>;
  slots: IdSlot[];
}

const isList = (type: GraphQLInputType): boolean => isListType(isNonNullType(type) ? type.ofType : type);

function idSlots(type: GraphQLInputType, steps: PathStep[], seen: ReadonlySet<string>, required: boolean): IdSlot[] {
  const named = getNamedType(type);
  const here = required && isNonNullType(type);
  if (named.name === "ID") return [{ path: steps.map((s) => s.name).join("."), steps, required: here }];
  // Recursive inputs are walked once per branch: an ID slot is found on the first pass.
  if (!isInputObjectType(named) || seen.has(named.name)) return [];
  const inner = new Set(seen).add(named.name);
  return Object.values(named.getFields()).flatMap((f) => idSlots(f.type, [...steps, { name: f.name, list: isList(f.type) }], inner, here));
}

export const apiSchema = (): GraphQLSchema => buildSchema(readFileSync("schema/api.graphql", "utf8"));

/** Every root field of the public API with an ID argument, directly or inside its inputs. */
export function idTakingFields(schema: GraphQLSchema): IdField[] {
  const roots = [
    ["query", schema.getQueryType()],
    ["mutation", schema.getMutationType()],
    ["subscription", schema.getSubscriptionType()],
  ] as const;
  return roots.flatMap(([operation, root]) =>
    Object.values(root?.getFields() ?? {})
      .map((field) => ({
        coordinate: `${root!.name}.${field.name}`,
        operation,
        field,
        slots: field.args.flatMap((a) => idSlots(a.type, [{ name: a.name, list: isList(a.type) }], new Set(), true)),
      }))
      .filter((f) => f.slots.length > 0),
  );
}

/** `Subgraph.Type` for every `@key` type in each subgraph's SDL (schema/<name>.graphql). */
export function entityTypes(subgraphs: string[]): Array<{ subgraph: string; type: string; fields: string[] }> {
  return subgraphs.flatMap((subgraph) => {
    const doc = parse(readFileSync(`schema/${subgraph}.graphql`, "utf8"));
    return doc.definitions.flatMap((d) =>
      (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) && d.directives?.some((x) => x.name.value === "key")
        ? [
            {
              subgraph,
              type: d.name.value,
              // Leaf fields without arguments: what a caller who resolved the reference would read.
              fields: (d.fields ?? [])
                .filter((f) => !(f.arguments?.length ?? 0))
                .filter((f) => {
                  let t = f.type;
                  while (t.kind !== Kind.NAMED_TYPE) t = t.type;
                  return ["ID", "String", "Int", "Boolean", "Float", "DateTimeISO"].includes(t.name.value);
                })
                .map((f) => f.name.value),
            },
          ]
        : [],
    );
  });
}

/** `id` plus the ids one level down, so a leaked object shows in the answer; `__typename` keeps it valid. */
export function selectionFor(type: GraphQLOutputType, depth = 0): string {
  const named: GraphQLNamedType = getNamedType(type);
  if (!isObjectType(named) && !isInterfaceType(named)) return isLeafOnly(named) ? "" : "{ __typename }";
  const fields = named.getFields();
  const parts = ["__typename"];
  if (fields.id) parts.push("id");
  if (depth < 2) {
    for (const f of Object.values(fields)) {
      if (f.name === "id" || f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
      const inner = getNamedType(f.type);
      if ((isObjectType(inner) || isInterfaceType(inner)) && (inner.getFields().id || depth === 0))
        parts.push(`${f.name} ${selectionFor(f.type, depth + 1)}`);
    }
  }
  return `{ ${parts.join(" ")} }`;
}

const isLeafOnly = (named: GraphQLNamedType) => !isObjectType(named) && !isInterfaceType(named) && !("getTypes" in named);

/** `mutation($id: ID!, ...) { field(id: $id, ...) { selection } }` for a root field. */
export function operationFor(f: IdField): string {
  const args = f.field.args;
  const defs = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(", ");
  const call = args.map((a) => `${a.name}: $${a.name}`).join(", ");
  return `${f.operation}${defs ? `(${defs})` : ""} { ${f.field.name}${call ? `(${call})` : ""} ${selectionFor(f.field.type)} }`;
}

/** Sets `value` at a slot, making the objects and one-element lists on the way. */
export function setSlot(variables: Record<string, any>, slot: IdSlot, value: string): void {
  let at: any = variables;
  slot.steps.forEach((step, i) => {
    const last = i === slot.steps.length - 1;
    if (last) {
      at[step.name] = step.list ? [value] : value;
      return;
    }
    if (step.list) {
      at[step.name] ??= [{}];
      at = at[step.name][0];
    } else {
      at[step.name] ??= {};
      at = at[step.name];
    }
  });
}

const VOLATILE = /(At|Date|Until|Url|Percent|requiredPerMemberPerMonth|remaining|lastUsed)$/;

/** Every argument-free leaf two levels deep: what the owner reads before and after, to see nothing moved. */
export function snapshotSelection(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (!isObjectType(named) && !isInterfaceType(named)) return isLeafOnly(named) ? "" : "{ __typename }";
  const parts = ["__typename"];
  for (const f of Object.values(named.getFields())) {
    if (f.args.length || VOLATILE.test(f.name)) continue;
    const inner = getNamedType(f.type);
    if (isObjectType(inner) || isInterfaceType(inner)) {
      if (depth < 1) parts.push(`${f.name} ${snapshotSelection(f.type, depth + 1)}`);
    } else if (isLeafOnly(inner)) parts.push(f.name);
  }
  return `{ ${parts.join(" ")} }`;
}
