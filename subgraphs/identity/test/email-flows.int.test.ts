import { createHash, randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { startTestSmtpServer, type TestSmtpServer } from "../../../platform/testing/test-smtp-server.js";
import { FixedClock } from "../../../platform/time/index.js";
import { bearer, type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import type { IdentityDeps } from "../identity.deps.js";

const ME = `{ me { id security { emailVerified hasPassword } } }`;
const EVENTS = `{ securityEvents { type } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { __typename ... on AuthPayload { accessToken refreshToken } } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;
const REQUEST_VERIFICATION = `mutation { requestEmailVerification }`;
const VERIFY = `mutation($token: String!) { verifyEmail(token: $token) }`;
const REQUEST_RESET = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation($token: String!, $pw: String!) { resetPassword(token: $token, newPassword: $pw) }`;
const CHANGE = `mutation($current: String!, $pw: String!) { changePassword(currentPassword: $current, newPassword: $pw) }`;

const HOUR = 3_600_000;
const MAIL_FROM = "Moneta Tests <no-reply@moneta.test>";
const NEW_PASSWORD = "saffron-lantern-orbit-58";

type Result = { errors?: Array<{ extensions?: Record<string, any> }> };
const code = (r: Result) => r.errors?.[0]?.extensions?.code;
const reason = (r: Result) => r.errors?.[0]?.extensions?.reason;
const unique = () => Math.random().toString(36).slice(2, 10);
const sha256 = (s: string) => createHash("sha256").update(s).digest("base64url");

interface MailRow {
  id: string;
  user_id: string | null;
  to_address: string;
  subject: string;
  body: string;
  created_at: Date;
  sent_at: Date | null;
  attempts: number;
  last_error: string | null;
}

describe("e-mail verification, password reset and change (real PostgreSQL, Redis, Kafka, SMTP)", () => {
  // Near real time: the gateway checks access-token expiry against this clock too.
  const clock = new FixedClock(new Date());
  let sg: TestSupergraph;
  let smtp: TestSmtpServer;
  let appUrl: string;

  const settings = ["SMTP_URL", "MAIL_FROM", "PASSWORD_RESET_REQUESTS_PER_IP_PER_HOUR"] as const;
  const saved = Object.fromEntries(settings.map((k) => [k, process.env[k]]));

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    smtp.failOnceFor((address) => address.startsWith("bounce.once."));
    process.env.SMTP_URL = smtp.url;
    process.env.MAIL_FROM = MAIL_FROM;
    // Every test request comes from 127.0.0.1; the per-IP limit has its own unit test.
    process.env.PASSWORD_RESET_REQUESTS_PER_IP_PER_HOUR = "1000000";
    try {
      sg = await startTestSupergraph(realServicesConfig(), { clock });
    } finally {
      for (const k of settings) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    }
    appUrl = identity().config.appUrl;
  });
  afterAll(async () => {
    await sg?.close();
    await smtp?.close();
  });

  const identity = () => sg?.subgraph<IdentityDeps>("identity").deps;
  const db = () => sg.subgraph("identity").kit.dataSource;
  const mailsTo = (address: string): Promise<MailRow[]> =>
    db().query(`SELECT * FROM identity.mail_messages WHERE to_address = $1 ORDER BY created_at, id`, [address]);
  const allMailCount = async () => (await db().query(`SELECT count(*)::int AS n FROM identity.mail_messages`))[0].n as number;
  const tokenIn = (body: string, path: "verify-email" | "reset-password") => {
    const escaped = `${appUrl}/${path}`.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    const match = new RegExp(`${escaped}\\?token=([A-Za-z0-9_-]+)`).exec(body);
    if (!match) throw new Error(`no ${path} link in: ${body}`);
    return match[1]!;
  };
  /** The link of the newest mail of that kind to the address. */
  const latestToken = async (address: string, path: "verify-email" | "reset-password") => {
    const mail = (await mailsTo(address)).filter((m) => m.body.includes(`/${path}?`)).at(-1);
    if (!mail) throw new Error(`no ${path} mail to ${address}`);
    return tokenIn(mail.body, path);
  };
  const login = (email: string, password: string) => sg.query(LOGIN, { input: { email, password } });
  const events = async (headers: Record<string, string>) =>
    (await sg.query(EVENTS, {}, headers)).data.securityEvents.map((e: { type: string }) => e.type) as string[];
  const freshHeaders = async (email: string, password: string) => bearer((await login(email, password)).data.login.accessToken);
  const passwordHashOf = async (userId: string) =>
    (await db().query(`SELECT password_hash FROM identity.users WHERE id = $1`, [userId]))[0].password_hash;

  describe("verification", () => {
    it("registration mails a verification link over SMTP; the link verifies once", async () => {
      const user = await sg.register("Vera");
      const [mail, ...others] = await mailsTo(user.email);
      expect(others).toHaveLength(0);
      expect(mail).toMatchObject({ user_id: user.id, subject: "Confirm your e-mail address for Moneta" });
      const token = tokenIn(mail!.body, "verify-email");

      // Only the hash is stored, with a 24-hour life.
      const [stored] = await db().query(
        `SELECT token_hash, purpose, expires_at, created_at, used_at FROM identity.email_tokens WHERE user_id = $1`,
        [user.id],
      );
      expect(stored).toMatchObject({ token_hash: sha256(token), purpose: "verify_email", used_at: null });
      expect(stored.expires_at.getTime() - stored.created_at.getTime()).toBe(24 * HOUR);
      expect(JSON.stringify(await db().query(`SELECT * FROM identity.email_tokens`))).not.toContain(token);

      // Delivered through the real SMTP server after commit, and marked sent.
      const delivered = await eventually(() => {
        const found = smtp.received.find((m) => m.to.includes(user.email));
        expect(found).toBeDefined();
        return found!;
      });
      expect(delivered.from).toBe("no-reply@moneta.test");
      expect(delivered.raw).toMatch(/^From: Moneta Tests <no-reply@moneta\.test>\r$/m);
      expect(delivered.text).toContain(`${appUrl}/verify-email?token=${token}`);
      await eventually(async () =>
        expect((await mailsTo(user.email))[0]).toMatchObject({ attempts: 1, last_error: null, sent_at: expect.any(Date) }),
      );

      expect((await sg.query(ME, {}, user.headers)).data.me.security.emailVerified).toBe(false);
      expect((await sg.query(VERIFY, { token })).data).toEqual({ verifyEmail: true });
      expect((await sg.query(ME, {}, user.headers)).data.me.security.emailVerified).toBe(true);
      expect(await events(user.headers)).toContain("EMAIL_VERIFIED");

      const again = await sg.query(VERIFY, { token });
      expect([code(again), reason(again)]).toEqual(["BAD_USER_INPUT", "TOKEN_USED"]);
      const garbage = await sg.query(VERIFY, { token: "not-a-token" });
      expect([code(garbage), reason(garbage)]).toEqual(["BAD_USER_INPUT", "TOKEN_INVALID"]);
      expect((garbage.errors![0] as { message: string }).message).toBe((again.errors![0] as { message: string }).message);

      // Already verified: true, and nothing mailed.
      expect((await sg.query(REQUEST_VERIFICATION, {}, user.headers)).data).toEqual({ requestEmailVerification: true });
      expect(await mailsTo(user.email)).toHaveLength(1);
    });

    it("refuses an expired verification link", async () => {
      const user = await sg.register("Late");
      const token = await latestToken(user.email, "verify-email");
      clock.advance(25 * HOUR);
      try {
        const r = await sg.query(VERIFY, { token });
        expect([code(r), reason(r)]).toEqual(["BAD_USER_INPUT", "TOKEN_EXPIRED"]);
      } finally {
        clock.advance(-25 * HOUR);
      }
      expect((await sg.query(ME, {}, user.headers)).data.me.security.emailVerified).toBe(false);
    });

    it("resends on request, throttled per user; any open link verifies and then all are spent", async () => {
      const user = await sg.register("Resend");
      expect(code(await sg.query(REQUEST_VERIFICATION))).toBe("UNAUTHENTICATED");
      for (let i = 0; i < 5; i++) {
        clock.advance(1);
        expect((await sg.query(REQUEST_VERIFICATION, {}, user.headers)).data).toEqual({ requestEmailVerification: true });
      }
      const limited = await sg.query(REQUEST_VERIFICATION, {}, user.headers);
      expect(code(limited)).toBe("RATE_LIMITED");
      expect(limited.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(0);
      const mails = await mailsTo(user.email);
      expect(mails).toHaveLength(6);
      const tokens = mails.map((m) => tokenIn(m.body, "verify-email"));
      expect(new Set(tokens).size).toBe(6);
      expect((await sg.query(VERIFY, { token: tokens[2] })).data).toEqual({ verifyEmail: true });
      expect(reason(await sg.query(VERIFY, { token: tokens[5] }))).toBe("TOKEN_USED");
    });
  });

  describe("password reset", () => {
    it("answers true for an unknown or malformed address and mails nothing", async () => {
      const before = await allMailCount();
      const unknown = `nobody.${unique()}@example.com`;
      expect((await sg.query(REQUEST_RESET, { email: unknown })).data).toEqual({ requestPasswordReset: true });
      expect((await sg.query(REQUEST_RESET, { email: "not an address" })).data).toEqual({ requestPasswordReset: true });
      expect(await mailsTo(unknown)).toHaveLength(0);
      expect(await allMailCount()).toBe(before);
    });

    it("resets the password: old one fails, new one works, every session is signed out, the address is verified", async () => {
      const user = await sg.register("Rhea");
      const second = await login(user.email, user.password);
      expect((await sg.query(REQUEST_RESET, { email: `  ${user.email.toUpperCase()} ` })).data).toEqual({ requestPasswordReset: true });
      const resetMail = (await mailsTo(user.email)).find((m) => m.subject === "Reset your Moneta password");
      expect(resetMail).toBeDefined();
      const token = tokenIn(resetMail!.body, "reset-password");
      const [stored] = await db().query(
        `SELECT expires_at, created_at FROM identity.email_tokens WHERE token_hash = $1 AND purpose = 'reset_password'`,
        [sha256(token)],
      );
      expect(stored.expires_at.getTime() - stored.created_at.getTime()).toBe(HOUR);
      await eventually(() =>
        expect(smtp.received.some((m) => m.to.includes(user.email) && m.text.includes(`reset-password?token=${token}`))).toBe(true),
      );

      expect((await sg.query(RESET, { token, pw: NEW_PASSWORD })).data).toEqual({ resetPassword: true });

      expect(code(await login(user.email, user.password))).toBe("UNAUTHENTICATED");
      expect((await login(user.email, NEW_PASSWORD)).data.login.__typename).toBe("AuthPayload");
      expect(code(await sg.query(REFRESH, { t: user.refreshToken }))).toBe("UNAUTHENTICATED");
      expect(code(await sg.query(REFRESH, { t: second.data.login.refreshToken }))).toBe("UNAUTHENTICATED");
      const sessions = await db().query(
        `SELECT revoked_reason FROM identity.sessions WHERE user_id = $1 ORDER BY revoked_reason NULLS LAST`,
        [user.id],
      );
      // Both sessions from before the reset are revoked; only the login just above is live.
      expect(sessions.map((s: { revoked_reason: string | null }) => s.revoked_reason)).toEqual(["password-reset", "password-reset", null]);

      const headers = await freshHeaders(user.email, NEW_PASSWORD);
      expect((await sg.query(ME, {}, headers)).data.me.security).toEqual({ emailVerified: true, hasPassword: true });
      expect(await events(headers)).toEqual(expect.arrayContaining(["PASSWORD_RESET_REQUESTED", "PASSWORD_RESET", "EMAIL_VERIFIED"]));
      // The owner hears about it (security alerts are on by default).
      expect((await mailsTo(user.email)).map((m) => m.subject)).toContain("Your Moneta password was changed");
    });

    it("makes reset links single-use (one use voids the others) and expiring after an hour", async () => {
      const user = await sg.register("Single");
      await sg.query(REQUEST_RESET, { email: user.email });
      const first = await latestToken(user.email, "reset-password");
      clock.advance(1);
      await sg.query(REQUEST_RESET, { email: user.email });
      const second = await latestToken(user.email, "reset-password");
      expect(second).not.toBe(first);

      expect((await sg.query(RESET, { token: second, pw: NEW_PASSWORD })).data).toEqual({ resetPassword: true });
      const reused = await sg.query(RESET, { token: second, pw: "another-fine-passphrase-7" });
      expect([code(reused), reason(reused)]).toEqual(["BAD_USER_INPUT", "TOKEN_USED"]);
      expect(reason(await sg.query(RESET, { token: first, pw: "another-fine-passphrase-7" }))).toBe("TOKEN_USED");
      // A verification token is no reset token.
      expect(reason(await sg.query(RESET, { token: await latestToken(user.email, "verify-email"), pw: "another-fine-passphrase-7" }))).toBe(
        "TOKEN_INVALID",
      );

      clock.advance(1);
      await sg.query(REQUEST_RESET, { email: user.email });
      const late = await latestToken(user.email, "reset-password");
      clock.advance(HOUR + 60_000);
      try {
        const expired = await sg.query(RESET, { token: late, pw: "another-fine-passphrase-7" });
        expect([code(expired), reason(expired)]).toEqual(["BAD_USER_INPUT", "TOKEN_EXPIRED"]);
      } finally {
        clock.advance(-(HOUR + 60_000));
      }
      expect((await login(user.email, NEW_PASSWORD)).data.login.__typename).toBe("AuthPayload");
    });

    it("refuses a short or common new password and writes nothing", async () => {
      const user = await sg.register("Policy");
      await sg.query(REQUEST_RESET, { email: user.email });
      const token = await latestToken(user.email, "reset-password");
      const hashBefore = await passwordHashOf(user.id);
      const mailsBefore = (await mailsTo(user.email)).length;

      for (const [pw, why] of [
        ["short", "TOO_SHORT"],
        ["password1234", "COMMON"],
        [user.email.toUpperCase(), "COMMON"],
      ] as const) {
        const r = await sg.query(RESET, { token, pw });
        expect([code(r), reason(r)]).toEqual(["BAD_USER_INPUT", why]);
      }

      expect(await passwordHashOf(user.id)).toBe(hashBefore);
      const [tokenRow] = await db().query(`SELECT used_at FROM identity.email_tokens WHERE token_hash = $1`, [sha256(token)]);
      expect(tokenRow.used_at).toBeNull();
      const [{ revoked }] = await db().query(
        `SELECT count(*) FILTER (WHERE revoked_at IS NOT NULL)::int AS revoked FROM identity.sessions WHERE user_id = $1`,
        [user.id],
      );
      expect(revoked).toBe(0);
      expect(await events(user.headers)).not.toContain("PASSWORD_RESET");
      expect(await mailsTo(user.email)).toHaveLength(mailsBefore);
      expect((await sg.query(REFRESH, { t: user.refreshToken })).errors).toBeUndefined();
      // The link still works with an acceptable password.
      expect((await sg.query(RESET, { token, pw: NEW_PASSWORD })).data).toEqual({ resetPassword: true });
    });

    it("lets an account without a password (external sign-in) set one", async () => {
      const user = await sg.register("External");
      await db().query(`UPDATE identity.users SET password_hash = NULL WHERE id = $1`, [user.id]);
      expect((await sg.query(ME, {}, user.headers)).data.me.security.hasPassword).toBe(false);
      expect(code(await sg.query(CHANGE, { current: user.password, pw: NEW_PASSWORD }, user.headers))).toBe("BAD_USER_INPUT");
      await sg.query(REQUEST_RESET, { email: user.email });
      expect((await sg.query(RESET, { token: await latestToken(user.email, "reset-password"), pw: NEW_PASSWORD })).data).toEqual({
        resetPassword: true,
      });
      const headers = await freshHeaders(user.email, NEW_PASSWORD);
      expect((await sg.query(ME, {}, headers)).data.me.security.hasPassword).toBe(true);
    });

    it("throttles reset requests per address, known or not", async () => {
      const user = await sg.register("Flood");
      const unknown = `flood.${unique()}@example.com`;
      for (const email of [user.email, unknown]) {
        for (let i = 0; i < 5; i++) expect((await sg.query(REQUEST_RESET, { email })).data).toEqual({ requestPasswordReset: true });
        expect(code(await sg.query(REQUEST_RESET, { email }))).toBe("RATE_LIMITED");
      }
      expect((await mailsTo(user.email)).filter((m) => m.subject === "Reset your Moneta password")).toHaveLength(5);
    });
  });

  describe("change password", () => {
    it("keeps the caller's session, signs the others out, and swaps the password", async () => {
      const user = await sg.register("Chang");
      const other = (await login(user.email, user.password)).data.login;
      expect(code(await sg.query(CHANGE, { current: user.password, pw: NEW_PASSWORD }))).toBe("UNAUTHENTICATED");
      expect(reason(await sg.query(CHANGE, { current: user.password, pw: "short" }, user.headers))).toBe("TOO_SHORT");
      expect(reason(await sg.query(CHANGE, { current: user.password, pw: user.password }, user.headers))).toBe("UNCHANGED");

      expect((await sg.query(CHANGE, { current: user.password, pw: NEW_PASSWORD }, user.headers)).data).toEqual({ changePassword: true });

      expect(code(await sg.query(REFRESH, { t: other.refreshToken }))).toBe("UNAUTHENTICATED");
      const refreshed = await sg.query(REFRESH, { t: user.refreshToken });
      expect(refreshed.errors).toBeUndefined();
      const sessions = (await sg.query(`{ sessions { current } }`, {}, bearer(refreshed.data.refreshSession.accessToken))).data.sessions;
      expect(sessions).toEqual([{ current: true }]);
      expect(code(await login(user.email, user.password))).toBe("UNAUTHENTICATED");
      expect((await login(user.email, NEW_PASSWORD)).data.login.__typename).toBe("AuthPayload");
      expect(await events(bearer(refreshed.data.refreshSession.accessToken))).toContain("PASSWORD_CHANGED");
    });

    it("counts wrong current passwords towards the login lockout", async () => {
      const user = await sg.register("Guess");
      for (let i = 0; i < 5; i++) {
        const r = await sg.query(CHANGE, { current: `wrong-guess-${i}-xxxxxx`, pw: NEW_PASSWORD }, user.headers);
        expect(code(r)).toBe("UNAUTHENTICATED");
      }
      expect(code(await sg.query(CHANGE, { current: user.password, pw: NEW_PASSWORD }, user.headers))).toBe("RATE_LIMITED");
      expect(code(await login(user.email, user.password))).toBe("RATE_LIMITED");
      expect(await events(user.headers)).toContain("ACCOUNT_LOCKED");
      expect(await passwordHashOf(user.id)).toMatch(/^\$argon2id\$/);
      expect(code(await login(user.email, NEW_PASSWORD))).toBe("RATE_LIMITED");
    });
  });

  describe("mail outbox and dispatcher", () => {
    it("keeps a mail only if its transaction commits, and the commit itself wakes the dispatcher", async () => {
      const outbox = identity().mailOutbox;
      const to = `outbox.${unique()}@example.com`;
      await expect(
        db().transaction(async (manager) => {
          await outbox.add(manager, { userId: null, to, subject: "rolled back", text: "never" });
          throw new Error("change failed");
        }),
      ).rejects.toThrow("change failed");
      await expect(outbox.add(db().manager, { userId: null, to, subject: "no transaction", text: "never" })).rejects.toThrow(
        /inside the transaction/,
      );
      expect(await mailsTo(to)).toHaveLength(0);

      await db().transaction((manager) => outbox.add(manager, { userId: null, to, subject: "committed", text: "hello" }));
      // No flush: only the commit signal can deliver this before the 60 s safety timer.
      await eventually(() => expect(smtp.received.some((m) => m.to.includes(to))).toBe(true), { timeoutMs: 5_000 });
      await eventually(async () => expect((await mailsTo(to))[0]?.sent_at).toBeInstanceOf(Date), { timeoutMs: 5_000 });
      expect(smtp.received.filter((m) => m.to.includes(to)).map((m) => m.text.trim())).toEqual(["hello"]);
    });

    it("retries a failed delivery after a backoff and then marks it sent", async () => {
      const user: RegisteredUser = await sg.register("Bounce Once");
      expect(user.email.startsWith("bounce.once.")).toBe(true);
      const failed = await eventually(async () => {
        const [mail] = await mailsTo(user.email);
        expect(mail?.last_error).toMatch(/451|try again/i);
        return mail!;
      });
      expect(failed).toMatchObject({ attempts: 1, sent_at: null });
      const [{ next_attempt_at }] = await db().query(`SELECT next_attempt_at FROM identity.mail_messages WHERE id = $1`, [failed.id]);
      expect(next_attempt_at.getTime() - clock.now().getTime()).toBe(30_000);

      // Not due yet: a wake-up changes nothing.
      await identity().mailDispatcher.flush();
      expect((await mailsTo(user.email))[0]).toMatchObject({ attempts: 1, sent_at: null });

      clock.advance(30_000);
      await identity().mailDispatcher.flush();
      expect((await mailsTo(user.email))[0]).toMatchObject({ attempts: 2, last_error: null, sent_at: expect.any(Date) });
      expect(smtp.received.filter((m) => m.to.includes(user.email))).toHaveLength(1);
    });

    it("prunes mail past retention and sent mail of deleted users, and long-expired tokens", async () => {
      const user = await sg.register("Prune");
      const to = `prune.${unique()}@example.com`;
      const now = clock.now().getTime();
      const insert = (id: string, userId: string | null, createdAt: number, sent: boolean) =>
        db().query(
          `INSERT INTO identity.mail_messages (id, user_id, to_address, subject, body, created_at, sent_at, attempts, next_attempt_at)
           VALUES ($1, $2, $3, 'x', 'y', $4, $5, $6, $4)`,
          // The unsent one has used up its attempts, so the dispatcher leaves it alone during the test.
          [id, userId, to, new Date(createdAt), sent ? new Date(createdAt) : null, sent ? 1 : 10],
        );
      const ids = Array.from({ length: 4 }, () => randomUUID());
      await insert(ids[0]!, user.id, now - 31 * 24 * HOUR, true); // past retention
      await insert(ids[1]!, null, now - HOUR, true); // sent, user deleted
      await insert(ids[2]!, null, now - HOUR, false); // not sent (yet), whoever it was for
      await insert(ids[3]!, user.id, now - HOUR, true); // recent
      await db().query(`UPDATE identity.email_tokens SET expires_at = $2 WHERE user_id = $1`, [user.id, new Date(now - 8 * 24 * HOUR)]);

      await identity().mailDispatcher.prune();
      await identity().emailTokens.prune(db());

      const left = (await mailsTo(to)).map((m) => m.id).sort();
      expect(left).toEqual([ids[2], ids[3]].sort());
      expect(await db().query(`SELECT id FROM identity.email_tokens WHERE user_id = $1`, [user.id])).toEqual([]);
    });

    it("exports the mails sent to the user, without their links", async () => {
      const user = await sg.register("Export");
      const token = await latestToken(user.email, "verify-email");
      const r = await sg.query(`{ exportMyData { content } }`, {}, user.headers);
      expect(r.errors).toBeUndefined();
      const doc = JSON.parse(r.data.exportMyData.content);
      expect(doc.emails).toEqual([
        expect.objectContaining({
          to_address: user.email,
          subject: "Confirm your e-mail address for Moneta",
          created_at: expect.any(String),
        }),
      ]);
      expect(r.data.exportMyData.content).not.toContain(token);
      expect(Object.keys(doc.emails[0]).sort()).toEqual(["created_at", "id", "sent_at", "subject", "to_address"]);
    });
  });
});

describe("e-mail flows on the embedded defaults (PGlite, log transport)", () => {
  const clock = new FixedClock(new Date());
  let sg: TestSupergraph;

  beforeAll(async () => {
    sg = await startTestSupergraph(embeddedConfig(), { clock });
  });
  afterAll(async () => {
    await sg?.close();
  });

  it("logs mail as sent after commit on PGlite's single session, and the links work", async () => {
    const db = sg.subgraph("identity").kit.dataSource;
    const user = await sg.register("Pia");
    const bodyOf = async (subject: string) => {
      const rows: MailRow[] = await db.query(`SELECT * FROM identity.mail_messages WHERE user_id = $1 AND subject = $2`, [
        user.id,
        subject,
      ]);
      return rows[0]!.body;
    };
    await eventually(async () => {
      const [mail] = await db.query(`SELECT sent_at, attempts FROM identity.mail_messages WHERE user_id = $1`, [user.id]);
      expect(mail).toMatchObject({ attempts: 1, sent_at: expect.any(Date) });
    });
    const verifyToken = /verify-email\?token=([\w-]+)/.exec(await bodyOf("Confirm your e-mail address for Moneta"))![1];
    expect((await sg.query(VERIFY, { token: verifyToken })).data).toEqual({ verifyEmail: true });

    expect((await sg.query(REQUEST_RESET, { email: user.email })).data).toEqual({ requestPasswordReset: true });
    const resetToken = /reset-password\?token=([\w-]+)/.exec(await bodyOf("Reset your Moneta password"))![1];
    expect((await sg.query(RESET, { token: resetToken, pw: NEW_PASSWORD })).data).toEqual({ resetPassword: true });
    expect((await sg.query(LOGIN, { input: { email: user.email, password: NEW_PASSWORD } })).data.login.__typename).toBe("AuthPayload");
    await eventually(async () => {
      const [{ unsent }] = await db.query(
        `SELECT count(*) FILTER (WHERE sent_at IS NULL)::int AS unsent FROM identity.mail_messages WHERE user_id = $1`,
        [user.id],
      );
      expect(unsent).toBe(0);
    });
  });
});
