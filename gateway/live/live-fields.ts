import { type ConstDirectiveNode, type ConstValueNode, Kind, parse } from "graphql";

/** A subscription field served from events, as declared with `@live` in its subgraph. */
export interface LiveField {
  /** Subscription field name, e.g. `transactionPosted`. */
  name: string;
  topic: string;
  events: ReadonlySet<string>;
  /** Query field taking `(id: ID!)` that returns the entity for one subscriber. */
  lookup: string;
  /** Event data field holding the entity id. */
  idField: string;
  /** Subscription argument → event data field; all must be equal for delivery. */
  match: ReadonlyArray<{ argument: string; dataField: string }>;
  /** `owner`: only the user the event is keyed by; `lookup`: whoever the lookup returns it to. */
  audience: "owner" | "lookup";
  /** Whether the Subscription field may be null: decides how a subscription tied to a vanished entity ends. */
  nullable: boolean;
}

function literal(value: ConstValueNode | undefined): unknown {
  if (!value) return undefined;
  switch (value.kind) {
    case Kind.STRING:
      return value.value;
    case Kind.LIST:
      return value.values.map(literal);
    default:
      return undefined;
  }
}

function argument(directive: ConstDirectiveNode, name: string): unknown {
  return literal(directive.arguments?.find((a) => a.name.value === name)?.value);
}

/** Reads every `@live` Subscription field from the composed supergraph. */
export function liveFieldsOf(supergraphSdl: string): LiveField[] {
  const document = parse(supergraphSdl);
  const fields: LiveField[] = [];
  for (const definition of document.definitions) {
    if (
      (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) ||
      definition.name.value !== "Subscription"
    )
      continue;
    for (const field of definition.fields ?? []) {
      const live = field.directives?.find((d) => d.name.value === "live");
      if (!live) continue;
      const match = ((argument(live, "match") as string[] | undefined) ?? []).map((pair) => {
        const [arg, dataField] = pair.split("=");
        if (!arg || !dataField) throw new Error(`@live on Subscription.${field.name.value}: match "${pair}" is not "argument=dataField"`);
        return { argument: arg, dataField };
      });
      fields.push({
        name: field.name.value,
        topic: argument(live, "topic") as string,
        events: new Set(argument(live, "events") as string[]),
        lookup: argument(live, "lookup") as string,
        idField: argument(live, "id") as string,
        match,
        audience: argument(live, "audience") === "lookup" ? "lookup" : "owner",
        nullable: field.type.kind !== Kind.NON_NULL_TYPE,
      });
    }
  }
  return fields;
}
