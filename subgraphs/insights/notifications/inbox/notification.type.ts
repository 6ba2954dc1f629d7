import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";

import { PageInfo } from "../../../../platform/graphql/index.js";
import { NOTIFICATION_KINDS, type NotificationChannelV1, type NotificationKindV1 } from "../../../../schema/events/notifications.js";
import type { RenderedText } from "../templates/templates.js";
import type { DeliveryRecord, NotificationRecord } from "./notification.store.js";

export const NotificationKindEnum = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, k])) as { [K in NotificationKindV1]: K };
registerEnumType(NotificationKindEnum, { name: "NotificationKind", description: "What a notification is about." });

export const NotificationChannelEnum = { IN_APP: "IN_APP", EMAIL: "EMAIL", PUSH: "PUSH", SMS: "SMS" } as const satisfies Record<
  NotificationChannelV1,
  NotificationChannelV1
>;
registerEnumType(NotificationChannelEnum, { name: "NotificationChannel", description: "A way notifications reach a user." });

@ObjectType("NotificationDeliveryAttempt")
export class NotificationDeliveryAttempt {
  @Field(() => Date)
  at!: Date;

  @Field(() => String, { description: "SENT, RETRY, FAILED, SKIPPED, PAUSED or LEASE_EXPIRED (a sender stopped mid-send; sent again)." })
  outcome!: string;

  @Field(() => String, { nullable: true })
  error!: string | null;
}

@ObjectType("NotificationDelivery", { description: "One channel's delivery of a notification, with its attempts." })
export class NotificationDelivery {
  @Field(() => NotificationChannelEnum)
  channel!: NotificationChannelV1;

  @Field(() => String, { description: "PENDING, WAITING (quiet hours or digest), SENDING, SENT, FAILED, SKIPPED or PAUSED." })
  status!: string;

  @Field(() => Int)
  attempts!: number;

  @Field(() => Date, { nullable: true, description: "When it is tried next (or sent, once waiting ends)." })
  nextAttemptAt!: Date | null;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field(() => [NotificationDeliveryAttempt])
  log!: NotificationDeliveryAttempt[];

  static from(d: DeliveryRecord): NotificationDelivery {
    return Object.assign(new NotificationDelivery(), {
      channel: d.channel,
      status: d.status,
      attempts: d.attempts,
      nextAttemptAt: d.status === "SENT" || d.status === "FAILED" ? null : d.nextAttemptAt,
      lastError: d.lastError,
      log: d.log.map((a) =>
        Object.assign(new NotificationDeliveryAttempt(), { at: new Date(a.at), outcome: a.outcome, error: a.error ?? null }),
      ),
    });
  }
}

@ObjectType("Notification", { description: "Something the user should know, in their inbox; title and body in their locale." })
export class Notification {
  @Field(() => ID)
  id!: string;

  @Field(() => NotificationKindEnum)
  kind!: NotificationKindV1;

  @Field(() => String, { description: "HIGH, NORMAL or LOW." })
  priority!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  body!: string;

  @Field(() => String, { nullable: true, description: "A path in the web app, e.g. /budgets/<id>." })
  link!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  readAt!: Date | null;

  static from(n: NotificationRecord, text: RenderedText): Notification {
    return Object.assign(new Notification(), {
      id: n.id,
      kind: n.kind,
      priority: n.priority,
      ...text,
      createdAt: n.createdAt,
      readAt: n.readAt,
    });
  }
}

@ObjectType("NotificationEdge")
export class NotificationEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Notification)
  node!: Notification;
}

@ObjectType("NotificationConnection", { description: "Newest first." })
export class NotificationConnection {
  @Field(() => [NotificationEdge])
  edges!: NotificationEdge[];

  @Field(() => [Notification])
  nodes!: Notification[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@InputType("MarkNotificationsReadInput", { description: "Either ids (at most 500) or all: true." })
export class MarkNotificationsReadInput {
  @Field(() => [ID], { nullable: true })
  ids?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  all?: boolean | null;
}

@ObjectType("MarkNotificationsReadPayload")
export class MarkNotificationsReadPayload {
  @Field(() => Int, { description: "How many were unread and are read now." })
  marked!: number;

  @Field(() => Int)
  unreadCount!: number;
}
