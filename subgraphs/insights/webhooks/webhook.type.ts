import { Field, ID, Int, ObjectType } from "type-graphql";

import { PageInfo } from "../../../platform/graphql/index.js";
import type { WebhookEventKind } from "./webhook-catalogue.js";
import type { StoredAttempt, StoredDelivery } from "./webhook-delivery.store.js";
import type { StoredEndpoint } from "./webhook-endpoint.store.js";

@ObjectType("WebhookEventKind", { description: "An event kind endpoints can subscribe to." })
export class WebhookEventKindType {
  @Field(() => String) name!: string;
  @Field(() => String) description!: string;
  @Field(() => String, { nullable: true, description: "The scope the endpoint's creator must hold; null: any." }) scope!: string | null;

  static from(k: WebhookEventKind): WebhookEventKindType {
    return Object.assign(new WebhookEventKindType(), { name: k.name, description: k.description, scope: k.scope });
  }
}

@ObjectType("WebhookEndpoint", { description: "Where Moneta POSTs signed events of your account." })
export class WebhookEndpointType {
  @Field(() => ID) id!: string;
  @Field(() => String) url!: string;
  @Field(() => String) description!: string;
  @Field(() => [String]) events!: string[];
  @Field(() => Boolean) enabled!: boolean;
  @Field(() => Date, { nullable: true }) disabledAt!: Date | null;
  @Field(() => String, { nullable: true, description: "Why it was disabled: by you, or after repeated failures." }) disabledReason!:
    string | null;
  @Field(() => Int, { description: "Failed attempts in a row; 20 disable the endpoint." }) consecutiveFailures!: number;
  @Field(() => Date, { nullable: true, description: "Until when the secret before the last rotation still signs." })
  previousSecretExpiresAt!: Date | null;
  @Field(() => Date) createdAt!: Date;

  static from(e: StoredEndpoint): WebhookEndpointType {
    return Object.assign(new WebhookEndpointType(), {
      id: e.id,
      url: e.url,
      description: e.description,
      events: e.events,
      enabled: e.enabled,
      disabledAt: e.disabledAt,
      disabledReason: e.disabledReason,
      consecutiveFailures: e.consecutiveFailures,
      previousSecretExpiresAt: e.previousSecretExpiresAt,
      createdAt: e.createdAt,
    });
  }
}

@ObjectType("CreatedWebhookEndpoint")
export class CreatedWebhookEndpoint {
  @Field(() => WebhookEndpointType) endpoint!: WebhookEndpointType;
  @Field(() => String, { description: "The signing secret (whsec_…), shown this once: keep it." }) secret!: string;
}

@ObjectType("RotatedWebhookSecret")
export class RotatedWebhookSecret {
  @Field(() => WebhookEndpointType) endpoint!: WebhookEndpointType;
  @Field(() => String, { description: "The new signing secret, shown this once; the previous one signs too for 24 hours." })
  secret!: string;
}

@ObjectType("WebhookAttempt")
export class WebhookAttemptType {
  @Field(() => Int) attempt!: number;
  @Field(() => Date) attemptedAt!: Date;
  @Field(() => Int, { nullable: true, description: "Null when no answer came." }) responseCode!: number | null;
  @Field(() => Int) durationMs!: number;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => String, { description: "At most the first 1 KB of the answer." }) responseBody!: string;

  static from(a: StoredAttempt): WebhookAttemptType {
    return Object.assign(new WebhookAttemptType(), {
      attempt: a.attempt,
      attemptedAt: a.attemptedAt,
      responseCode: a.statusCode,
      durationMs: a.durationMs,
      error: a.error,
      responseBody: a.responseBody,
    });
  }
}

@ObjectType("WebhookDelivery", { description: "One event for one endpoint, with its retries." })
export class WebhookDeliveryType {
  @Field(() => ID, { description: "Sent as Moneta-Delivery, the same on every retry." }) id!: string;
  @Field(() => ID, { description: "The payload's id: the same for every endpoint." }) eventId!: string;
  @Field(() => String, { description: "The event kind (Moneta-Event)." }) event!: string;
  @Field(() => String, { description: "PENDING, DELIVERED or FAILED." }) status!: string;
  @Field(() => Int) attempts!: number;
  @Field(() => Int, { nullable: true }) responseCode!: number | null;
  @Field(() => Int, { nullable: true }) durationMs!: number | null;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => Date, { nullable: true }) nextAttemptAt!: Date | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
  @Field(() => Boolean, { description: "Sent by testWebhookEndpoint." }) test!: boolean;

  static from(d: StoredDelivery): WebhookDeliveryType {
    return Object.assign(new WebhookDeliveryType(), {
      id: d.id,
      eventId: d.eventId,
      event: d.eventType,
      status: d.status,
      attempts: d.attempts,
      responseCode: d.lastStatusCode,
      durationMs: d.lastDurationMs,
      lastError: d.lastError,
      nextAttemptAt: d.status === "PENDING" ? d.nextAttemptAt : null,
      createdAt: d.createdAt,
      completedAt: d.completedAt,
      test: d.test,
    });
  }
}

@ObjectType("WebhookDeliveryConnection")
export class WebhookDeliveryConnection {
  @Field(() => [WebhookDeliveryType]) nodes!: WebhookDeliveryType[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
