/**
 * Live (event-driven) subscriptions: a subgraph declares a Subscription field and marks it with
 * `@live`, naming the topic and events that update it and the Query field that looks the entity
 * up. The gateway consumes the topic, matches events to subscribers and resolves each
 * subscriber's selection through that lookup, i.e. through the ordinary federated query path, so a
 * subscription can select fields owned by any subgraph. Subgraphs never execute subscriptions.
 */
export const LIVE_SPEC_URL = "https://moneta.dev/live/v1.0";

export const LIVE_DIRECTIVE_DEFINITION = `"""
Served by the gateway from events. topic/events: what updates the field; lookup: a Query field taking
(id: ID!) that returns the entity for the subscriber; id: the event data field with the entity id;
match: "argument=dataField" pairs an event must satisfy; audience: "owner" (only the user the event
is keyed by) or "lookup" (anyone the lookup returns the entity to).
"""
directive @live(topic: String!, events: [String!]!, lookup: String!, id: String!, match: [String!], audience: String = "owner") on FIELD_DEFINITION`;

/** Schema extension a subgraph using @live needs: the spec link and composition of the directive. */
export const LIVE_SCHEMA_EXTENSION = `extend schema @link(url: "${LIVE_SPEC_URL}", import: ["@live"]) @composeDirective(name: "@live")`;

export interface LiveOptions {
  topic: string;
  events: string[];
  lookup: string;
  id: string;
  /**
   * Subscription argument → event data field. Pairing an argument with `id` ties each subscription
   * to one entity: once its lookup returns null (deleted, or no longer visible to the subscriber)
   * the gateway sends the field as null (a non-null field: data null and a NOT_FOUND error) and
   * completes the subscription.
   */
  match?: Record<string, string>;
  audience?: "owner" | "lookup";
}

/** The `@live(...)` application for type-graphql's `@Directive`. */
export function liveDirective(options: LiveOptions): string {
  const list = (values: string[]) => `[${values.map((v) => JSON.stringify(v)).join(", ")}]`;
  const parts = [
    `topic: ${JSON.stringify(options.topic)}`,
    `events: ${list(options.events)}`,
    `lookup: ${JSON.stringify(options.lookup)}`,
    `id: ${JSON.stringify(options.id)}`,
  ];
  if (options.match) parts.push(`match: ${list(Object.entries(options.match).map(([arg, field]) => `${arg}=${field}`))}`);
  if (options.audience) parts.push(`audience: ${JSON.stringify(options.audience)}`);
  return `@live(${parts.join(", ")})`;
}

/** `subscribe` for live fields in a subgraph: the gateway serves them; reaching here is a bug. */
export function servedByGateway(): never {
  throw new Error("live subscriptions are served by the gateway, not by subgraphs");
}
