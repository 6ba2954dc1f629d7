import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import type { NotificationSettingsChangedV1, SignedInV1 } from "../../../schema/events/identity.js";
import { NOTIFICATION_KINDS } from "../../../schema/events/notifications.js";
import { type GraphQLResult, type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { __typename ... on AuthPayload { accessToken refreshToken } ... on MfaChallenge { challenge } } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`;
const VERIFY_EMAIL = `mutation($token: String!) { verifyEmail(token: $token) }`;
const PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { timezone } }`;
const FINANCIAL = `mutation($input: UpdateFinancialPreferencesInput!) { updateFinancialPreferences(input: $input) { id } }`;
const NOTIFICATIONS = `mutation($input: UpdateNotificationPreferencesInput!) {
  updateNotificationPreferences(input: $input) {
    notificationPreferences { budgetAlerts billReminders goalProgress weeklySummary securityAlerts kinds { kind inApp email push sms } quietHours { start end } digest }
  }
}`;
const ENROL = `mutation { enrolMfa { secret } }`;
const CONFIRM = `mutation($code: String!) { confirmMfa(code: $code) { enabledAt } }`;
const DISABLE = `mutation($code: String!) { disableMfa(code: $code) }`;
const VERIFY_MFA = `mutation($challenge: String!, $code: String!) { verifyMfa(challenge: $challenge, code: $code) { accessToken } }`;

const errorOf = (r: GraphQLResult) => r.errors?.[0]?.extensions;

interface OutboxRow {
  topic: string;
  type: string;
  data: Record<string, unknown>;
}

describe.each([
  ["real PostgreSQL, Redis, Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
])("identity's notification events (%s)", (_mode, config) => {
  // Near real time: the gateway checks access-token expiry against this clock.
  const clock = new FixedClock(new Date());
  let sg: TestSupergraph;

  beforeAll(async () => {
    sg = await startTestSupergraph(config(), { clock });
  });
  afterAll(async () => sg?.close());
  beforeEach(() => clock.set(new Date()));

  const db = () => sg.subgraph("identity").kit.dataSource;
  const events = async (userId: string, type?: string): Promise<OutboxRow[]> =>
    db().query(
      `SELECT topic, type, envelope->'data' AS data FROM identity.outbox WHERE key = $1 AND ($2::text IS NULL OR type = $2) ORDER BY seq`,
      [userId, type ?? null],
    );
  const settingsEvents = async (userId: string) =>
    (await events(userId, "NotificationSettingsChanged")).map((e) => e.data as unknown as NotificationSettingsChangedV1);
  const signIns = async (userId: string) => (await events(userId, "SignedIn")).map((e) => e.data as unknown as SignedInV1);
  const login = (user: RegisteredUser, userAgent?: string) =>
    sg.query(LOGIN, { input: { email: user.email, password: user.password } }, userAgent ? { "user-agent": userAgent } : {});

  it("announces the full settings on registration, with no secret in them", async () => {
    const user = await sg.register("Nora");
    const all = await events(user.id);
    expect(all.map((e) => `${e.topic} ${e.type}`)).toEqual([
      "identity.user.v1 UserRegistered",
      "identity.user.v1 NotificationSettingsChanged",
    ]);
    const [settings] = await settingsEvents(user.id);
    expect(settings).toEqual({
      userId: user.id,
      email: user.email,
      emailVerified: false,
      locale: "en-US",
      timezone: "UTC",
      preferences: { kinds: expect.any(Array), quietHours: null, digest: "OFF" },
    });
    expect(settings!.preferences.kinds.map((k) => k.kind)).toEqual([...NOTIFICATION_KINDS]);
    expect(JSON.stringify(all)).not.toMatch(/password|hash|mfa_?secret|\$argon2/i);
  });

  it("announces the verified address, and a locale or time zone change, but not a currency change", async () => {
    const user = await sg.register("Omar");
    const [mail] = await db().query(`SELECT body FROM identity.mail_messages WHERE to_address = $1`, [user.email]);
    const token = /verify-email\?token=([A-Za-z0-9_-]+)/.exec(mail.body)![1]!;
    expect((await sg.query(VERIFY_EMAIL, { token })).data).toEqual({ verifyEmail: true });
    expect((await settingsEvents(user.id)).at(-1)).toMatchObject({ emailVerified: true });

    expect((await sg.query(PROFILE, { input: { timezone: "Europe/Paris", locale: "fr-FR" } }, user.headers)).errors).toBeUndefined();
    expect((await settingsEvents(user.id)).at(-1)).toMatchObject({ timezone: "Europe/Paris", locale: "fr-FR", emailVerified: true });
    expect((await sg.query(PROFILE, { input: { displayName: "Omar B." } }, user.headers)).errors).toBeUndefined();
    expect((await sg.query(FINANCIAL, { input: { baseCurrency: "EUR" } }, user.headers)).errors).toBeUndefined();
    expect(await settingsEvents(user.id)).toHaveLength(3);
  });

  it("stores per-kind channels, quiet hours and digest, maps the switches, and announces each change", async () => {
    const user = await sg.register("Pia");
    const r = await sg.query(
      NOTIFICATIONS,
      {
        input: {
          budgetAlerts: false,
          kinds: [
            { kind: "BUDGET_EXCEEDED", push: true },
            { kind: "GROUP_EXPENSE", email: true, inApp: false },
          ],
          quietHours: { start: "22:00", end: "07:30" },
          digest: "DAILY",
        },
      },
      user.headers,
    );
    expect(r.errors).toBeUndefined();
    const prefs = r.data.updateNotificationPreferences.notificationPreferences;
    expect(prefs).toMatchObject({
      budgetAlerts: true,
      billReminders: true,
      weeklySummary: false,
      quietHours: { start: "22:00", end: "07:30" },
      digest: "DAILY",
    });
    const choice = (kind: string) => prefs.kinds.find((k: { kind: string }) => k.kind === kind);
    expect(choice("BUDGET_THRESHOLD")).toEqual({ kind: "BUDGET_THRESHOLD", inApp: true, email: false, push: false, sms: false });
    expect(choice("BUDGET_EXCEEDED")).toEqual({ kind: "BUDGET_EXCEEDED", inApp: true, email: false, push: true, sms: false });
    expect(choice("GROUP_EXPENSE")).toEqual({ kind: "GROUP_EXPENSE", inApp: false, email: true, push: false, sms: false });
    const announced = (await settingsEvents(user.id)).at(-1)!;
    expect(announced.preferences).toEqual({ kinds: prefs.kinds, quietHours: { start: "22:00", end: "07:30" }, digest: "DAILY" });

    const legacy = await sg.query(NOTIFICATIONS, { input: { securityAlerts: false, weeklySummary: true, quietHours: null } }, user.headers);
    expect(legacy.data.updateNotificationPreferences.notificationPreferences).toMatchObject({
      securityAlerts: false,
      weeklySummary: true,
      digest: "WEEKLY",
      quietHours: null,
    });
    expect(await settingsEvents(user.id)).toHaveLength(3);
  });

  it("refuses unknown or duplicate kinds and bad times with BAD_USER_INPUT and the field, changing nothing", async () => {
    const user = await sg.register("Quin");
    const bad = async (input: Record<string, unknown>) => errorOf(await sg.query(NOTIFICATIONS, { input }, user.headers));
    expect(await bad({ kinds: [{ kind: "LOTTERY_WON", email: true }] })).toMatchObject({ code: "BAD_USER_INPUT", field: "kinds[0].kind" });
    expect(await bad({ kinds: [{ kind: "ANOMALY" }, { kind: "ANOMALY", push: true }] })).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "kinds[1].kind",
    });
    expect(await bad({ quietHours: { start: "25:00", end: "07:00" } })).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "quietHours.start",
    });
    expect(await bad({ quietHours: { start: "22:00", end: "22:00" } })).toMatchObject({ code: "BAD_USER_INPUT", field: "quietHours.end" });
    expect(await settingsEvents(user.id)).toHaveLength(1);
  });

  it("announces every password sign-in with whether the device is new, and no token refresh", async () => {
    const user = await sg.register("Rui");
    const first = await login(user, "Firefox/140 test");
    expect(first.data.login.__typename).toBe("AuthPayload");
    await login(user, "Firefox/140 test");
    // The harness registered with fetch's own user agent: that session makes it a known device.
    await login(user);
    expect((await sg.query(REFRESH, { t: first.data.login.refreshToken })).errors).toBeUndefined();
    const seen = await signIns(user.id);
    expect(seen.map((s) => [s.method, s.userAgent, s.newDevice])).toEqual([
      ["PASSWORD", "Firefox/140 test", true],
      ["PASSWORD", "Firefox/140 test", false],
      ["PASSWORD", expect.any(String), false],
    ]);
    expect(seen[0]).toMatchObject({ userId: user.id, ipAddress: "127.0.0.1", sessionId: expect.any(String), at: expect.any(String) });
    expect((await events(user.id, "SignedIn")).every((e) => e.topic === "identity.security.v1")).toBe(true);
  });

  it("announces MFA turned on and off, and the sign-in after the second factor", async () => {
    const user = await sg.register("Sol");
    const totp = (secret: string, steps = 0) =>
      TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: clock.now().getTime() + steps * 30_000 });
    const { secret } = (await sg.query(ENROL, {}, user.headers)).data.enrolMfa;
    expect((await sg.query(CONFIRM, { code: totp(secret) }, user.headers)).errors).toBeUndefined();
    clock.advance(30_000);
    const challenge = (await login(user, "Safari/18")).data.login.challenge;
    expect((await sg.query(VERIFY_MFA, { challenge, code: totp(secret) }, { "user-agent": "Safari/18" })).errors).toBeUndefined();
    clock.advance(30_000);
    expect((await sg.query(DISABLE, { code: totp(secret) }, user.headers)).errors).toBeUndefined();

    const security = (await events(user.id)).filter((e) => e.topic === "identity.security.v1");
    expect(security.map((e) => [e.type, e.data.enabled ?? e.data.method])).toEqual([
      ["MfaChanged", true],
      ["SignedIn", "MFA"],
      ["MfaChanged", false],
    ]);
    expect(security[1]!.data).toMatchObject({ userAgent: "Safari/18", newDevice: true });
  });
});
