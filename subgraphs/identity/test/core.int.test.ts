import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import { bearer, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken refreshToken tokenType expiresAt user { id email displayName } } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { __typename ... on AuthPayload { accessToken refreshToken user { id } } ... on MfaChallenge { challenge } } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;
const ME = `{ me { id email displayName timezone locale preferences { baseCurrency firstDayOfWeek monthStartDay salaryDay } notificationPreferences { budgetAlerts weeklySummary } security { emailVerified mfaEnabled lockedUntil hasPassword } } }`;
const EVENTS = `{ securityEvents { type } }`;

const code = (r: { errors?: Array<{ extensions?: Record<string, any> }> }) => r.errors?.[0]?.extensions?.code;
const unique = () => Math.random().toString(36).slice(2, 10);
const PASSWORD = "plum-tractor-velvet-93";

describe("identity through the gateway (real PostgreSQL, Redis, Kafka)", () => {
  const clock = new FixedClock(new Date());
  let sg: TestSupergraph;

  beforeAll(async () => {
    sg = await startTestSupergraph(realServicesConfig(), { clock });
  });
  afterAll(async () => sg?.close());

  const register = (email: string, password = PASSWORD, displayName = "Dana") =>
    sg.query(REGISTER, { input: { email, password, displayName } });
  const login = (email: string, password = PASSWORD, headers: Record<string, string> = {}) =>
    sg.query(LOGIN, { input: { email, password } }, headers);

  describe("register", () => {
    it("normalises the e-mail, signs in, and announces UserRegistered", async () => {
      const email = `  Dana.${unique()}@Example.COM `;
      const r = await register(email);
      expect(r.errors).toBeUndefined();
      expect(r.data.register).toMatchObject({ tokenType: "Bearer", user: { email: email.trim().toLowerCase(), displayName: "Dana" } });
      const me = await sg.query(ME, {}, bearer(r.data.register.accessToken));
      expect(me.data.me).toMatchObject({
        timezone: "UTC",
        locale: "en-US",
        preferences: { baseCurrency: "USD", firstDayOfWeek: 1, monthStartDay: 1, salaryDay: null },
        security: { emailVerified: false, mfaEnabled: false, lockedUntil: null, hasPassword: true },
      });
      const [row] = await sg
        .subgraph("identity")
        .kit.dataSource.query(
          `SELECT type, envelope->'data'->'preferences'->>'baseCurrency' AS currency FROM identity.outbox WHERE key = $1 ORDER BY seq`,
          [r.data.register.user.id],
        );
      expect(row).toEqual({ type: "UserRegistered", currency: "USD" });
    });

    it("rejects invalid e-mails, short and common passwords, and duplicates, writing nothing", async () => {
      const email = `erin.${unique()}@example.com`;
      expect(code(await register("not-an-email"))).toBe("BAD_USER_INPUT");
      expect(code(await register(email, "short"))).toBe("BAD_USER_INPUT");
      expect(code(await register(email, "password1234"))).toBe("BAD_USER_INPUT");
      expect(code(await register(email, PASSWORD, "   "))).toBe("BAD_USER_INPUT");
      expect(code(await login(email))).toBe("UNAUTHENTICATED");
      expect((await register(email)).errors).toBeUndefined();
      expect(code(await register(email.toUpperCase()))).toBe("CONFLICT");
    });

    it("creates exactly one account under concurrent duplicate registrations", async () => {
      const email = `race.${unique()}@example.com`;
      const results = await Promise.all(Array.from({ length: 5 }, () => register(email)));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => code(r) === "CONFLICT")).toHaveLength(4);
      const [count] = await sg
        .subgraph("identity")
        .kit.dataSource.query(`SELECT count(*)::int AS n FROM identity.users WHERE email = $1`, [email]);
      expect(count.n).toBe(1);
    });
  });

  describe("login", () => {
    it("signs in with the right password, in any e-mail case", async () => {
      const email = `fay.${unique()}@example.com`;
      await register(email);
      const r = await login(email.toUpperCase());
      expect(r.data.login.__typename).toBe("AuthPayload");
      expect((await sg.query(ME, {}, bearer(r.data.login.accessToken))).data.me.email).toBe(email);
    });

    it("answers an unknown e-mail and a wrong password with the same error", async () => {
      const email = `gus.${unique()}@example.com`;
      await register(email);
      const wrong = await login(email, "wrong-password-123");
      const unknown = await login(`nobody.${unique()}@example.com`);
      expect(wrong.errors![0]).toEqual(unknown.errors![0]);
      expect(code(wrong)).toBe("UNAUTHENTICATED");
    });

    it("locks an account after repeated failures, shows the lock to the owner, and records it", async () => {
      const email = `hal.${unique()}@example.com`;
      const owner = (await register(email)).data.register;
      for (let i = 0; i < 5; i++) expect(code(await login(email, `wrong-password-${i}x`))).toBe("UNAUTHENTICATED");
      const locked = await login(email);
      expect(code(locked)).toBe("RATE_LIMITED");
      expect(locked.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(0);
      // The same answer for an address that has no account: the lock reveals nothing.
      const stranger = `nobody.${unique()}@example.com`;
      for (let i = 0; i < 5; i++) await login(stranger, `wrong-password-${i}x`);
      expect(code(await login(stranger))).toBe("RATE_LIMITED");
      const me = await sg.query(ME, {}, bearer(owner.accessToken));
      expect(Date.parse(me.data.me.security.lockedUntil)).toBeGreaterThan(Date.now());
      const events = (await sg.query(EVENTS, {}, bearer(owner.accessToken))).data.securityEvents.map((e: { type: string }) => e.type);
      expect(events).toEqual(expect.arrayContaining(["ACCOUNT_LOCKED", "LOGIN_FAILED", "REGISTERED"]));
    });
  });

  describe("sessions", () => {
    it("rotates the refresh token on every use, and a reused one revokes the whole session", async () => {
      const email = `ivy.${unique()}@example.com`;
      const first = (await register(email)).data.register;
      const second = (await sg.query(REFRESH, { t: first.refreshToken })).data.refreshSession;
      expect(second.refreshToken).not.toBe(first.refreshToken);
      const third = (await sg.query(REFRESH, { t: second.refreshToken })).data.refreshSession;
      // Replaying the first token: reuse detected, the family dies, even the newest token.
      expect(code(await sg.query(REFRESH, { t: first.refreshToken }))).toBe("UNAUTHENTICATED");
      expect(code(await sg.query(REFRESH, { t: third.refreshToken }))).toBe("UNAUTHENTICATED");
      // So do its access tokens, as soon as the gateway hears of the revocation.
      await eventually(async () => expect(code(await sg.query(EVENTS, {}, bearer(third.accessToken)))).toBe("UNAUTHENTICATED"));
      const again = (await login(email)).data.login;
      const events = (await sg.query(EVENTS, {}, bearer(again.accessToken))).data.securityEvents.map((e: { type: string }) => e.type);
      expect(events).toContain("REFRESH_TOKEN_REUSED");
    });

    it("lets only one of two concurrent refreshes with the same token win", async () => {
      const first = (await register(`jay.${unique()}@example.com`)).data.register;
      const results = await Promise.all([sg.query(REFRESH, { t: first.refreshToken }), sg.query(REFRESH, { t: first.refreshToken })]);
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
    });

    it("refuses garbage and expired refresh tokens", async () => {
      expect(code(await sg.query(REFRESH, { t: "garbage" }))).toBe("UNAUTHENTICATED");
      const user = (await register(`kit.${unique()}@example.com`)).data.register;
      clock.advance(31 * 86_400_000);
      try {
        expect(code(await sg.query(REFRESH, { t: user.refreshToken }))).toBe("UNAUTHENTICATED");
      } finally {
        clock.advance(-31 * 86_400_000);
      }
    });

    it("lists, revokes and logs out sessions, and never touches another user's", async () => {
      const email = `lee.${unique()}@example.com`;
      const a = (await register(email)).data.register;
      const b = (await login(email, PASSWORD, { "user-agent": "Phone/1.0" })).data.login;
      const list = (await sg.query(`{ sessions { id device current } }`, {}, bearer(a.accessToken))).data.sessions;
      expect(list).toHaveLength(2);
      expect(list.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
      const phone = list.find((s: { device: string }) => s.device === "Phone/1.0");
      expect(phone).toBeDefined();

      const other = (await register(`mo.${unique()}@example.com`)).data.register;
      const stolen = await sg.query(`mutation($id: ID!) { revokeSession(id: $id) }`, { id: phone.id }, bearer(other.accessToken));
      expect(code(stolen)).toBe("NOT_FOUND");
      expect(
        code(await sg.query(`mutation { revokeSession(id: "00000000-0000-4000-8000-000000000000") }`, {}, bearer(a.accessToken))),
      ).toBe("NOT_FOUND");
      expect(code(await sg.query(`mutation { revokeSession(id: "not-a-uuid") }`, {}, bearer(a.accessToken)))).toBe("NOT_FOUND");

      expect(
        (await sg.query(`mutation($id: ID!) { revokeSession(id: $id) }`, { id: phone.id }, bearer(a.accessToken))).data.revokeSession,
      ).toBe(true);
      expect(code(await sg.query(REFRESH, { t: b.refreshToken }))).toBe("UNAUTHENTICATED");

      expect((await sg.query(`mutation { logout }`, {}, bearer(a.accessToken))).data.logout).toBe(true);
      expect(code(await sg.query(REFRESH, { t: a.refreshToken }))).toBe("UNAUTHENTICATED");

      const c = (await login(email)).data.login;
      await login(email);
      expect((await sg.query(`mutation { revokeAllSessions }`, {}, bearer(c.accessToken))).data.revokeAllSessions).toBe(2);
      expect(code(await sg.query(REFRESH, { t: c.refreshToken }))).toBe("UNAUTHENTICATED");
    });
  });

  describe("signing keys", () => {
    it("publishes a JWKS, and after rotation old tokens stay valid while new ones use the new key", async () => {
      const jwksUrl = sg.all.urls.identity!.replace("/graphql", "/.well-known/jwks.json");
      const before = (await (await fetch(jwksUrl)).json()) as { keys: Array<{ kid: string; alg: string; d?: string }> };
      expect(before.keys.length).toBeGreaterThan(0);
      expect(before.keys.every((k) => k.alg === "EdDSA" && k.d === undefined)).toBe(true);
      const old = (await register(`ned.${unique()}@example.com`)).data.register;
      const newKid = await sg.subgraph("identity").deps.signingKeys.rotate();
      const after = (await (await fetch(jwksUrl)).json()) as { keys: Array<{ kid: string }> };
      expect(after.keys.map((k) => k.kid)).toEqual(expect.arrayContaining([newKid, ...before.keys.map((k) => k.kid)]));
      const fresh = (await register(`ola.${unique()}@example.com`)).data.register;
      const header = JSON.parse(Buffer.from(fresh.accessToken.split(".")[0], "base64url").toString());
      expect(header.kid).toBe(newKid);
      // The gateway learns the new kid without a restart, and still accepts the old key's tokens.
      expect((await sg.query(ME, {}, bearer(fresh.accessToken))).data.me.id).toBe(fresh.user.id);
      expect((await sg.query(ME, {}, bearer(old.accessToken))).data.me.id).toBe(old.user.id);
    });
  });

  describe("profile and preferences", () => {
    it("updates profile, financial and notification preferences, and announces UserPreferencesChanged", async () => {
      const user = (await register(`pat.${unique()}@example.com`)).data.register;
      const h = bearer(user.accessToken);
      const profile = await sg.query(
        `mutation { updateProfile(input: { displayName: " Pat ", timezone: "Europe/Paris", locale: "fr-fr" }) { displayName timezone locale } }`,
        {},
        h,
      );
      expect(profile.data.updateProfile).toEqual({ displayName: "Pat", timezone: "Europe/Paris", locale: "fr-FR" });
      const money = await sg.query(
        `mutation { updateFinancialPreferences(input: { baseCurrency: "eur", firstDayOfWeek: 7, monthStartDay: 25, salaryDay: 25 }) { preferences { baseCurrency firstDayOfWeek monthStartDay salaryDay } } }`,
        {},
        h,
      );
      expect(money.data.updateFinancialPreferences.preferences).toEqual({
        baseCurrency: "EUR",
        firstDayOfWeek: 7,
        monthStartDay: 25,
        salaryDay: 25,
      });
      const notes = await sg.query(
        `mutation { updateNotificationPreferences(input: { weeklySummary: true }) { notificationPreferences { budgetAlerts weeklySummary } } }`,
        {},
        h,
      );
      expect(notes.data.updateNotificationPreferences.notificationPreferences).toEqual({ budgetAlerts: true, weeklySummary: true });
      const types = await sg
        .subgraph("identity")
        .kit.dataSource.query(`SELECT type FROM identity.outbox WHERE key = $1 ORDER BY seq`, [user.user.id]);
      expect(types.map((t: { type: string }) => t.type)).toEqual([
        "UserRegistered",
        "NotificationSettingsChanged",
        "UserPreferencesChanged",
        "NotificationSettingsChanged",
        "UserPreferencesChanged",
        "NotificationSettingsChanged",
      ]);
    });

    it("rejects bad preferences with BAD_USER_INPUT and changes nothing", async () => {
      const user = (await register(`quin.${unique()}@example.com`)).data.register;
      const h = bearer(user.accessToken);
      for (const input of [
        `{ timezone: "Mars/Olympus" }`,
        `{ timezone: "EST5EDT+" }`,
        `{ locale: "not a locale!" }`,
        `{ displayName: "" }`,
      ]) {
        expect(code(await sg.query(`mutation { updateProfile(input: ${input}) { id } }`, {}, h)), input).toBe("BAD_USER_INPUT");
      }
      for (const input of [
        `{ baseCurrency: "XYZ" }`,
        `{ firstDayOfWeek: 0 }`,
        `{ monthStartDay: 29 }`,
        `{ salaryDay: 32 }`,
        `{ baseCurrency: "EUR", monthStartDay: -1 }`,
      ]) {
        expect(code(await sg.query(`mutation { updateFinancialPreferences(input: ${input}) { id } }`, {}, h)), input).toBe(
          "BAD_USER_INPUT",
        );
      }
      const me = await sg.query(ME, {}, h);
      expect(me.data.me).toMatchObject({ timezone: "UTC", locale: "en-US", preferences: { baseCurrency: "USD", monthStartDay: 1 } });
    });

    it("needs a signed-in caller", async () => {
      expect((await sg.query(ME)).data.me).toBeNull();
      expect(code(await sg.query(`mutation { updateProfile(input: { displayName: "x" }) { id } }`))).toBe("UNAUTHENTICATED");
    });
  });

  describe("export and deletion", () => {
    it("exports the user's identity data as JSON without secrets", async () => {
      const user = (await register(`rae.${unique()}@example.com`)).data.register;
      const r = await sg.query(`{ exportMyData { filename contentType content } }`, {}, bearer(user.accessToken));
      expect(r.data.exportMyData).toMatchObject({ filename: `moneta-identity-${user.user.id}.json`, contentType: "application/json" });
      const doc = JSON.parse(r.data.exportMyData.content);
      expect(doc.profile).toMatchObject({ id: user.user.id, email: user.user.email });
      expect(doc.sessions).toHaveLength(1);
      expect(doc.securityEvents.map((e: { type: string }) => e.type)).toContain("REGISTERED");
      expect(r.data.exportMyData.content).not.toMatch(/argon2|password_hash|token_hash|private/i);
    });

    it("deletes the account after checking the password, and every subgraph purges the user's data", async () => {
      const user = (await register(`sam.${unique()}@example.com`)).data.register;
      const h = bearer(user.accessToken);
      const accountId = await sg.createAccount({ headers: h }, "USD");
      const spent = await sg.query(
        `mutation($a: ID!) { postTransaction(input: { accountId: $a, amount: { amount: "-5.00", currency: "USD" }, payee: "Tea", date: "2026-11-02" }) { id } }`,
        { a: accountId },
        h,
      );
      expect(spent.errors).toBeUndefined();
      await eventually(async () => {
        const r = await sg.query(`{ me { monthlySpending(month: "2026-11") { amount } } }`, {}, h);
        expect(r.data.me.monthlySpending).toEqual([{ amount: "5.00" }]);
      });
      expect(code(await sg.query(`mutation { deleteAccount(password: "wrong-password-1") }`, {}, h))).toBe("UNAUTHENTICATED");
      expect((await sg.query(`mutation { deleteAccount(password: "${PASSWORD}") }`, {}, h)).data.deleteAccount).toBe(true);

      expect(code(await login(user.user.email))).toBe("UNAUTHENTICATED");
      expect(code(await sg.query(REFRESH, { t: user.refreshToken }))).toBe("UNAUTHENTICATED");
      const ledger = sg.subgraph("ledger").kit.dataSource;
      const budgets = sg.subgraph("budgets").kit.dataSource;
      await eventually(async () => {
        expect(await ledger.query(`SELECT id FROM ledger.transactions WHERE user_id = $1`, [user.user.id])).toEqual([]);
        expect(await ledger.query(`SELECT id FROM ledger.accounts WHERE user_id = $1`, [user.user.id])).toEqual([]);
        expect(await budgets.query(`SELECT transaction_id FROM budgets.spending_lines WHERE user_id = $1`, [user.user.id])).toEqual([]);
      });
      const identityRows = await sg
        .subgraph("identity")
        .kit.dataSource.query(
          `SELECT (SELECT count(*) FROM identity.users WHERE id = $1) + (SELECT count(*) FROM identity.sessions WHERE user_id = $1) + (SELECT count(*) FROM identity.audit_events WHERE user_id = $1) AS n`,
          [user.user.id],
        );
      expect(Number(identityRows[0].n)).toBe(0);

      // Events about the deleted user still in flight must not bring data back: replay the
      // account's and the transaction's.
      const inFlight = await ledger.query(
        `SELECT DISTINCT ON (topic) topic, key, envelope::text AS envelope FROM ledger.outbox WHERE key = $1 AND topic IN ('ledger.account.v1', 'ledger.transaction.v1') ORDER BY topic, seq`,
        [user.user.id],
      );
      expect(inFlight).toHaveLength(2);
      const ids: string[] = [];
      const replays = inFlight.map((row: { topic: string; key: string; envelope: string }, i: number) => {
        const replay = JSON.parse(row.envelope);
        replay.id = `00000000-0000-4000-800${i}-` + Date.now().toString(16).padStart(12, "0").slice(-12);
        ids.push(replay.id);
        return { topic: row.topic, key: row.key, value: JSON.stringify(replay), headers: {} };
      });
      await sg.all.platform.bus.publish(replays);
      await eventually(async () => {
        // Every budgets consumer of those topics saw them (and skipped them for the tombstone):
        // one of the account topic, two of the transaction topic.
        const [seen] = await budgets.query(`SELECT count(*)::int AS n FROM budgets.inbox WHERE event_id = ANY($1::uuid[])`, [ids]);
        expect(seen.n).toBe(3);
      });
      expect(await budgets.query(`SELECT transaction_id FROM budgets.spending_lines WHERE user_id = $1`, [user.user.id])).toEqual([]);
      expect(await budgets.query(`SELECT id FROM budgets.accounts WHERE user_id = $1`, [user.user.id])).toEqual([]);
      expect(await budgets.query(`SELECT id FROM budgets.goal_movements WHERE user_id = $1`, [user.user.id])).toEqual([]);
    });
  });
});

describe("identity lockout lifts with time (embedded defaults, pinned clock)", () => {
  const clock = new FixedClock(new Date());
  let sg: TestSupergraph;
  beforeAll(async () => {
    sg = await startTestSupergraph(embeddedConfig(), { clock });
  });
  afterAll(async () => sg?.close());

  it("refuses the right password while locked and accepts it once the lockout has passed", async () => {
    const email = `tia.${unique()}@example.com`;
    await sg.query(REGISTER, { input: { email, password: PASSWORD, displayName: "Tia" } });
    for (let i = 0; i < 5; i++) await sg.query(LOGIN, { input: { email, password: `wrong-password-${i}x` } });
    expect(code(await sg.query(LOGIN, { input: { email, password: PASSWORD } }))).toBe("RATE_LIMITED");
    clock.advance(16 * 60_000);
    expect((await sg.query(LOGIN, { input: { email, password: PASSWORD } })).data.login.__typename).toBe("AuthPayload");
  });
});
