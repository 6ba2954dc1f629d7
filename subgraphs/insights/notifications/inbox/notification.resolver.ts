import DataLoader from "dataloader";
import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";

import type { Caller } from "../../../../platform/auth/index.js";
import {
  liveDirective,
  PageInfo,
  type RequestContext,
  requireUserId,
  scopes,
  servedByGateway,
} from "../../../../platform/graphql/index.js";
import { INSIGHTS_NOTIFICATION_TOPIC, NOTIFICATION_RECEIVED } from "../../../../schema/events/insights.js";
import type { NotificationChannelV1 } from "../../../../schema/events/notifications.js";
import type { InsightsDeps } from "../../insights.deps.js";
import { renderNotification } from "../templates/templates.js";
import { badPageSize, idsOrAll, MAX_MARK_IDS, MAX_PAGE, notificationNotFound, notPausable, tooManyIds } from "./notification.errors.js";
import { type DeliveryRecord, encodeNotificationCursor, type NotificationRecord } from "./notification.store.js";
import {
  MarkNotificationsReadInput,
  MarkNotificationsReadPayload,
  Notification,
  NotificationChannelEnum,
  NotificationConnection,
  NotificationDelivery,
  NotificationEdge,
} from "./notification.type.js";

@Resolver(() => Notification)
export class NotificationResolver {
  /** Per request: the deliveries of every notification on the page in one query. */
  private readonly deliveriesLoader = (caller: Caller) =>
    new DataLoader<string, DeliveryRecord[], string>(async (ids) => {
      const rows = caller.userId ? await this.deps.notifications.store.deliveries(caller.userId, ids) : [];
      return ids.map((id) => rows.filter((r) => r.notificationId === id));
    });

  constructor(private readonly deps: InsightsDeps) {}

  private async present(userId: string, records: NotificationRecord[]): Promise<Notification[]> {
    if (!records.length) return [];
    const { locale, timezone } = await this.deps.notifications.settings.get(userId);
    return records.map((n) => Notification.from(n, renderNotification(n.kind, n.data, { locale, timezone })));
  }

  @Directive(scopes("insights:read"))
  @Query(() => NotificationConnection, { description: "The caller's in-app notifications, newest first (first: 1 to 100)." })
  async notifications(
    @Ctx() context: RequestContext,
    @Arg("first", () => Int, { defaultValue: 20 }) first: number,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("unreadOnly", () => Boolean, { defaultValue: false }) unreadOnly: boolean,
  ): Promise<NotificationConnection> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw badPageSize();
    const userId = requireUserId(context);
    const page = await this.deps.notifications.store.page(userId, first, after ?? null, unreadOnly);
    const nodes = await this.present(userId, page.rows);
    return Object.assign(new NotificationConnection(), {
      nodes,
      edges: nodes.map((node, i) => Object.assign(new NotificationEdge(), { node, cursor: encodeNotificationCursor(page.rows[i]!) })),
      pageInfo: Object.assign(new PageInfo(), {
        hasNextPage: page.hasNextPage,
        endCursor: page.rows.length ? encodeNotificationCursor(page.rows.at(-1)!) : null,
      }),
    });
  }

  @Directive(scopes("insights:read"))
  @Query(() => Notification, { nullable: true, description: "One of the caller's notifications; null for another user's." })
  async notification(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<Notification | null> {
    const userId = requireUserId(context);
    const found = await this.deps.notifications.store.find(userId, id);
    return found ? ((await this.present(userId, [found]))[0] ?? null) : null;
  }

  @Directive(scopes("insights:read"))
  @Query(() => Int, { description: "Unread in-app notifications." })
  async unreadNotificationCount(@Ctx() context: RequestContext): Promise<number> {
    return this.deps.notifications.store.unreadCount(requireUserId(context));
  }

  @Directive(scopes("insights:read"))
  @Query(() => [NotificationDelivery], {
    description: "A notification's delivery log, one entry per channel. NOT_FOUND for another user's.",
  })
  async notificationDeliveries(
    @Ctx() context: RequestContext,
    @Arg("notificationId", () => ID) notificationId: string,
  ): Promise<NotificationDelivery[]> {
    const userId = requireUserId(context);
    if (!(await this.deps.notifications.store.find(userId, notificationId))) throw notificationNotFound();
    return (await this.deps.notifications.store.deliveries(userId, [notificationId])).map(NotificationDelivery.from);
  }

  @Directive(scopes("insights:write"))
  @Mutation(() => MarkNotificationsReadPayload, {
    description: "Marks the given notifications, or all of them, read. NOT_FOUND if any id is not the caller's.",
  })
  async markNotificationsRead(
    @Ctx() context: RequestContext,
    @Arg("input", () => MarkNotificationsReadInput) input: MarkNotificationsReadInput,
  ): Promise<MarkNotificationsReadPayload> {
    const userId = requireUserId(context);
    const ids = input.ids ?? null;
    if ((ids === null) === (input.all !== true)) throw idsOrAll();
    if (ids && ids.length > MAX_MARK_IDS) throw tooManyIds();
    const marked = await this.deps.notifications.store.markRead(userId, ids, this.deps.clock.now());
    if (marked === "NOT_FOUND") throw notificationNotFound();
    return Object.assign(new MarkNotificationsReadPayload(), {
      marked,
      unreadCount: await this.deps.notifications.store.unreadCount(userId),
    });
  }

  @Directive(scopes("insights:write"))
  @Mutation(() => [NotificationChannelEnum], {
    description: "Resumes a channel paused after repeated failures; returns the channels still paused.",
  })
  async resumeNotificationChannel(
    @Ctx() context: RequestContext,
    @Arg("channel", () => NotificationChannelEnum) channel: NotificationChannelV1,
  ): Promise<NotificationChannelV1[]> {
    if (channel === "IN_APP") throw notPausable();
    const userId = requireUserId(context);
    await this.deps.notifications.health.resume(userId, channel);
    return this.deps.notifications.health.pausedChannels(userId);
  }

  @Directive(scopes("insights:read"))
  @Query(() => [NotificationChannelEnum], {
    description: "Channels paused after repeated failures (resume with resumeNotificationChannel).",
  })
  async pausedNotificationChannels(@Ctx() context: RequestContext): Promise<NotificationChannelV1[]> {
    return this.deps.notifications.health.pausedChannels(requireUserId(context));
  }

  @Directive(liveDirective({ topic: INSIGHTS_NOTIFICATION_TOPIC, events: [NOTIFICATION_RECEIVED], lookup: "notification", id: "id" }))
  @Directive(scopes("insights:read"))
  @Subscription(() => Notification, {
    name: "notificationReceived",
    description: "Each notification as it reaches the caller's inbox.",
    subscribe: servedByGateway,
  })
  notificationReceivedLive(): Notification {
    return servedByGateway();
  }

  @FieldResolver(() => [NotificationDelivery], { description: "How each channel delivered it (status, attempts, last error)." })
  async deliveries(@Root() notification: Notification, @Ctx() context: RequestContext): Promise<NotificationDelivery[]> {
    return (await context.loaders.get(this.deliveriesLoader).load(notification.id)).map(NotificationDelivery.from);
  }
}
