import { Field, ID, InputType, ObjectType } from "type-graphql";

import type { StoredPushSubscription } from "./push-subscription.store.js";

@ObjectType("PushSubscription", { description: "A browser that receives your Web Push notifications." })
export class PushSubscriptionType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "The push service URL the browser gave; it identifies the browser." })
  endpoint!: string;

  @Field(() => String, { nullable: true, description: "What the browser said it is, to tell devices apart." })
  userAgent!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { description: "Last registration of the same endpoint (a browser renewing its keys)." })
  updatedAt!: Date;

  @Field(() => Date, { nullable: true, description: "When a push service last accepted a notification for it." })
  lastSuccessAt!: Date | null;

  static from(s: StoredPushSubscription): PushSubscriptionType {
    return Object.assign(new PushSubscriptionType(), {
      id: s.id,
      endpoint: s.endpoint,
      userAgent: s.userAgent,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
      lastSuccessAt: s.lastSuccessAt,
    });
  }
}

@InputType({ description: "PushSubscription.toJSON().keys, in URL-safe base64." })
export class PushSubscriptionKeysInput {
  @Field(() => String, { description: "The browser's P-256 public key (65 bytes, uncompressed)." })
  p256dh!: string;

  @Field(() => String, { description: "The 16-byte authentication secret." })
  auth!: string;
}

@InputType({ description: "What the browser's PushManager.subscribe() returned." })
export class RegisterPushSubscriptionInput {
  @Field(() => String, { description: "https URL of the push service (at most 2,048 characters)." })
  endpoint!: string;

  @Field(() => PushSubscriptionKeysInput)
  keys!: PushSubscriptionKeysInput;

  @Field(() => String, { nullable: true, description: "navigator.userAgent, kept (first 256 characters) to name the device." })
  userAgent?: string | null;
}
