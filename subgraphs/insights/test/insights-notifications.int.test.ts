import { randomUUID } from "node:crypto";

import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import type { EventEnvelope } from "../../../platform/events/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { startTestSmtpServer, type TestSmtpServer } from "../../../platform/testing/test-smtp-server.js";
import { FixedClock } from "../../../platform/time/index.js";
import { BUDGET_EXCEEDED, type BudgetAlertV1, BUDGETS_ALERT_TOPIC } from "../../../schema/events/budgets.js";
import {
  IDENTITY_SECURITY_TOPIC,
  IDENTITY_USER_TOPIC,
  NOTIFICATION_SETTINGS_CHANGED,
  type NotificationSettingsChangedV1,
  SIGNED_IN,
  USER_DELETED,
} from "../../../schema/events/identity.js";
import { INSIGHTS_REPORT_TOPIC, REPORT_READY } from "../../../schema/events/insights.js";
import { BILL_DUE, LEDGER_BILL_TOPIC } from "../../../schema/events/ledger.js";
import type { NotificationPreferencesV1 } from "../../../schema/events/notifications.js";
import { liveClients } from "../../../test/harness/live-client.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import type { InsightsDeps } from "../insights.deps.js";
import type { NotificationChannel, RenderedNotification, SendOutcome } from "../notifications/channels/channel.js";
import { NotificationSender } from "../notifications/delivery/notification-sender.js";
import { insightsClient } from "./insights-client.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis, Kafka and SMTP", () => realServicesConfig()],
  ["embedded defaults and real SMTP", () => embeddedConfig()],
];

const LIST = `query($first: Int, $after: String, $unread: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unread) {
    edges { cursor node { id kind title body link readAt deliveries { channel status attempts lastError } } }
    pageInfo { hasNextPage endCursor }
  }
  unreadNotificationCount
}`;
const MARK = `mutation($i: MarkNotificationsReadInput!) { markNotificationsRead(input: $i) { marked unreadCount } }`;
const DELIVERIES = `query($id: ID!) { notificationDeliveries(notificationId: $id) { channel status attempts lastError log { outcome error } } }`;
const NO_PREFS: NotificationPreferencesV1 = { kinds: [], quietHours: null, digest: "OFF" };

/** A push channel stand-in: fails for the users in `failing`, otherwise accepts. */
class FakePush implements NotificationChannel {
  readonly name = "PUSH" as const;
  readonly failing = new Set<string>();
  readonly sent: RenderedNotification[] = [];
  async send(message: RenderedNotification): Promise<SendOutcome> {
    if (this.failing.has(message.userId)) return { status: "FAILED", error: "410 subscription gone" };
    this.sent.push(message);
    return { status: "SENT" };
  }
}

describe.each(modes)("notifications on %s", (_mode, config) => {
  // Near real time: the gateway checks access-token expiry against this clock too.
  const clock = new FixedClock(new Date());
  const push = new FakePush();
  let sg: TestSupergraph;
  let smtp: TestSmtpServer;
  let api: ReturnType<typeof insightsClient>;
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  const live = liveClients(() => sg);

  const deps = () => sg.subgraph<InsightsDeps>("insights").deps;
  const db = () => sg.subgraph("insights").kit.dataSource;
  const mailsTo = (user: RegisteredUser, subject: string) =>
    smtp.received.filter((m) => m.to.includes(user.email) && m.raw.includes(`Subject: ${subject}`));

  async function publish<T>(topic: string, type: string, data: T, key: string, id = randomUUID()): Promise<EventEnvelope<T>> {
    const envelope: EventEnvelope<T> = {
      id,
      type,
      version: 1,
      source: "test",
      key,
      occurredAt: clock.now().toISOString(),
      traceId: `notifications-test-${id}`,
      data,
    };
    await sg.all.platform.bus.publish([{ topic, key, value: JSON.stringify(envelope), headers: {} }]);
    return envelope;
  }
  /** Waits until insights' consumer `consumer` has committed event `id`. */
  const handled = (consumer: string, id: string) =>
    eventually(async () => {
      const rows = await db().query(`SELECT 1 FROM insights.inbox WHERE consumer = $1 AND event_id = $2`, [consumer, id]);
      expect(rows).toHaveLength(1);
    });
  const settings = async (user: RegisteredUser, preferences: NotificationPreferencesV1 = NO_PREFS, emailVerified = true) => {
    // identity announces a registered user's settings itself: wait for that first, or it could land
    // after the test's own and undo them.
    await eventually(async () =>
      expect(await db().query(`SELECT 1 FROM insights.notification_settings WHERE user_id = $1`, [user.id])).toHaveLength(1),
    );
    const data: NotificationSettingsChangedV1 = {
      userId: user.id,
      email: user.email,
      emailVerified,
      locale: "de-DE",
      timezone: "UTC",
      preferences,
    };
    await handled("insights-notification-settings", (await publish(IDENTITY_USER_TOPIC, NOTIFICATION_SETTINGS_CHANGED, data, user.id)).id);
  };
  const budgetExceeded = async (user: RegisteredUser, spentMinor = "123456") => {
    const alert: BudgetAlertV1 = {
      alertId: randomUUID(),
      userId: user.id,
      budgetId: randomUUID(),
      level: "CRITICAL",
      periodStart: "2026-01-01",
      periodEnd: "2026-01-31",
      spentMinor,
      availableMinor: "-2345",
      currency: "EUR",
    };
    const event = await publish(BUDGETS_ALERT_TOPIC, BUDGET_EXCEEDED, alert, user.id);
    await handled("notify", event.id);
    return event;
  };
  const notificationOf = async (eventId: string, user: RegisteredUser): Promise<string> =>
    (await db().query(`SELECT id FROM insights.notifications WHERE source_event_id = $1 AND user_id = $2`, [eventId, user.id]))[0].id;
  const delivery = async (notificationId: string, channel: string) =>
    (
      await db().query(
        `SELECT status, attempts, next_attempt_at, last_error, attempt_log, digest FROM insights.notification_deliveries WHERE notification_id = $1 AND channel = $2`,
        [notificationId, channel],
      )
    )[0];

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    const saved = { SMTP_URL: process.env.SMTP_URL, MAIL_FROM: process.env.MAIL_FROM };
    process.env.SMTP_URL = smtp.url;
    process.env.MAIL_FROM = "Moneta <notify@moneta.test>";
    try {
      sg = await startTestSupergraph(config(), { clock });
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    // Web push plugs in as any channel does: registered beside e-mail.
    deps().notifications.channels.register(push);
    api = insightsClient(sg);
    alice = await sg.register("Alice");
    bob = await sg.register("Bob");
    await settings(alice);
    await settings(bob);
  });
  afterAll(async () => {
    await live.closeAll();
    await sg?.close();
    await smtp?.close();
  });

  it("turns a budget overrun into an in-app notification, a live push and one e-mail in the user's locale", async () => {
    const watching = live.subscribe(alice, `subscription { notificationReceived { id kind title body link } }`);
    // The subscription is attached once the gateway has acknowledged it; give it a moment.
    await new Promise((r) => setTimeout(r, 500));
    const event = await budgetExceeded(alice);
    const id = await notificationOf(event.id, alice);
    await eventually(() => expect(mailsTo(alice, "Budget exceeded")).toHaveLength(1));
    const [mail] = mailsTo(alice, "Budget exceeded");
    expect(mail!.text).toContain("1.234,56\u00a0€");
    expect(mail!.text).toContain(`/budgets/${event.data.budgetId}`);
    expect(mail!.raw).toMatch(new RegExp(`^Message-ID: <notification\\.${id}@moneta>`, "mi"));
    await eventually(async () => expect((await delivery(id, "EMAIL")).status).toBe("SENT"));

    const page = (await api.ok(alice, LIST, { first: 10 })).notifications;
    const node = page.edges.find((e: { node: { id: string } }) => e.node.id === id).node;
    expect(node).toMatchObject({
      kind: "BUDGET_EXCEEDED",
      title: "Budget exceeded",
      link: `/budgets/${event.data.budgetId}`,
      readAt: null,
    });
    expect(node.body).toContain("1.234,56");
    expect(Object.fromEntries(node.deliveries.map((d: { channel: string; status: string }) => [d.channel, d.status]))).toEqual({
      IN_APP: "SENT",
      EMAIL: "SENT",
      PUSH: "SENT",
    });
    await eventually(() => expect(watching.results.map((r) => r.data?.notificationReceived?.id)).toContain(id));

    // The same event again (a redelivery) creates nothing and mails nothing.
    await sg.all.platform.bus.publish([{ topic: BUDGETS_ALERT_TOPIC, key: alice.id, value: JSON.stringify(event), headers: {} }]);
    await new Promise((r) => setTimeout(r, 300));
    await deps().notifications.sender.flush();
    expect(await db().query(`SELECT 1 FROM insights.notifications WHERE source_event_id = $1`, [event.id])).toHaveLength(1);
    expect(mailsTo(alice, "Budget exceeded")).toHaveLength(1);
  });

  it("keeps to preferences: a kind's e-mail off sends none; no verified address is SKIPPED; new sign-ins only from new devices", async () => {
    const carol = await sg.register("Carol");
    await settings(carol, { ...NO_PREFS, kinds: [{ kind: "BUDGET_EXCEEDED", inApp: true, email: false, push: false }] });
    const quiet = await budgetExceeded(carol);
    const id = await notificationOf(quiet.id, carol);
    expect(await delivery(id, "EMAIL")).toBeUndefined();
    expect((await delivery(id, "IN_APP")).status).toBe("SENT");

    await settings(carol, NO_PREFS, false);
    const report = await publish(
      INSIGHTS_REPORT_TOPIC,
      REPORT_READY,
      {
        reportId: "r-1",
        userId: carol.id,
        kind: "MONTHLY",
        format: "PDF",
        from: "2026-01-01",
        to: "2026-01-31",
        scheduled: false,
        expiresAt: "2026-02-08T00:00:00Z",
      },
      carol.id,
    );
    await handled("notify", report.id);
    const reportId = await notificationOf(report.id, carol);
    await deps().notifications.sender.flush();
    expect(await delivery(reportId, "EMAIL")).toMatchObject({ status: "SKIPPED", last_error: "no verified e-mail address" });
    expect((await api.ok(carol, `query($id: ID!) { notification(id: $id) { link } }`, { id: reportId })).notification.link).toBe(
      "/reports/r-1",
    );

    const signIn = (newDevice: boolean) =>
      publish(
        IDENTITY_SECURITY_TOPIC,
        SIGNED_IN,
        {
          userId: carol.id,
          sessionId: randomUUID(),
          at: clock.now().toISOString(),
          method: "PASSWORD",
          ipAddress: "203.0.113.7",
          userAgent: "Firefox",
          newDevice,
        },
        carol.id,
      );
    const known = await signIn(false);
    const fresh = await signIn(true);
    await handled("notify", known.id);
    await handled("notify", fresh.id);
    const kinds = await db().query(`SELECT kind FROM insights.notifications WHERE user_id = $1 ORDER BY created_at`, [carol.id]);
    expect(kinds.map((k: { kind: string }) => k.kind).filter((k: string) => k === "NEW_SIGN_IN")).toHaveLength(1);
  });

  it("holds e-mail through quiet hours (in-app at once), then sends it when they end", async () => {
    const dave = await sg.register("Dave");
    const hhmm = (offsetMs: number) => new Date(clock.now().getTime() + offsetMs).toISOString().slice(11, 16);
    await settings(dave, { ...NO_PREFS, quietHours: { start: hhmm(-60_000), end: hhmm(120_000) } });
    const event = await budgetExceeded(dave);
    const id = await notificationOf(event.id, dave);
    expect((await delivery(id, "IN_APP")).status).toBe("SENT");
    const waiting = await delivery(id, "EMAIL");
    expect(waiting).toMatchObject({ status: "WAITING", attempts: 0, digest: false });
    expect(new Date(waiting.next_attempt_at).toISOString().slice(11, 16)).toBe(hhmm(120_000));
    await deps().notifications.sender.flush();
    expect(mailsTo(dave, "Budget exceeded")).toHaveLength(0);

    clock.advance(3 * 60_000);
    await deps().notifications.sender.flush();
    await eventually(() => expect(mailsTo(dave, "Budget exceeded")).toHaveLength(1));
    expect(await delivery(id, "EMAIL")).toMatchObject({ status: "SENT", attempts: 1 });
  });

  it("retries a temporary SMTP failure after a backoff and sends it once", async () => {
    const erin = await sg.register("Erin");
    await settings(erin);
    // identity mails a verification link on registration; let it arrive first, so the failure is ours.
    await eventually(() => expect(smtp.received.some((m) => m.to.includes(erin.email))).toBe(true));
    smtp.failOnceFor((address) => address === erin.email);
    const event = await budgetExceeded(erin);
    const id = await notificationOf(event.id, erin);
    await eventually(async () => expect(await delivery(id, "EMAIL")).toMatchObject({ status: "PENDING", attempts: 1 }));
    const pending = await delivery(id, "EMAIL");
    expect(pending.last_error).toMatch(/451|try again/i);
    expect(new Date(pending.next_attempt_at).getTime() - clock.now().getTime()).toBeLessThanOrEqual(30_000);
    clock.advance(31_000);
    await deps().notifications.sender.flush();
    await eventually(async () => expect((await delivery(id, "EMAIL")).status).toBe("SENT"));
    expect(mailsTo(erin, "Budget exceeded")).toHaveLength(1);
    const log = (await api.ok(erin, DELIVERIES, { id })).notificationDeliveries.find((d: { channel: string }) => d.channel === "EMAIL");
    expect(log).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
    expect(log.log.map((l: { outcome: string }) => l.outcome)).toEqual(["RETRY", "SENT"]);
  });

  it("pauses a channel that keeps failing, tells the user in-app, and resumes on request", async () => {
    const fay = await sg.register("Fay");
    await settings(fay);
    push.failing.add(fay.id);
    for (let i = 0; i < 5; i++) await budgetExceeded(fay);
    await deps().notifications.sender.flush();
    await eventually(async () => {
      const paused = await db().query(`SELECT kind FROM insights.notifications WHERE user_id = $1 AND kind = 'CHANNEL_PAUSED'`, [fay.id]);
      expect(paused).toHaveLength(1);
    });
    expect((await api.ok(fay, `{ pausedNotificationChannels }`)).pausedNotificationChannels).toEqual(["PUSH"]);
    const sixth = await notificationOf((await budgetExceeded(fay)).id, fay);
    expect((await delivery(sixth, "PUSH")).status).toBe("PAUSED");
    const page = (await api.ok(fay, LIST, { first: 1 })).notifications.edges[0].node;
    expect(page.kind === "CHANNEL_PAUSED" || page.kind === "BUDGET_EXCEEDED").toBe(true);
    expect(await api.outcome(fay, `mutation { resumeNotificationChannel(channel: IN_APP) }`)).toBe("BAD_USER_INPUT:channel");
    expect((await api.ok(fay, `mutation { resumeNotificationChannel(channel: PUSH) }`)).resumeNotificationChannel).toEqual([]);
    push.failing.delete(fay.id);
    const seventh = await notificationOf((await budgetExceeded(fay)).id, fay);
    await eventually(async () => expect((await delivery(seventh, "PUSH")).status).toBe("SENT"));
  });

  it("pages the inbox, counts and marks unread; another user's notification is NOT_FOUND", async () => {
    const gil = await sg.register("Gil");
    await settings(gil);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(await notificationOf((await budgetExceeded(gil)).id, gil));
      clock.advance(1);
    }
    const first = (await api.ok(gil, LIST, { first: 2 })).notifications;
    expect(first.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids[2], ids[1]]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await api.ok(gil, LIST, { first: 2, after: first.pageInfo.endCursor })).notifications;
    expect(second.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([ids[0]]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect((await api.ok(gil, LIST, { first: 10 })).unreadNotificationCount).toBe(3);

    expect(await api.outcome(bob, MARK, { i: { ids: [ids[0]] } })).toBe("NOT_FOUND");
    expect(await api.outcome(bob, DELIVERIES, { id: ids[0] })).toBe("NOT_FOUND");
    expect((await api.ok(bob, `query($id: ID!) { notification(id: $id) { id } }`, { id: ids[0] })).notification).toBeNull();
    expect(await api.outcome(gil, MARK, { i: { ids: [ids[0], randomUUID()] } })).toBe("NOT_FOUND");
    expect(await api.outcome(gil, MARK, { i: {} })).toBe("BAD_USER_INPUT:input");
    expect(await api.outcome(gil, LIST, { first: 0 })).toBe("BAD_USER_INPUT:first");
    expect(await api.outcome(gil, LIST, { first: 5, after: "garbage" })).toBe("BAD_USER_INPUT:after");

    expect((await api.ok(gil, MARK, { i: { ids: [ids[0], ids[0]] } })).markNotificationsRead).toEqual({ marked: 1, unreadCount: 2 });
    expect((await api.ok(gil, LIST, { first: 10, unread: true })).notifications.edges).toHaveLength(2);
    expect((await api.ok(gil, MARK, { i: { all: true } })).markNotificationsRead).toEqual({ marked: 2, unreadCount: 0 });
  });

  it("purges a deleted user's notifications, deliveries and settings", async () => {
    const hal = await sg.register("Hal");
    await settings(hal);
    await budgetExceeded(hal);
    await deps().notifications.sender.flush();
    const deleted = await publish(IDENTITY_USER_TOPIC, USER_DELETED, { userId: hal.id }, hal.id);
    await handled("user-deletion", deleted.id);
    for (const table of ["notifications", "notification_deliveries", "notification_settings", "notification_channel_health"]) {
      await eventually(async () =>
        expect(await db().query(`SELECT 1 FROM insights.${table} WHERE user_id = $1`, [hal.id])).toHaveLength(0),
      );
    }
  });

  it("batches low-priority e-mail into one daily digest at 08:00 local; in-app at once", async () => {
    const jo = await sg.register("Jo");
    await settings(jo, { ...NO_PREFS, digest: "DAILY", kinds: [{ kind: "BILL_DUE", inApp: true, email: true, push: false }] });
    const bill = (payee: string) =>
      publish(
        LEDGER_BILL_TOPIC,
        BILL_DUE,
        {
          scheduleId: randomUUID(),
          userId: jo.id,
          accountId: randomUUID(),
          dueDate: "2026-02-01",
          amountMinor: "4999",
          currency: "USD",
          payee,
        },
        jo.id,
      );
    const ids: string[] = [];
    for (const payee of ["Power company", "Water board"]) {
      const event = await bill(payee);
      await handled("notify", event.id);
      ids.push(await notificationOf(event.id, jo));
    }
    const next8 = new Date(clock.now());
    next8.setUTCHours(8, 0, 0, 0);
    if (next8 <= clock.now()) next8.setUTCDate(next8.getUTCDate() + 1);
    for (const id of ids) {
      expect((await delivery(id, "IN_APP")).status).toBe("SENT");
      expect(await delivery(id, "EMAIL")).toMatchObject({ status: "WAITING", digest: true, next_attempt_at: next8 });
    }
    await deps().notifications.sender.flush();
    expect(smtp.received.filter((m) => m.to.includes(jo.email) && m.raw.includes("digest"))).toHaveLength(0);

    clock.set(new Date(next8.getTime() + 60_000));
    await deps().notifications.sender.flush();
    await eventually(() =>
      expect(smtp.received.filter((m) => m.to.includes(jo.email) && m.raw.includes("Subject: Your Moneta digest"))).toHaveLength(1),
    );
    const digest = smtp.received.find((m) => m.to.includes(jo.email) && m.raw.includes("Subject: Your Moneta digest"))!;
    expect(digest.text).toContain("Power company");
    expect(digest.text).toContain("Water board");
    expect(digest.text).toContain("49,99\u00a0$");
    for (const id of ids) expect(await delivery(id, "EMAIL")).toMatchObject({ status: "SENT", attempts: 1 });
  });

  it("delivers exactly once across a restart: a graceful stop finishes its send; a crash after the send re-sends once, with the same Message-ID", async () => {
    const ivy = await sg.register("Ivy");
    await settings(ivy);
    const { notifications } = deps();
    const kit = sg.subgraph("insights").kit;
    await notifications.sender.stop();
    const senderWith = (extra: Partial<ConstructorParameters<typeof NotificationSender>[0]>) =>
      new NotificationSender({
        dataSource: kit.dataSource,
        clock,
        ids: kit.ids,
        store: notifications.deliveries,
        channels: notifications.channels,
        email: notifications.email,
        settings: notifications.settings,
        health: notifications.health,
        notifications: notifications.service,
        signal: { onCommitted: () => () => undefined, mark: () => undefined } as never,
        logger: pino({ level: "silent" }),
        leaseMs: 1_000,
        ...extra,
      });

    // The first instance dies between the SMTP server's acceptance and recording SENT.
    const crashing = senderWith({
      beforeRecord: async (row, outcome) => {
        if (row.channel !== "EMAIL") return;
        expect(outcome).toEqual({ status: "SENT" });
        throw new Error("simulated crash after the send");
      },
    });
    const event = await budgetExceeded(ivy);
    const id = await notificationOf(event.id, ivy);
    await crashing.flush();
    await crashing.stop();
    // The server's 250 can reach the client a moment before the test server files the message.
    await eventually(() => expect(mailsTo(ivy, "Budget exceeded")).toHaveLength(1));
    expect(await delivery(id, "EMAIL")).toMatchObject({ status: "SENDING", attempts: 1 });

    // A restarted instance takes the row over once the lease has run out, and records it.
    const restarted = senderWith({});
    await restarted.flush();
    expect(mailsTo(ivy, "Budget exceeded")).toHaveLength(1);
    clock.advance(1_500);
    await restarted.flush();
    await eventually(() => expect(mailsTo(ivy, "Budget exceeded")).toHaveLength(2));
    const mails = mailsTo(ivy, "Budget exceeded");
    const messageId = (raw: string) => /^Message-ID: (.*)\r$/im.exec(raw)?.[1];
    expect(messageId(mails[1]!.raw)).toBe(messageId(mails[0]!.raw));
    const row = await delivery(id, "EMAIL");
    expect(row).toMatchObject({ status: "SENT", attempts: 2 });
    expect(row.attempt_log.map((l: { outcome: string }) => l.outcome)).toEqual(["LEASE_EXPIRED", "SENT"]);

    // A graceful stop while a send is under way lets it finish and record: no duplicate.
    const second = await notificationOf((await budgetExceeded(ivy)).id, ivy);
    const flushing = restarted.flush();
    await restarted.stop();
    await flushing;
    const again = senderWith({});
    clock.advance(1_500);
    await again.flush();
    await again.stop();
    expect(await delivery(second, "EMAIL")).toMatchObject({ status: "SENT", attempts: 1 });
    await eventually(() => expect(mailsTo(ivy, "Budget exceeded")).toHaveLength(3));
    await new Promise((r) => setTimeout(r, 200));
    expect(mailsTo(ivy, "Budget exceeded")).toHaveLength(3);
  });
});
