import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import webpush from "web-push";

import type { RenderedNotification } from "../channels/channel.js";
import { PushChannel, type PushSubscriptions } from "./push.channel.js";
import type { StoredPushSubscription } from "./push-subscription.store.js";
import { openPush, startTestPushService, type TestBrowser, testBrowser, type TestPushService } from "./test-push-service.js";

/** The store's contract in memory: the channel's logic, against a real HTTP exchange. */
class MemorySubscriptions implements PushSubscriptions {
  readonly rows: StoredPushSubscription[] = [];
  add(userId: string, endpoint: string, browser: TestBrowser): StoredPushSubscription {
    const now = new Date();
    const row = {
      id: `sub-${this.rows.length + 1}`,
      userId,
      endpoint,
      ...browser.keys,
      userAgent: null,
      createdAt: now,
      updatedAt: now,
      lastSuccessAt: null,
    };
    this.rows.push(row);
    return row;
  }
  async list(userId: string) {
    return this.rows.filter((r) => r.userId === userId);
  }
  async delete(userId: string, id: string) {
    const index = this.rows.findIndex((r) => r.userId === userId && r.id === id);
    if (index >= 0) this.rows.splice(index, 1);
    return index >= 0;
  }
  async markSucceeded(userId: string, id: string) {
    const row = this.rows.find((r) => r.userId === userId && r.id === id);
    if (row) row.lastSuccessAt = new Date();
  }
}

describe("PushChannel against a local push service", () => {
  const vapid = { ...webpush.generateVAPIDKeys(), subject: "mailto:ops@moneta.test" };
  let service: TestPushService;
  beforeAll(async () => {
    service = await startTestPushService();
  });
  afterAll(async () => service?.close());

  const message = (userId: string, overrides: Partial<RenderedNotification> = {}): RenderedNotification => ({
    notificationId: randomUUID(),
    userId,
    kind: "NEW_SIGN_IN",
    title: "New sign-in",
    body: "Firefox on Linux signed in to your account.",
    link: "/settings/security",
    ...overrides,
  });

  it("sends the VAPID-signed, aes128gcm-encrypted JSON that the browser decrypts", async () => {
    const store = new MemorySubscriptions();
    const browser = testBrowser();
    store.add("u1", `${service.url}/push/ok-1`, browser);
    const sent = message("u1");
    const before = service.received.length;
    const outcome = await new PushChannel(store, vapid).send(sent);
    expect(outcome).toEqual({ status: "SENT", detail: "1 of 1 devices accepted" });

    const [push] = service.received.slice(before);
    expect(push!.path).toBe("/push/ok-1");
    expect(push!.headers).toMatchObject({ "content-encoding": "aes128gcm", ttl: "86400", urgency: "high" });
    const { claims, payload } = await openPush(push!, service.url, vapid.publicKey, browser);
    expect(claims).toMatchObject({ aud: service.url, sub: "mailto:ops@moneta.test" });
    expect(claims.exp as number).toBeGreaterThan(Date.now() / 1000);
    expect(payload).toEqual({
      title: sent.title,
      body: sent.body,
      link: sent.link,
      kind: "NEW_SIGN_IN",
      notificationId: sent.notificationId,
    });
    expect(store.rows[0]!.lastSuccessAt).not.toBeNull();
  });

  it("skips a user without subscriptions and marks low-priority kinds low urgency with a longer TTL", async () => {
    const store = new MemorySubscriptions();
    expect(await new PushChannel(store, vapid).send(message("nobody"))).toEqual({ status: "SKIPPED", reason: "no push subscriptions" });
    store.add("u2", `${service.url}/push/low`, testBrowser());
    const before = service.received.length;
    await new PushChannel(store, vapid).send(message("u2", { kind: "GROUP_EXPENSE" }));
    expect(service.received[before]!.headers).toMatchObject({ urgency: "low", ttl: String(7 * 86_400) });
  });

  it("removes a subscription the service calls gone (410, 404) and still counts the device that accepted", async () => {
    const store = new MemorySubscriptions();
    store.add("u3", `${service.url}/push/gone-410`, testBrowser());
    store.add("u3", `${service.url}/push/gone-404`, testBrowser());
    store.add("u3", `${service.url}/push/ok-3`, testBrowser());
    service.answer("/push/gone-410", 410);
    service.answer("/push/gone-404", 404);
    expect(await new PushChannel(store, vapid).send(message("u3"))).toEqual({
      status: "SENT",
      detail: "1 of 3 devices accepted, 2 unsubscribed and removed",
    });
    expect(store.rows.map((r) => r.endpoint)).toEqual([`${service.url}/push/ok-3`]);

    const alone = new MemorySubscriptions();
    alone.add("u4", `${service.url}/push/gone-410`, testBrowser());
    expect((await new PushChannel(alone, vapid).send(message("u4"))).status).toBe("SKIPPED");
    expect(alone.rows).toEqual([]);
  });

  it("asks for a retry on 500, 429 and an unreachable service, and fails on a refusal that retrying cannot fix", async () => {
    const outcomeFor = async (path: string, status?: number) => {
      if (status) service.answer(path, status);
      const store = new MemorySubscriptions();
      store.add("u5", path.startsWith("http") ? path : `${service.url}${path}`, testBrowser());
      return { outcome: await new PushChannel(store, vapid, 2_000).send(message("u5")), kept: store.rows.length };
    };
    const five = await outcomeFor("/push/busy-500", 500);
    expect(five).toEqual({
      outcome: { status: "RETRY", error: "0 of 1 devices accepted; push service answered 500: push service says no" },
      kept: 1,
    });
    expect((await outcomeFor("/push/slow-429", 429)).outcome.status).toBe("RETRY");
    expect((await outcomeFor("http://127.0.0.1:1/push/closed")).outcome).toMatchObject({
      status: "RETRY",
      error: expect.stringContaining("unreachable"),
    });
    expect((await outcomeFor("/push/forbidden-403", 403)).outcome).toMatchObject({
      status: "FAILED",
      error: expect.stringContaining("403"),
    });
  });
});
