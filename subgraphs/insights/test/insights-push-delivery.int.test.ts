import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import webpush from "web-push";

import type { PlatformConfig } from "../../../platform/config/index.js";
import type { EventEnvelope } from "../../../platform/events/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import { BUDGET_EXCEEDED, type BudgetAlertV1, BUDGETS_ALERT_TOPIC } from "../../../schema/events/budgets.js";
import { IDENTITY_USER_TOPIC, NOTIFICATION_SETTINGS_CHANGED, type NotificationSettingsChangedV1 } from "../../../schema/events/identity.js";
import type { NotificationPreferencesV1 } from "../../../schema/events/notifications.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import type { InsightsDeps } from "../insights.deps.js";
import {
  openPush,
  startTestPushService,
  type TestBrowser,
  testBrowser,
  type TestPushService,
} from "../notifications/push/test-push-service.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

const REGISTER = `mutation($input: RegisterPushSubscriptionInput!) { registerPushSubscription(input: $input) { id } }`;
const NO_PREFS: NotificationPreferencesV1 = { kinds: [], quietHours: null, digest: "OFF" };

/** Event → notification → Web Push through the real engine: the consumer, the sender and the push channel. */
describe.each(modes)("Web Push end to end on %s", (_mode, config) => {
  const vapid = webpush.generateVAPIDKeys();
  const env = ["VAPID_PUBLIC_KEY", "VAPID_PRIVATE_KEY", "VAPID_SUBJECT", "PUSH_ALLOW_LOOPBACK_HTTP"] as const;
  const saved = Object.fromEntries(env.map((name) => [name, process.env[name]]));
  // Near real time: the gateway checks access-token expiry against this clock too.
  const clock = new FixedClock(new Date());
  let sg: TestSupergraph;
  let service: TestPushService;

  const deps = () => sg.subgraph<InsightsDeps>("insights").deps;
  const db = () => sg.subgraph("insights").kit.dataSource;

  async function publish<T>(topic: string, type: string, data: T, key: string): Promise<EventEnvelope<T>> {
    const id = randomUUID();
    const envelope: EventEnvelope<T> = {
      id,
      type,
      version: 1,
      source: "test",
      key,
      occurredAt: clock.now().toISOString(),
      traceId: `push-delivery-test-${id}`,
      data,
    };
    await sg.all.platform.bus.publish([{ topic, key, value: JSON.stringify(envelope), headers: {} }]);
    return envelope;
  }
  const handled = (consumer: string, id: string) =>
    eventually(async () =>
      expect(await db().query(`SELECT 1 FROM insights.inbox WHERE consumer = $1 AND event_id = $2`, [consumer, id])).toHaveLength(1),
    );
  const settings = async (user: RegisteredUser, preferences: NotificationPreferencesV1) => {
    const data: NotificationSettingsChangedV1 = {
      userId: user.id,
      email: user.email,
      emailVerified: false,
      locale: "en-GB",
      timezone: "UTC",
      preferences,
    };
    await handled("insights-notification-settings", (await publish(IDENTITY_USER_TOPIC, NOTIFICATION_SETTINGS_CHANGED, data, user.id)).id);
  };
  /** A signed-in user with one browser registered through the gateway. */
  const subscribed = async (name: string, preferences = NO_PREFS) => {
    const user = await sg.register(name);
    const browser = testBrowser();
    const path = `/push/${randomUUID()}`;
    const answer = await sg.query(REGISTER, { input: { endpoint: `${service.url}${path}`, keys: browser.keys } }, user.headers);
    expect(answer.errors).toBeUndefined();
    await settings(user, preferences);
    return { user, browser, path };
  };
  const budgetExceeded = async (user: RegisteredUser) => {
    const alert: BudgetAlertV1 = {
      alertId: randomUUID(),
      userId: user.id,
      budgetId: randomUUID(),
      level: "CRITICAL",
      periodStart: "2026-01-01",
      periodEnd: "2026-01-31",
      spentMinor: "123456",
      availableMinor: "-2345",
      currency: "GBP",
    };
    const event = await publish(BUDGETS_ALERT_TOPIC, BUDGET_EXCEEDED, alert, user.id);
    await handled("notify", event.id);
    const [row] = await db().query(`SELECT id FROM insights.notifications WHERE source_event_id = $1 AND user_id = $2`, [
      event.id,
      user.id,
    ]);
    return { event, notificationId: row.id as string };
  };
  const pushDelivery = async (notificationId: string) =>
    (
      await db().query(
        `SELECT status, attempts, next_attempt_at FROM insights.notification_deliveries WHERE notification_id = $1 AND channel = 'PUSH'`,
        [notificationId],
      )
    )[0];
  const opened = (path: string, browser: TestBrowser) =>
    openPush(
      service.received.find((r) => r.path === path)!,
      service.url,
      vapid.publicKey,
      browser,
    );

  beforeAll(async () => {
    Object.assign(process.env, {
      VAPID_PUBLIC_KEY: vapid.publicKey,
      VAPID_PRIVATE_KEY: vapid.privateKey,
      VAPID_SUBJECT: "mailto:ops@moneta.test",
      PUSH_ALLOW_LOOPBACK_HTTP: "true",
    });
    service = await startTestPushService();
    sg = await startTestSupergraph(config(), { clock });
  });
  afterAll(async () => {
    await sg?.close();
    await service?.close();
    for (const name of env) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it("pushes a budget overrun to the registered browser, which verifies the VAPID token and decrypts title, body and kind", async () => {
    const { user, browser, path } = await subscribed("Alice");
    const { event, notificationId } = await budgetExceeded(user);
    await eventually(() => expect(service.received.filter((r) => r.path === path)).toHaveLength(1));
    const { claims, payload } = await opened(path, browser);
    expect(claims).toMatchObject({ aud: service.url, sub: "mailto:ops@moneta.test" });
    expect(payload).toMatchObject({
      kind: "BUDGET_EXCEEDED",
      title: "Budget exceeded",
      notificationId,
      link: `/budgets/${event.data.budgetId}`,
    });
    expect((payload as { body: string }).body).toContain("£1,234.56");
    expect(service.received.find((r) => r.path === path)!.headers.urgency).toBe("normal");
    await eventually(async () => expect(await pushDelivery(notificationId)).toMatchObject({ status: "SENT", attempts: 1 }));

    // A redelivered event pushes nothing more.
    await sg.all.platform.bus.publish([{ topic: BUDGETS_ALERT_TOPIC, key: user.id, value: JSON.stringify(event), headers: {} }]);
    await new Promise((r) => setTimeout(r, 300));
    await deps().notifications.sender.flush();
    expect(service.received.filter((r) => r.path === path)).toHaveLength(1);
  });

  it("holds push through quiet hours, then sends it when they end (pinned clock)", async () => {
    const hhmm = (offsetMs: number) => new Date(clock.now().getTime() + offsetMs).toISOString().slice(11, 16);
    const { user, browser, path } = await subscribed("Bob", { ...NO_PREFS, quietHours: { start: hhmm(-60_000), end: hhmm(120_000) } });
    const { notificationId } = await budgetExceeded(user);
    expect(await pushDelivery(notificationId)).toMatchObject({ status: "WAITING", attempts: 0 });
    await deps().notifications.sender.flush();
    expect(service.received.filter((r) => r.path === path)).toHaveLength(0);

    clock.advance(3 * 60_000);
    await deps().notifications.sender.flush();
    await eventually(() => expect(service.received.filter((r) => r.path === path)).toHaveLength(1));
    expect((await opened(path, browser)).payload).toMatchObject({ kind: "BUDGET_EXCEEDED", notificationId });
    await eventually(async () => expect(await pushDelivery(notificationId)).toMatchObject({ status: "SENT", attempts: 1 }));
  });
});
