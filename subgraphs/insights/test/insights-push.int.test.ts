import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import webpush from "web-push";

import type { PlatformConfig } from "../../../platform/config/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import { type GraphQLResult, type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import type { InsightsDeps } from "../insights.deps.js";
import { MAX_PUSH_SUBSCRIPTIONS } from "../notifications/push/push-subscription.store.js";
import { openPush, startTestPushService, testBrowser, type TestPushService } from "../notifications/push/test-push-service.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

const SUBSCRIPTION = "id endpoint userAgent createdAt updatedAt lastSuccessAt";
const REGISTER = `mutation($input: RegisterPushSubscriptionInput!) { registerPushSubscription(input: $input) { ${SUBSCRIPTION} } }`;
const REMOVE = `mutation($id: ID!) { removePushSubscription(id: $id) }`;
const LIST = `{ vapidPublicKey pushSubscriptions { ${SUBSCRIPTION} } }`;
const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`;

const errorOf = (r: GraphQLResult) => r.errors?.[0]?.extensions;

describe.each(modes)("Web Push subscriptions and delivery on %s", (_mode, config) => {
  const vapid = webpush.generateVAPIDKeys();
  const settings = ["VAPID_PUBLIC_KEY", "VAPID_PRIVATE_KEY", "VAPID_SUBJECT", "PUSH_ALLOW_LOOPBACK_HTTP"] as const;
  const saved = Object.fromEntries(settings.map((name) => [name, process.env[name]]));
  let sg: TestSupergraph;
  let service: TestPushService;
  let alice: RegisteredUser;
  let bob: RegisteredUser;

  beforeAll(async () => {
    Object.assign(process.env, {
      VAPID_PUBLIC_KEY: vapid.publicKey,
      VAPID_PRIVATE_KEY: vapid.privateKey,
      VAPID_SUBJECT: "https://moneta.test/contact",
      PUSH_ALLOW_LOOPBACK_HTTP: "true",
    });
    service = await startTestPushService();
    sg = await startTestSupergraph(config(), { clock: new FixedClock(new Date()) });
    [alice, bob] = [await sg.register("Alice"), await sg.register("Bob")];
  });
  afterAll(async () => {
    await sg?.close();
    await service?.close();
    for (const name of settings) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  const insights = () => sg.subgraph<InsightsDeps>("insights").deps;
  const register = (user: RegisteredUser, endpoint: string, keys = testBrowser().keys, userAgent?: string) =>
    sg.query(REGISTER, { input: { endpoint, keys, userAgent } }, user.headers);

  it("registers a browser idempotently by endpoint, lists it with the VAPID key, and removes it", async () => {
    const endpoint = `${service.url}/push/${randomUUID()}`;
    const first = await register(alice, endpoint, testBrowser().keys, "Firefox/140");
    expect(first.errors).toBeUndefined();
    const again = await register(alice, endpoint);
    expect(again.data.registerPushSubscription).toMatchObject({ id: first.data.registerPushSubscription.id, userAgent: "Firefox/140" });
    const listed = (await sg.query(LIST, {}, alice.headers)).data;
    expect(listed.vapidPublicKey).toBe(vapid.publicKey);
    expect(listed.pushSubscriptions).toEqual([
      {
        id: first.data.registerPushSubscription.id,
        endpoint,
        userAgent: "Firefox/140",
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        lastSuccessAt: null,
      },
    ]);
    expect((await sg.query(REMOVE, { id: first.data.registerPushSubscription.id }, alice.headers)).data).toEqual({
      removePushSubscription: true,
    });
    expect((await sg.query(LIST, {}, alice.headers)).data.pushSubscriptions).toEqual([]);
  });

  it("keeps users apart: another user's subscription is NOT_FOUND and absent from their list", async () => {
    const mine = (await register(alice, `${service.url}/push/${randomUUID()}`)).data.registerPushSubscription;
    expect(errorOf(await sg.query(REMOVE, { id: mine.id }, bob.headers))?.code).toBe("NOT_FOUND");
    expect(errorOf(await sg.query(REMOVE, { id: "not-a-uuid" }, bob.headers))?.code).toBe("NOT_FOUND");
    expect((await sg.query(LIST, {}, bob.headers)).data.pushSubscriptions).toEqual([]);
    expect((await sg.query(LIST, {}, alice.headers)).data.pushSubscriptions.map((s: { id: string }) => s.id)).toContain(mine.id);
    await sg.query(REMOVE, { id: mine.id }, alice.headers);
  });

  it("refuses bad endpoints and keys with BAD_USER_INPUT and the field, and caps the browsers per user", async () => {
    const { p256dh, auth } = testBrowser().keys;
    expect(errorOf(await register(bob, "http://push.example.com/x"))).toMatchObject({ code: "BAD_USER_INPUT", field: "endpoint" });
    expect(errorOf(await register(bob, "https://169.254.169.254/latest"))).toMatchObject({ code: "BAD_USER_INPUT", field: "endpoint" });
    expect(errorOf(await register(bob, "https://push.example.com/x", { p256dh: p256dh.slice(4), auth }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "keys.p256dh",
    });
    expect(errorOf(await register(bob, "https://push.example.com/x", { p256dh, auth: "AAAA" }))).toMatchObject({ field: "keys.auth" });
    const carol = await sg.register("Carol");
    for (let i = 0; i < MAX_PUSH_SUBSCRIPTIONS; i++)
      expect((await register(carol, `https://push.example.com/${i}`)).errors).toBeUndefined();
    expect(errorOf(await register(carol, "https://push.example.com/one-more"))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "endpoint",
    });
    // Renewing a browser already registered is no new browser.
    expect((await register(carol, "https://push.example.com/3")).errors).toBeUndefined();
  });

  it("needs insights:write to register and insights:read to list", async () => {
    const secret = (await sg.query(CREATE_KEY, { input: { name: "reader", scopes: ["insights:read"] } }, bob.headers)).data.createApiKey
      .secret;
    expect(
      errorOf(await sg.query(REGISTER, { input: { endpoint: `${service.url}/push/x`, keys: testBrowser().keys } }, { "x-api-key": secret }))
        ?.code,
    ).toBe("FORBIDDEN");
    expect((await sg.query(`{ pushSubscriptions { id } }`, {}, { "x-api-key": secret })).errors).toBeUndefined();
  });

  it("delivers to the registered browser, which decrypts the notification, and forgets a browser that is gone", async () => {
    const dave = await sg.register("Dave");
    const browser = testBrowser();
    const live = `/push/${randomUUID()}`;
    const gone = `/push/${randomUUID()}`;
    service.answer(gone, 410);
    expect((await register(dave, `${service.url}${live}`, browser.keys)).errors).toBeUndefined();
    expect((await register(dave, `${service.url}${gone}`)).errors).toBeUndefined();
    const message = {
      notificationId: randomUUID(),
      userId: dave.id,
      kind: "BUDGET_EXCEEDED" as const,
      title: "Groceries over budget",
      body: "€412 of €400",
      link: "/budgets/1",
    };
    expect(await insights().push.send(message)).toEqual({ status: "SENT", detail: "1 of 2 devices accepted, 1 unsubscribed and removed" });
    const push = service.received.find((r) => r.path === live)!;
    const { claims, payload } = await openPush(push, service.url, vapid.publicKey, browser);
    expect(claims).toMatchObject({ aud: service.url, sub: "https://moneta.test/contact" });
    expect(payload).toEqual({
      title: message.title,
      body: message.body,
      link: message.link,
      kind: "BUDGET_EXCEEDED",
      notificationId: message.notificationId,
    });
    const left = (await sg.query(LIST, {}, dave.headers)).data.pushSubscriptions;
    expect(left).toEqual([expect.objectContaining({ endpoint: `${service.url}${live}`, lastSuccessAt: expect.any(String) })]);

    service.answer(live, 500);
    expect((await insights().push.send({ ...message, notificationId: randomUUID() })).status).toBe("RETRY");
    expect((await sg.query(LIST, {}, dave.headers)).data.pushSubscriptions).toHaveLength(1);
  });

  it("purges a user's subscriptions when the account is deleted", async () => {
    const erin = await sg.register("Erin");
    expect((await register(erin, `${service.url}/push/${randomUUID()}`)).errors).toBeUndefined();
    const count = async () =>
      (
        await sg
          .subgraph("insights")
          .kit.dataSource.query(`SELECT count(*)::int AS n FROM insights.push_subscriptions WHERE user_id = $1`, [erin.id])
      )[0].n;
    expect(await count()).toBe(1);
    expect(
      (await sg.query(`mutation($p: String!) { deleteAccount(password: $p) }`, { p: erin.password }, erin.headers)).data.deleteAccount,
    ).toBe(true);
    await eventually(async () => expect(await count()).toBe(0));
  });
});
