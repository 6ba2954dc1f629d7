import type { EntityManager } from "typeorm";

import { createMailer, type Mailer } from "../../../platform/email/index.js";
import type { ConsumerDefinition } from "../../../platform/events/index.js";
import type { SubgraphKit } from "../../../platform/subgraph/index.js";
import type { NotificationChannel } from "./channels/channel.js";
import { ChannelRegistry } from "./channels/channel-registry.js";
import { ChannelHealthStore } from "./delivery/channel-health.store.js";
import { CommitSignal } from "./delivery/commit-signal.js";
import { DeliveryStore } from "./delivery/delivery.store.js";
import { NotificationSender, type NotificationSenderOptions } from "./delivery/notification-sender.js";
import { EmailChannel } from "./email/email.channel.js";
import { NotificationService } from "./inbox/notification.service.js";
import { NotificationStore } from "./inbox/notification.store.js";
import { loadNotificationsConfig } from "./notifications.config.js";
import { notificationSettingsConsumer } from "./preferences/notification-settings.consumer.js";
import { NotificationSettingsStore } from "./preferences/notification-settings.store.js";
import type { SmsConfig } from "./sms/sms.config.js";
import { createSms, purgeSms, type SmsDeps } from "./sms/sms.module.js";
import { notificationConsumers } from "./sources/index.js";

/** Everything notifications are made of; insights' deps carry it as `notifications`. */
export interface NotificationsDeps {
  settings: NotificationSettingsStore;
  store: NotificationStore;
  service: NotificationService;
  health: ChannelHealthStore;
  deliveries: DeliveryStore;
  channels: ChannelRegistry;
  email: EmailChannel;
  sender: NotificationSender;
  /** Phone numbers, their verification and the SMS channel (README "SMS"). */
  sms: SmsDeps;
}

export interface NotificationsOptions {
  /** Replaces the transport SMTP_URL would choose (tests, benchmarks). */
  mailer?: Mailer;
  /** More outbound channels (web push), registered beside e-mail. */
  channels?: NotificationChannel[];
  sender?: Partial<
    Pick<NotificationSenderOptions, "leaseMs" | "safetyIntervalMs" | "maxAttempts" | "random" | "batchSize" | "beforeRecord">
  >;
  /** Replaces what SMS_PROVIDER and its settings would choose (tests). */
  sms?: SmsConfig;
  /** Do not start the sender (a test that drives a sender of its own). */
  startSender?: boolean;
}

export function createNotifications(kit: SubgraphKit, options: NotificationsOptions = {}): NotificationsDeps {
  const { dataSource, clock, ids, outbox } = kit;
  const config = loadNotificationsConfig();
  const logger = kit.logger.child({ feature: "notifications" });
  const settings = new NotificationSettingsStore(dataSource);
  const health = new ChannelHealthStore(dataSource);
  const signal = new CommitSignal(dataSource);
  const email = new EmailChannel(options.mailer ?? createMailer(config, logger), settings, config.appUrl);
  const sms = createSms({ dataSource, clock, ids, logger: logger.child({ channel: "sms" }), appUrl: config.appUrl }, options.sms);
  const channels = new ChannelRegistry([email, sms.channel, ...(options.channels ?? [])]);
  const service = new NotificationService(clock, ids, outbox, settings, health, channels, signal);
  const deliveries = new DeliveryStore(dataSource);
  const sender = new NotificationSender({
    dataSource,
    clock,
    ids,
    store: deliveries,
    channels,
    email,
    settings,
    health,
    notifications: service,
    signal,
    logger,
    ...options.sender,
  });
  if (options.startSender !== false) sender.start();
  return { settings, store: new NotificationStore(dataSource), service, health, deliveries, channels, email, sender, sms };
}

/** The read model of identity's settings, then one consumer per notifying topic. */
export function notificationsConsumers(n: NotificationsDeps): ConsumerDefinition[] {
  return [notificationSettingsConsumer(n.settings) as ConsumerDefinition, ...notificationConsumers(n.service)];
}

export async function purgeNotifications(n: NotificationsDeps, manager: EntityManager, userId: string): Promise<void> {
  await n.store.purgeUser(manager, userId);
  await n.settings.purgeUser(manager, userId);
  await purgeSms(n.sms, manager, userId);
}

export async function closeNotifications(n: NotificationsDeps): Promise<void> {
  await n.sender.stop();
  await n.email.close();
}
