import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import type { EventEnvelope } from "../../../platform/events/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { startTestSmsServer, type TestSmsServer } from "../../../platform/testing/test-sms-server.js";
import { FixedClock } from "../../../platform/time/index.js";
import { BUDGET_EXCEEDED, type BudgetAlertV1, BUDGETS_ALERT_TOPIC } from "../../../schema/events/budgets.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import type { InsightsDeps } from "../insights.deps.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

const PUBLIC_BASE = "https://moneta.example";
const CAP = 3;
const STATUS = `state phoneNumber pendingPhoneNumber smsSentToday smsDailyCap`;
const START = `mutation($p: String!) { startPhoneVerification(input: {phoneNumber: $p}) { ${STATUS} } }`;
const CONFIRM = `mutation($c: String!) { confirmPhoneVerification(input: {code: $c}) { ${STATUS} } }`;
const OPT_IN = `mutation { updateNotificationPreferences(input: {kinds: [{kind: "BUDGET_EXCEEDED", sms: true}]}) { notificationPreferences { kinds { kind sms } } } }`;

/** SMS through the gateway against a local server speaking Twilio's REST API: verification, delivery, status callbacks, the cap. */
describe.each(modes)("SMS notifications on %s", (_mode, config) => {
  const env = [
    "SMS_PROVIDER",
    "TWILIO_ACCOUNT_SID",
    "TWILIO_AUTH_TOKEN",
    "TWILIO_FROM",
    "TWILIO_API_BASE_URL",
    "SMS_CALLBACK_BASE_URL",
    "SMS_DAILY_CAP_PER_USER",
  ] as const;
  const saved = Object.fromEntries(env.map((name) => [name, process.env[name]]));
  const clock = new FixedClock(new Date());
  let sg: TestSupergraph;
  let twilio: TestSmsServer;

  const deps = () => sg.subgraph<InsightsDeps>("insights").deps;
  const db = () => sg.subgraph("insights").kit.dataSource;
  const textsTo = (number: string) => twilio.received.filter((m) => m.to === number);
  const codeIn = (body: string) => /\b(\d{6})\b/.exec(body)![1]!;
  const ok = async (query: string, variables: Record<string, unknown>, user: RegisteredUser) => {
    const r = await sg.query(query, variables, user.headers);
    expect(r.errors).toBeUndefined();
    return r.data as Record<string, Record<string, unknown>>;
  };
  const errorOf = async (query: string, variables: Record<string, unknown>, user: RegisteredUser) =>
    (await sg.query(query, variables, user.headers)).errors?.[0]?.extensions;

  /** A user whose number is verified through the gateway, opted in to BUDGET_EXCEEDED by SMS. */
  async function verifiedUser(name: string, number: string): Promise<RegisteredUser> {
    const user = await sg.register(name);
    await ok(START, { p: number }, user);
    const [text] = textsTo(number).slice(-1);
    expect((await ok(CONFIRM, { c: codeIn(text!.body) }, user)).confirmPhoneVerification).toMatchObject({
      state: "VERIFIED",
      phoneNumber: number,
    });
    await optIn(user);
    return user;
  }
  async function optIn(user: RegisteredUser): Promise<void> {
    await ok(OPT_IN, {}, user);
    await eventually(async () =>
      expect((await deps().notifications.settings.get(user.id)).preferences.kinds.find((k) => k.kind === "BUDGET_EXCEEDED")?.sms).toBe(
        true,
      ),
    );
  }
  async function budgetExceeded(user: RegisteredUser): Promise<string> {
    const id = randomUUID();
    const data: BudgetAlertV1 = {
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
    const envelope: EventEnvelope<BudgetAlertV1> = {
      ...{ id, type: BUDGET_EXCEEDED, version: 1, source: "test", key: user.id, occurredAt: clock.now().toISOString() },
      ...{ traceId: `sms-test-${id}`, data },
    };
    await sg.all.platform.bus.publish([{ topic: BUDGETS_ALERT_TOPIC, key: user.id, value: JSON.stringify(envelope), headers: {} }]);
    return eventually(async () => {
      const [row] = await db().query(`SELECT id FROM insights.notifications WHERE source_event_id = $1`, [id]);
      expect(row).toBeDefined();
      return row.id as string;
    });
  }
  const smsDelivery = async (notificationId: string) =>
    (
      await db().query(`SELECT status, last_error FROM insights.notification_deliveries WHERE notification_id = $1 AND channel = 'SMS'`, [
        notificationId,
      ])
    )[0];

  beforeAll(async () => {
    twilio = await startTestSmsServer();
    Object.assign(process.env, {
      SMS_PROVIDER: "twilio",
      TWILIO_ACCOUNT_SID: twilio.accountSid,
      TWILIO_AUTH_TOKEN: twilio.authToken,
      TWILIO_FROM: "+15017122661",
      TWILIO_API_BASE_URL: twilio.url,
      SMS_CALLBACK_BASE_URL: PUBLIC_BASE,
      SMS_DAILY_CAP_PER_USER: String(CAP),
    });
    sg = await startTestSupergraph(config(), { clock });
  });
  afterAll(async () => {
    await sg?.close();
    await twilio?.close();
    for (const name of env) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it("verifies a number by a texted code: malformed numbers, a resend too soon and a wrong code are refused with codes and fields", async () => {
    const user = await sg.register("Vera");
    expect(await errorOf(START, { p: "0151 1234 5678" }, user)).toMatchObject({ code: "BAD_USER_INPUT", field: "phoneNumber" });
    expect(await errorOf(START, { p: "+1415555267" }, user)).toMatchObject({ code: "BAD_USER_INPUT", field: "phoneNumber" });
    expect(twilio.received).toHaveLength(0);

    const started = (await ok(START, { p: "+49 151 1234 5678" }, user)).startPhoneVerification;
    expect(started).toMatchObject({ state: "PENDING", phoneNumber: null, pendingPhoneNumber: "+4915112345678", smsSentToday: 1 });
    const [text] = textsTo("+4915112345678");
    expect(text).toMatchObject({ from: "+15017122661", accountSid: twilio.accountSid, statusCallback: `${PUBLIC_BASE}/sms/status` });
    const code = codeIn(text!.body);
    const [row] = await db().query(`SELECT code_hash FROM insights.sms_phone_numbers WHERE user_id = $1`, [user.id]);
    expect(row.code_hash).not.toContain(code);

    expect(await errorOf(START, { p: "+4915112345678" }, user)).toMatchObject({ code: "RATE_LIMITED", field: "phoneNumber" });
    const wrong = code === "000000" ? "000001" : "000000";
    expect(await errorOf(CONFIRM, { c: wrong }, user)).toMatchObject({ code: "BAD_USER_INPUT", field: "code", attemptsLeft: 4 });
    expect((await ok(CONFIRM, { c: code }, user)).confirmPhoneVerification).toMatchObject({
      state: "VERIFIED",
      phoneNumber: "+4915112345678",
      pendingPhoneNumber: null,
    });
    expect(await errorOf(CONFIRM, { c: code }, user)).toMatchObject({ code: "BAD_USER_INPUT", field: "code" });
    expect(textsTo("+4915112345678")).toHaveLength(1);
  });

  it("texts an opted-in kind to the verified number only, and records the provider's signed status callbacks (a forged one is 403)", async () => {
    // Opted in without a verified number: skipped with the reason, nothing sent.
    const unverified = await sg.register("Una");
    await optIn(unverified);
    const skipped = await budgetExceeded(unverified);
    await eventually(async () =>
      expect(await smsDelivery(skipped)).toMatchObject({ status: "SKIPPED", last_error: "no verified phone number" }),
    );

    const user = await verifiedUser("Sam", "+14155552671");
    const notificationId = await budgetExceeded(user);
    await eventually(async () => expect(await smsDelivery(notificationId)).toMatchObject({ status: "SENT" }));
    const text = textsTo("+14155552671").at(-1)!;
    expect(text.body).toContain("Budget exceeded");
    expect(text.body).toContain("£1,234.56");

    const smsMessages = async () =>
      (await ok(`{ smsMessages(first: 5) { purpose notificationId status errorCode } }`, {}, user)).smsMessages as unknown as Array<
        Record<string, unknown>
      >;
    expect((await smsMessages()).find((m) => m.notificationId === notificationId)).toMatchObject({
      purpose: "NOTIFICATION",
      notificationId,
      status: "QUEUED",
    });

    const gateway = `${sg.gateway.url.replace(/\/graphql$/, "")}/sms/status`;
    expect(await twilio.postStatus(text.sid, "delivered", { deliverTo: gateway, authToken: "f".repeat(32) })).toBe(403);
    expect(await twilio.postStatus(text.sid, "delivered", { deliverTo: `${gateway}?extra=1` })).toBe(403);
    expect((await smsMessages()).find((m) => m.notificationId === notificationId)).toMatchObject({ status: "QUEUED" });

    expect(await twilio.postStatus(text.sid, "undelivered", { deliverTo: gateway, errorCode: "30003" })).toBe(204);
    expect((await smsMessages()).find((m) => m.notificationId === notificationId)).toMatchObject({
      status: "UNDELIVERED",
      errorCode: "30003",
    });
    // A late, earlier status does not move it back.
    expect(await twilio.postStatus(text.sid, "sent", { deliverTo: gateway })).toBe(204);
    expect((await smsMessages()).find((m) => m.notificationId === notificationId)).toMatchObject({ status: "UNDELIVERED" });
  });

  it("stops at the daily cap: further deliveries are SKIPPED with the reason and a new code is SMS_DAILY_CAP_REACHED", async () => {
    const number = "+33612345678";
    const user = await verifiedUser("Cappy", number);
    const sent = [await budgetExceeded(user), await budgetExceeded(user)];
    for (const id of sent) await eventually(async () => expect(await smsDelivery(id)).toMatchObject({ status: "SENT" }));
    const over = await budgetExceeded(user);
    await eventually(async () =>
      expect(await smsDelivery(over)).toMatchObject({ status: "SKIPPED", last_error: `daily SMS cap reached (${CAP} in 24 hours)` }),
    );
    expect(textsTo(number)).toHaveLength(CAP);

    clock.advance(61_000);
    expect(await errorOf(START, { p: "+4915112345679" }, user)).toMatchObject({
      code: "SMS_DAILY_CAP_REACHED",
      field: "phoneNumber",
      cap: CAP,
    });
    expect((await ok(`{ phoneNumber { ${STATUS} } }`, {}, user)).phoneNumber).toMatchObject({
      state: "VERIFIED",
      phoneNumber: number,
      pendingPhoneNumber: null,
      smsSentToday: CAP,
      smsDailyCap: CAP,
    });
    expect(await ok(`mutation { removePhoneNumber }`, {}, user)).toEqual({ removePhoneNumber: true });
    expect((await ok(`{ phoneNumber { state phoneNumber } }`, {}, user)).phoneNumber).toEqual({ state: "NONE", phoneNumber: null });
  });
});
