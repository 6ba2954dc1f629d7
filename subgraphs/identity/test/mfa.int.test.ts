import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import {
  bearer,
  type GraphQLResult,
  type RegisteredUser,
  startTestSupergraph,
  type TestSupergraph,
} from "../../../test/harness/supergraph.js";

const ENROL = `mutation { enrolMfa { secret otpauthUri } }`;
const CONFIRM = `mutation($code: String!) { confirmMfa(code: $code) { enabledAt backupCodes } }`;
const DISABLE = `mutation($code: String!) { disableMfa(code: $code) }`;
const REGENERATE = `mutation($code: String!) { regenerateBackupCodes(code: $code) }`;
const VERIFY = `mutation($challenge: String!, $code: String!) { verifyMfa(challenge: $challenge, code: $code) { accessToken refreshToken user { id } } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { __typename ... on MfaChallenge { challenge expiresAt } ... on AuthPayload { accessToken } } }`;
const SECURITY = `{ me { id security { mfaEnabled backupCodesRemaining } } }`;
const EVENTS = `{ securityEvents(first: 200) { type details } }`;

const STEP_MS = 30_000;
const codeOf = (r: GraphQLResult) => r.errors?.[0]?.extensions?.code;

describe("MFA with TOTP through the gateway (real PostgreSQL, Redis, Kafka)", () => {
  // Near real time: the gateway checks access-token expiry against this same clock.
  const clock = new FixedClock(new Date());
  let sg: TestSupergraph;

  beforeAll(async () => {
    sg = await startTestSupergraph(realServicesConfig(), { clock });
  });
  afterAll(async () => sg?.close());
  // Every test uses its own users, so each may start again from the wall clock.
  beforeEach(() => clock.set(new Date()));

  /** The code of the step `steps` away from the pinned time. */
  const totp = (secret: string, steps = 0) =>
    TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: clock.now().getTime() + steps * STEP_MS });
  /** A six-digit code that is none of the three the server accepts right now. */
  const wrongTotp = (secret: string) => {
    const valid = new Set([-1, 0, 1].map((s) => totp(secret, s)));
    let n = Number(totp(secret));
    do n = (n + 1) % 1_000_000;
    while (valid.has(String(n).padStart(6, "0")));
    return String(n).padStart(6, "0");
  };
  const nextStep = () => clock.advance(STEP_MS);

  const enrol = async (user: RegisteredUser): Promise<{ secret: string; otpauthUri: string }> => {
    const r = await sg.query(ENROL, {}, user.headers);
    expect(r.errors).toBeUndefined();
    return r.data.enrolMfa;
  };
  /** Enrols and confirms; moves on a step so the confirmation code is not the next one used. */
  const enableMfa = async (user: RegisteredUser) => {
    const { secret } = await enrol(user);
    const r = await sg.query(CONFIRM, { code: totp(secret) }, user.headers);
    expect(r.errors).toBeUndefined();
    nextStep();
    return { secret, backupCodes: r.data.confirmMfa.backupCodes as string[] };
  };
  const login = (user: RegisteredUser) => sg.query(LOGIN, { input: { email: user.email, password: user.password } });
  const challengeFor = async (user: RegisteredUser): Promise<string> => {
    const r = await login(user);
    expect(r.data?.login?.__typename).toBe("MfaChallenge");
    return r.data.login.challenge;
  };
  const verify = (challenge: string, code: string) => sg.query(VERIFY, { challenge, code });
  const security = async (user: RegisteredUser) => (await sg.query(SECURITY, {}, user.headers)).data.me.security;
  const eventTypes = async (user: RegisteredUser) =>
    (await sg.query(EVENTS, {}, user.headers)).data.securityEvents.map((e: { type: string }) => e.type) as string[];
  const identityDb = () => sg.subgraph("identity").kit.dataSource;

  it("enrols, confirms, and then asks for a code at login; a valid code signs in", async () => {
    const user = await sg.register("Mfa Ann");
    const { secret, otpauthUri } = await enrol(user);
    const uri = new URL(otpauthUri);
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("issuer")).toBe("Moneta");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(decodeURIComponent(uri.pathname)).toBe(`/Moneta:${user.email}`);
    // Pending: stored, not yet required.
    expect(await security(user)).toEqual({ mfaEnabled: false, backupCodesRemaining: 0 });
    expect((await login(user)).data.login.__typename).toBe("AuthPayload");
    const [pending] = await identityDb().query(`SELECT mfa_secret, mfa_enabled_at FROM identity.users WHERE id = $1`, [user.id]);
    expect(pending).toEqual({ mfa_secret: secret, mfa_enabled_at: null });

    expect(codeOf(await sg.query(CONFIRM, { code: wrongTotp(secret) }, user.headers))).toBe("BAD_USER_INPUT");
    const confirmed = await sg.query(CONFIRM, { code: totp(secret) }, user.headers);
    expect(confirmed.errors).toBeUndefined();
    const backupCodes: string[] = confirmed.data.confirmMfa.backupCodes;
    expect(backupCodes).toHaveLength(10);
    expect(new Set(backupCodes).size).toBe(10);
    for (const code of backupCodes) expect(code).toMatch(/^[2-9a-z]{5}-[2-9a-z]{5}$/);
    expect(await security(user)).toEqual({ mfaEnabled: true, backupCodesRemaining: 10 });
    // Only hashes are stored.
    const stored = await identityDb().query(`SELECT code_hash FROM identity.mfa_backup_codes WHERE user_id = $1`, [user.id]);
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toMatch(new RegExp(backupCodes.map((c) => c.replace("-", "-?")).join("|")));
    expect(codeOf(await sg.query(ENROL, {}, user.headers))).toBe("CONFLICT");
    expect(codeOf(await sg.query(CONFIRM, { code: totp(secret) }, user.headers))).toBe("CONFLICT");

    nextStep();
    const challenge = await login(user);
    expect(challenge.data.login.__typename).toBe("MfaChallenge");
    expect(Date.parse(challenge.data.login.expiresAt)).toBe(clock.now().getTime() + 5 * 60_000);
    const [row] = await identityDb().query(`SELECT token_hash FROM identity.mfa_challenges WHERE user_id = $1`, [user.id]);
    expect(row.token_hash).not.toBe(challenge.data.login.challenge);

    const signedIn = await verify(challenge.data.login.challenge, ` ${totp(secret).slice(0, 3)} ${totp(secret).slice(3)} `);
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.data.verifyMfa.user.id).toBe(user.id);
    const me = await sg.query(SECURITY, {}, bearer(signedIn.data.verifyMfa.accessToken));
    expect(me.data.me.id).toBe(user.id);
    // The challenge is spent.
    nextStep();
    expect(codeOf(await verify(challenge.data.login.challenge, totp(secret)))).toBe("UNAUTHENTICATED");
  });

  it("replaces an unconfirmed secret when enrolling again", async () => {
    const user = await sg.register("Mfa Ben");
    const first = await enrol(user);
    const second = await enrol(user);
    expect(second.secret).not.toBe(first.secret);
    expect(codeOf(await sg.query(CONFIRM, { code: totp(first.secret) }, user.headers))).toBe("BAD_USER_INPUT");
    expect((await sg.query(CONFIRM, { code: totp(second.secret) }, user.headers)).errors).toBeUndefined();
  });

  it("never accepts a TOTP code twice, nor an older one, even from two requests at once", async () => {
    const user = await sg.register("Mfa Cy");
    const { secret } = await enableMfa(user);
    const code = totp(secret);
    expect((await verify(await challengeFor(user), code)).errors).toBeUndefined();
    // Same code, fresh challenge, still within its window: a replay.
    const replay = await verify(await challengeFor(user), code);
    expect(codeOf(replay)).toBe("UNAUTHENTICATED");
    expect(replay.data?.verifyMfa).toBeFalsy();
    // The previous step's code is inside the window but older than the one used.
    expect(codeOf(await verify(await challengeFor(user), totp(secret, -1)))).toBe("UNAUTHENTICATED");

    nextStep();
    const [a, b] = [await challengeFor(user), await challengeFor(user)];
    const raced = await Promise.all([verify(a, totp(secret)), verify(b, totp(secret))]);
    expect(raced.filter((r) => r.data?.verifyMfa?.accessToken)).toHaveLength(1);
    expect(raced.filter((r) => codeOf(r) === "UNAUTHENTICATED")).toHaveLength(1);
  });

  it("accepts a code from the previous or next step, not from two steps away", async () => {
    const user = await sg.register("Mfa Di");
    const { secret } = await enableMfa(user);
    // Well clear of the confirmation step, so only the window decides.
    clock.advance(3 * STEP_MS);
    const challenge = await challengeFor(user);
    expect(codeOf(await verify(challenge, totp(secret, -2)))).toBe("UNAUTHENTICATED");
    expect(codeOf(await verify(challenge, totp(secret, 2)))).toBe("UNAUTHENTICATED");
    expect((await verify(challenge, totp(secret, -1))).data.verifyMfa.user.id).toBe(user.id);
    expect((await verify(await challengeFor(user), totp(secret, 1))).data.verifyMfa.user.id).toBe(user.id);
  });

  it("signs in with a backup code exactly once, in any case and with or without the dash", async () => {
    const user = await sg.register("Mfa Eve");
    const { backupCodes } = await enableMfa(user);
    const typed = backupCodes[3]!.toUpperCase().replace("-", " ");
    const first = await verify(await challengeFor(user), typed);
    expect(first.errors).toBeUndefined();
    expect(first.data.verifyMfa.user.id).toBe(user.id);
    expect(await security(user)).toEqual({ mfaEnabled: true, backupCodesRemaining: 9 });
    expect(codeOf(await verify(await challengeFor(user), backupCodes[3]!))).toBe("UNAUTHENTICATED");
    expect((await verify(await challengeFor(user), backupCodes[4]!)).errors).toBeUndefined();
    const events = (await sg.query(EVENTS, {}, user.headers)).data.securityEvents;
    // Both uses can share a timestamp under the pinned clock: compare as a set.
    const used = events
      .filter((e: { type: string }) => e.type === "BACKUP_CODE_USED")
      .map((e: { details: { remaining: number } }) => e.details.remaining);
    expect(used.sort()).toEqual([8, 9]);
  });

  it("rate-limits wrong codes per user; over the limit even the right code fails and the challenge dies", async () => {
    const user = await sg.register("Mfa Fay");
    const { secret } = await enableMfa(user);
    const challenge = await challengeFor(user);
    for (let i = 0; i < 5; i++) expect(codeOf(await verify(challenge, wrongTotp(secret)))).toBe("UNAUTHENTICATED");
    const limited = await verify(challenge, wrongTotp(secret));
    expect(codeOf(limited)).toBe("RATE_LIMITED");
    expect(limited.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(0);
    expect(codeOf(await verify(challenge, totp(secret)))).toBe("RATE_LIMITED");
    const [row] = await identityDb().query(
      `SELECT count(*)::int AS n FROM identity.mfa_challenges WHERE user_id = $1 AND used_at IS NULL`,
      [user.id],
    );
    expect(row.n).toBe(0);
    // A new password login does not reset it, nor does moving to another operation.
    expect(codeOf(await verify(await challengeFor(user), totp(secret)))).toBe("RATE_LIMITED");
    expect(codeOf(await sg.query(REGENERATE, { code: totp(secret) }, user.headers))).toBe("RATE_LIMITED");
    expect(codeOf(await sg.query(DISABLE, { code: totp(secret) }, user.headers))).toBe("RATE_LIMITED");
    // The limit is per user: another account is unaffected.
    const other = await sg.register("Mfa Fay Two");
    const otherMfa = await enableMfa(other);
    expect((await verify(await challengeFor(other), totp(otherMfa.secret))).errors).toBeUndefined();
  });

  it("gives no token to one request with 19 aliased wrong codes and the right one last", async () => {
    const user = await sg.register("Mfa Gil");
    const { secret } = await enableMfa(user);
    const challenge = await challengeFor(user);
    const wrong = wrongTotp(secret);
    // 19 + 1 stays within the gateway's 20-root-field limit, so the request really executes.
    const fields = Array.from({ length: 19 }, (_, i) => `w${i}: verifyMfa(challenge: $challenge, code: "${wrong}") { accessToken }`);
    const r = await sg.query(
      `mutation($challenge: String!, $code: String!) { ${fields.join(" ")} right: verifyMfa(challenge: $challenge, code: $code) { accessToken } }`,
      { challenge, code: totp(secret) },
    );
    expect(r.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(r.data ?? null)).not.toContain("accessToken");
    expect(r.errors!.every((e) => ["UNAUTHENTICATED", "RATE_LIMITED"].includes(e.extensions?.code))).toBe(true);
    // verifyMfa is non-null, so today GraphQL stops the serial mutation list at the first error;
    // whatever runs, no more wrong codes than the limit may ever be checked, and nobody signs in.
    const events = (await sg.query(EVENTS, {}, user.headers)).data.securityEvents as Array<{
      type: string;
      details: Record<string, unknown>;
    }>;
    expect(events.filter((e) => e.type === "MFA_FAILED" && !e.details.rateLimited).length).toBeLessThanOrEqual(5);
    expect(events.filter((e) => e.type === "LOGIN_SUCCEEDED" && e.details.method === "mfa")).toEqual([]);
  });

  it("lets no more than the limit of concurrent wrong codes be checked", async () => {
    const user = await sg.register("Mfa Hal");
    const { secret } = await enableMfa(user);
    const challenge = await challengeFor(user);
    const results = await Promise.all(Array.from({ length: 12 }, () => verify(challenge, wrongTotp(secret))));
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === "UNAUTHENTICATED")).toHaveLength(5);
    expect(codes.filter((c) => c === "RATE_LIMITED")).toHaveLength(7);
    expect(codeOf(await verify(challenge, totp(secret)))).toBe("RATE_LIMITED");
  });

  it("refuses an expired challenge like an unknown one", async () => {
    const user = await sg.register("Mfa Ida");
    const { secret } = await enableMfa(user);
    const challenge = await challengeFor(user);
    clock.advance(5 * 60_000 + 1);
    const expired = await verify(challenge, totp(secret));
    const unknown = await verify("not-a-challenge", totp(secret));
    expect(codeOf(expired)).toBe("UNAUTHENTICATED");
    expect(expired.errors![0]!.message).toBe(unknown.errors![0]!.message);
    // The refused code was not consumed: it still completes a fresh challenge.
    expect((await verify(await challengeFor(user), totp(secret))).errors).toBeUndefined();
  });

  it("disables only with a current TOTP code, then clears the secret and backup codes", async () => {
    const user = await sg.register("Mfa Jo");
    const { secret, backupCodes } = await enableMfa(user);
    expect(codeOf(await sg.query(DISABLE, { code: backupCodes[0] }, user.headers))).toBe("BAD_USER_INPUT");
    expect(codeOf(await sg.query(DISABLE, { code: wrongTotp(secret) }, user.headers))).toBe("BAD_USER_INPUT");
    expect(codeOf(await sg.query(DISABLE, { code: totp(secret, 2) }, user.headers))).toBe("BAD_USER_INPUT");
    expect(await security(user)).toEqual({ mfaEnabled: true, backupCodesRemaining: 10 });
    const stale = await challengeFor(user);

    expect((await sg.query(DISABLE, { code: totp(secret) }, user.headers)).data.disableMfa).toBe(true);
    expect(await security(user)).toEqual({ mfaEnabled: false, backupCodesRemaining: 0 });
    const [row] = await identityDb().query(
      `SELECT mfa_secret, mfa_enabled_at, (SELECT count(*)::int FROM identity.mfa_backup_codes WHERE user_id = $1) AS codes FROM identity.users WHERE id = $1`,
      [user.id],
    );
    expect(row).toEqual({ mfa_secret: null, mfa_enabled_at: null, codes: 0 });
    expect((await login(user)).data.login.__typename).toBe("AuthPayload");
    nextStep();
    expect(codeOf(await verify(stale, totp(secret)))).toBe("UNAUTHENTICATED");
    expect(codeOf(await sg.query(DISABLE, { code: totp(secret) }, user.headers))).toBe("CONFLICT");
  });

  it("regenerates backup codes with a current TOTP code and voids the old ones", async () => {
    const user = await sg.register("Mfa Kai");
    const { secret, backupCodes } = await enableMfa(user);
    expect((await verify(await challengeFor(user), backupCodes[0]!)).errors).toBeUndefined();
    expect(codeOf(await sg.query(REGENERATE, { code: backupCodes[1] }, user.headers))).toBe("BAD_USER_INPUT");
    const r = await sg.query(REGENERATE, { code: totp(secret) }, user.headers);
    expect(r.errors).toBeUndefined();
    const fresh: string[] = r.data.regenerateBackupCodes;
    expect(fresh).toHaveLength(10);
    expect(fresh.some((c) => backupCodes.includes(c))).toBe(false);
    expect(await security(user)).toEqual({ mfaEnabled: true, backupCodesRemaining: 10 });
    expect(codeOf(await verify(await challengeFor(user), backupCodes[1]!))).toBe("UNAUTHENTICATED");
    expect((await verify(await challengeFor(user), fresh[0]!)).errors).toBeUndefined();
  });

  it("never lets one user's codes complete another user's challenge or manage their MFA", async () => {
    const ann = await sg.register("Mfa Lu");
    const bob = await sg.register("Mfa Max");
    const a = await enableMfa(ann);
    const b = await enableMfa(bob);
    const bobsChallenge = await challengeFor(bob);
    expect(codeOf(await verify(bobsChallenge, totp(a.secret)))).toBe("UNAUTHENTICATED");
    expect(codeOf(await verify(bobsChallenge, a.backupCodes[0]!))).toBe("UNAUTHENTICATED");
    expect(codeOf(await sg.query(DISABLE, { code: totp(a.secret) }, bob.headers))).toBe("BAD_USER_INPUT");
    expect(codeOf(await sg.query(REGENERATE, { code: totp(a.secret) }, bob.headers))).toBe("BAD_USER_INPUT");
    // Ann's codes are untouched by the attempts, and Bob's challenge still takes Bob's code.
    expect(await security(ann)).toEqual({ mfaEnabled: true, backupCodesRemaining: 10 });
    expect((await verify(bobsChallenge, totp(b.secret))).data.verifyMfa.user.id).toBe(bob.id);
    expect((await verify(await challengeFor(ann), a.backupCodes[0]!)).data.verifyMfa.user.id).toBe(ann.id);
  });

  it("refuses MFA management without a signed-in session", async () => {
    for (const [query, variables] of [
      [ENROL, {}],
      [CONFIRM, { code: "123456" }],
      [DISABLE, { code: "123456" }],
      [REGENERATE, { code: "123456" }],
    ] as const) {
      expect(codeOf(await sg.query(query, variables)), query).toBe("UNAUTHENTICATED");
      expect(codeOf(await sg.query(query, variables, bearer("garbage"))), query).toBe("UNAUTHENTICATED");
    }
  });

  it("records every MFA event in the security log and exports MFA state without secrets", async () => {
    const user = await sg.register("Mfa Ned");
    const { secret, backupCodes } = await enableMfa(user);
    expect(codeOf(await verify(await challengeFor(user), wrongTotp(secret)))).toBe("UNAUTHENTICATED");
    expect((await verify(await challengeFor(user), backupCodes[0]!)).errors).toBeUndefined();
    const regenerated: string[] = (await sg.query(REGENERATE, { code: totp(secret) }, user.headers)).data.regenerateBackupCodes;

    const exported = (await sg.query(`{ exportMyData { content } }`, {}, user.headers)).data.exportMyData.content as string;
    expect(JSON.parse(exported).mfa).toEqual({ enabledAt: expect.any(String), backupCodesRemaining: 10 });
    expect(exported).not.toContain(secret);
    for (const code of [...backupCodes, ...regenerated]) expect(exported).not.toContain(code);

    nextStep();
    expect((await sg.query(DISABLE, { code: totp(secret) }, user.headers)).data.disableMfa).toBe(true);
    const events = await eventTypes(user);
    expect(events).toEqual(
      expect.arrayContaining(["MFA_ENROLLED", "MFA_ENABLED", "MFA_FAILED", "BACKUP_CODE_USED", "BACKUP_CODES_REGENERATED", "MFA_DISABLED"]),
    );
    expect(events.filter((t) => t === "LOGIN_SUCCEEDED").length).toBeGreaterThanOrEqual(2);
  });
});
