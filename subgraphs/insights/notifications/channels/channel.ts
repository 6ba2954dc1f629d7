import type { NotificationChannelV1, NotificationKindV1 } from "../../../../schema/events/notifications.js";

/** One notification as a channel sends it: already rendered in the user's locale. */
export interface RenderedNotification {
  notificationId: string;
  userId: string;
  kind: NotificationKindV1;
  title: string;
  body: string;
  /** A path in the web app ("/budgets/<id>"), or null. */
  link: string | null;
}

export type SendOutcome =
  | { status: "SENT"; detail?: string }
  | { status: "SKIPPED"; reason: string }
  | { status: "RETRY"; error: string }
  | { status: "FAILED"; error: string };

/** A way to reach a user. Each channel finds its own recipient data (address, push subscriptions) by user id. */
export interface NotificationChannel {
  readonly name: NotificationChannelV1;
  send(message: RenderedNotification): Promise<SendOutcome>;
}
