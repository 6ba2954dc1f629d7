import { createHash } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

// @ts-expect-error oidc-provider ships no type declarations; the test uses a handful of its calls.
import Provider from "oidc-provider";
import { TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import { bearer, type GraphQLResult, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import { hashToken } from "../tokens/opaque-token.js";

/**
 * A real, certified OpenID provider (oidc-provider) on 127.0.0.1, driven like a browser would:
 * authorization request, its dev login and consent pages, and back to our redirect URI.
 */

const START = `mutation($p: String!, $r: String!) { startExternalLogin(provider: $p, redirectUri: $r) { authorizationUrl state } }`;
const COMPLETE = `mutation($p: String!, $u: String!) {
  completeExternalLogin(provider: $p, callbackUrl: $u) {
    __typename
    ... on AuthPayload { accessToken refreshToken tokenType user { id email displayName } }
    ... on MfaChallenge { challenge }
  }
}`;
const ME = `{ me { id email displayName security { emailVerified hasPassword } } }`;
const EVENTS = `{ securityEvents { type } }`;
const ACCOUNTS = `{ externalAccounts { provider email linkedAt } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { __typename } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`;

const REDIRECT = "http://127.0.0.1:5173/auth/callback";
const code = (r: GraphQLResult) => r.errors?.[0]?.extensions?.code;
const unique = () => Math.random().toString(36).slice(2, 10);

interface ProviderAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

interface TestProvider {
  issuer: string;
  accounts: Map<string, ProviderAccount>;
  close(): Promise<void>;
}

async function listen(): Promise<{ server: ReturnType<typeof createServer>; origin: string }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * `claimsInIdToken: false` is oidc-provider's default and OIDC Core §5.4 to the letter: scope
 * claims (email, name) come only from UserInfo, which exercises that path of the client.
 */
async function startProvider(client: { id: string; secret?: string }, claimsInIdToken: boolean): Promise<TestProvider> {
  const { server, origin } = await listen();
  const accounts = new Map<string, ProviderAccount>();
  const provider = new Provider(origin, {
    clients: [
      {
        client_id: client.id,
        ...(client.secret
          ? { client_secret: client.secret, token_endpoint_auth_method: "client_secret_basic" }
          : { token_endpoint_auth_method: "none" }),
        redirect_uris: [REDIRECT],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    conformIdTokenClaims: !claimsInIdToken,
    cookies: { keys: ["external-login-test"] },
    // Explicit lifetimes keep oidc-provider from printing a notice per token.
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    findAccount: async (_ctx: unknown, id: string) => {
      const account = accounts.get(id);
      return account && { accountId: id, claims: async () => ({ sub: id, ...account }) };
    },
  });
  server.on("request", provider.callback());
  return {
    issuer: origin,
    accounts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Follows the provider's redirects with a cookie jar, signs in as `accountId` on the dev login
 * page and approves the consent page, and returns the URL the provider sends the browser back to.
 * `cancel` clicks "Cancel" on the login page instead.
 */
async function browse(authorizationUrl: string, accountId: string, options: { cancel?: boolean } = {}): Promise<string> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 20; hop++) {
    const response = await fetch(url, {
      method: body ? "POST" : "GET",
      body,
      redirect: "manual",
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair = ""] = header.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = /max-age=0|expires=thu, 01 jan 1970/i.test(header) || value === "";
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
    body = undefined;
    const location = response.headers.get("location");
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, url).href;
      if (next.startsWith(REDIRECT)) return next;
      url = next;
      continue;
    }
    const html = await response.text();
    if (response.status !== 200) throw new Error(`provider answered ${response.status} at ${url}: ${html.slice(0, 300)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`no form on the provider's page ${url}`);
    if (options.cancel) {
      url = new URL(/href="([^"]+\/abort)"/.exec(html)![1]!.replace(/&amp;/g, "&"), url).href;
      continue;
    }
    url = new URL(action.replace(/&amp;/g, "&"), url).href;
    body = new URLSearchParams(prompt === "login" ? { prompt, login: accountId, password: "anything" } : { prompt });
  }
  throw new Error("too many redirects at the provider");
}

describe("sign-in with an external OpenID Connect provider (real oidc-provider, PostgreSQL, Redis, Kafka)", () => {
  const clock = new FixedClock(new Date());
  const saved: Record<string, string | undefined> = {};
  let acme: TestProvider;
  let corp: TestProvider;
  let sg: TestSupergraph;
  let db: { query(sql: string, params?: unknown[]): Promise<any> };

  beforeAll(async () => {
    acme = await startProvider({ id: "moneta-web" }, true);
    corp = await startProvider({ id: "moneta-corp", secret: "corp-client-secret-0123456789" }, false);
    // A port nobody listens on: the provider that is down.
    const { server, origin: downIssuer } = await listen();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const env: Record<string, string> = {
      OIDC_PROVIDERS: "acme,corp,down",
      OIDC_ACME_ISSUER: acme.issuer,
      OIDC_ACME_CLIENT_ID: "moneta-web",
      OIDC_ACME_REDIRECT_URIS: `https://app.moneta.test/auth/callback,${REDIRECT}`,
      OIDC_ACME_ALLOW_HTTP: "true",
      OIDC_CORP_ISSUER: corp.issuer,
      OIDC_CORP_CLIENT_ID: "moneta-corp",
      OIDC_CORP_CLIENT_SECRET: "corp-client-secret-0123456789",
      OIDC_CORP_REDIRECT_URIS: REDIRECT,
      OIDC_CORP_ALLOW_HTTP: "true",
      OIDC_DOWN_ISSUER: downIssuer,
      OIDC_DOWN_CLIENT_ID: "moneta",
      OIDC_DOWN_REDIRECT_URIS: REDIRECT,
      OIDC_DOWN_ALLOW_HTTP: "true",
    };
    for (const [name, value] of Object.entries(env)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    sg = await startTestSupergraph(realServicesConfig(), { clock });
    db = sg.subgraph("identity").kit.dataSource;
  });

  afterAll(async () => {
    await sg?.close();
    await acme?.close();
    await corp?.close();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  const start = async (provider = "acme", redirectUri = REDIRECT) => {
    const r = await sg.query(START, { p: provider, r: redirectUri });
    expect(r.errors).toBeUndefined();
    return r.data.startExternalLogin as { authorizationUrl: string; state: string };
  };
  /** A provider account, the whole browser round trip, and the callback URL it ends on. */
  const callbackFor = async (account: ProviderAccount, provider: "acme" | "corp" = "acme", accountId = `acct-${unique()}`) => {
    (provider === "acme" ? acme : corp).accounts.set(accountId, account);
    const started = await start(provider);
    const callbackUrl = await browse(started.authorizationUrl, accountId);
    return { ...started, callbackUrl, accountId };
  };
  const complete = (callbackUrl: string, provider = "acme") => sg.query(COMPLETE, { p: provider, u: callbackUrl });
  const auditOf = async (userId: string) =>
    (await db.query(`SELECT type, details FROM identity.audit_events WHERE user_id = $1 ORDER BY occurred_at, id`, [userId])) as Array<{
      type: string;
      details: Record<string, unknown>;
    }>;

  it("lists the configured providers", async () => {
    const r = await sg.query(`{ externalLoginProviders }`);
    expect(r.data.externalLoginProviders).toEqual(["acme", "corp", "down"]);
  });

  it("sends an authorization request with PKCE S256, state and nonce, and keeps only the state's hash", async () => {
    const started = await start();
    const url = new URL(started.authorizationUrl);
    expect(url.origin).toBe(acme.issuer);
    const params = Object.fromEntries(url.searchParams);
    expect(params).toMatchObject({
      client_id: "moneta-web",
      response_type: "code",
      redirect_uri: REDIRECT,
      scope: "openid email profile",
      state: started.state,
      code_challenge_method: "S256",
    });
    expect(params.nonce).toMatch(/^[\w-]{43}$/);
    const [row] = await db.query(`SELECT * FROM identity.external_login_attempts WHERE state_hash = $1`, [hashToken(started.state)]);
    expect(row).toMatchObject({ provider: "acme", nonce: params.nonce, redirect_uri: REDIRECT, used_at: null });
    expect(createHash("sha256").update(row.code_verifier).digest("base64url")).toBe(params.code_challenge);
    expect(new Date(row.expires_at).getTime() - clock.now().getTime()).toBe(10 * 60_000);
    const [plain] = await db.query(`SELECT count(*)::int AS n FROM identity.external_login_attempts WHERE state_hash = $1`, [
      started.state,
    ]);
    expect(plain.n).toBe(0);
  });

  it("creates a new account, signs it in, and signs the same provider account into it again later", async () => {
    const email = `nova.${unique()}@example.com`;
    const flow = await callbackFor({ email: email.toUpperCase(), email_verified: true, name: "Nova Provider" });
    expect(new URL(flow.callbackUrl).searchParams.get("code")).toBeTruthy();
    const r = await complete(flow.callbackUrl);
    expect(r.errors).toBeUndefined();
    const payload = r.data.completeExternalLogin;
    expect(payload).toMatchObject({ tokenType: "Bearer", user: { email, displayName: "Nova Provider" } });

    const me = await sg.query(ME, {}, bearer(payload.accessToken));
    expect(me.data.me).toEqual({
      id: payload.user.id,
      email,
      displayName: "Nova Provider",
      security: { emailVerified: true, hasPassword: false },
    });
    const accounts = await sg.query(ACCOUNTS, {}, bearer(payload.accessToken));
    expect(accounts.data.externalAccounts).toEqual([{ provider: "acme", email, linkedAt: expect.any(String) }]);
    // One transaction, one clock instant: order by type, not by time.
    const audit = (await auditOf(payload.user.id)).sort((a, b) => a.type.localeCompare(b.type));
    expect(audit).toEqual([
      { type: "LOGIN_SUCCEEDED", details: expect.objectContaining({ method: "oidc:acme" }) },
      { type: "REGISTERED", details: { method: "oidc:acme" } },
    ]);
    const outbox = await db.query(`SELECT type FROM identity.outbox WHERE key = $1 ORDER BY seq`, [payload.user.id]);
    expect(outbox).toEqual([{ type: "UserRegistered" }, { type: "NotificationSettingsChanged" }]);

    // Later, same provider account: the link decides, no second account, no second UserRegistered.
    acme.accounts.set(flow.accountId, { email, email_verified: true, name: "Renamed" });
    const again = await complete(await browse((await start()).authorizationUrl, flow.accountId));
    expect(again.data.completeExternalLogin.user.id).toBe(payload.user.id);
    const later = await db.query(`SELECT type, envelope->'data' AS data FROM identity.outbox WHERE key = $1 ORDER BY seq`, [
      payload.user.id,
    ]);
    expect(later.map((e: { type: string }) => e.type)).toEqual(["UserRegistered", "NotificationSettingsChanged", "SignedIn"]);
    expect(later[2].data).toMatchObject({ method: "EXTERNAL", newDevice: false });
    const [users] = await db.query(`SELECT count(*)::int AS n FROM identity.users WHERE email = $1`, [email]);
    expect(users.n).toBe(1);

    const exported = await sg.query(`{ exportMyData { content } }`, {}, bearer(payload.accessToken));
    const document = JSON.parse(exported.data.exportMyData.content);
    expect(document.externalAccounts).toEqual([expect.objectContaining({ provider: "acme", subject: flow.accountId, email })]);
  });

  it("asks an account with MFA for its second factor after the provider, instead of signing it in", async () => {
    const email = `mira.${unique()}@example.com`;
    const flow = await callbackFor({ email, email_verified: true, name: "Mira" });
    const first = (await complete(flow.callbackUrl)).data.completeExternalLogin;
    const h = bearer(first.accessToken);
    const enrolment = (await sg.query(`mutation { enrolMfa { secret } }`, {}, h)).data.enrolMfa;
    const totp = new TOTP({ secret: enrolment.secret, digits: 6, period: 30, algorithm: "SHA1" });
    const confirmed = await sg.query(
      `mutation($c: String!) { confirmMfa(code: $c) { backupCodes } }`,
      { c: totp.generate({ timestamp: clock.now().getTime() }) },
      h,
    );
    expect(confirmed.errors).toBeUndefined();

    const again = await complete(await browse((await start()).authorizationUrl, flow.accountId));
    expect(again.errors).toBeUndefined();
    expect(again.data.completeExternalLogin.__typename).toBe("MfaChallenge");
    expect(again.data.completeExternalLogin.accessToken).toBeUndefined();
    clock.advance(30_000);
    const verified = await sg.query(`mutation($ch: String!, $c: String!) { verifyMfa(challenge: $ch, code: $c) { user { id } } }`, {
      ch: again.data.completeExternalLogin.challenge,
      c: totp.generate({ timestamp: clock.now().getTime() }),
    });
    expect(verified.data.verifyMfa.user.id).toBe(first.user.id);
  });
  it("makes one account when the same new person completes two sign-ins at once (two tabs)", async () => {
    const email = `tabs.${unique()}@example.com`;
    const first = await callbackFor({ email, email_verified: true });
    const second = await browse((await start()).authorizationUrl, first.accountId);
    const results = await Promise.all([complete(first.callbackUrl), complete(second)]);
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
    const ids = new Set(results.map((r) => r.data.completeExternalLogin.user.id));
    expect(ids.size).toBe(1);
    const [row] = await db.query(
      `SELECT (SELECT count(*)::int FROM identity.users WHERE email = $1) AS users,
              (SELECT count(*)::int FROM identity.external_identities WHERE subject = $2) AS links,
              (SELECT count(*)::int FROM identity.outbox WHERE key = $3 AND type = 'UserRegistered') AS registered`,
      [email, first.accountId, [...ids][0]],
    );
    expect(row).toEqual({ users: 1, links: 1, registered: 1 });
  });

  it("links a verified e-mail to the existing account and signs into it; the unproven password and sessions go", async () => {
    const existing = await sg.register("Existing Owner");
    const r = await complete((await callbackFor({ email: existing.email, email_verified: true, name: "Someone Else" })).callbackUrl);
    expect(r.errors).toBeUndefined();
    const payload = r.data.completeExternalLogin;
    expect(payload.user).toMatchObject({ id: existing.id, email: existing.email, displayName: "Existing Owner" });

    const events = (await sg.query(EVENTS, {}, bearer(payload.accessToken))).data.securityEvents.map((e: { type: string }) => e.type);
    expect(events).toContain("EXTERNAL_ACCOUNT_LINKED");
    const linked = (await auditOf(existing.id)).find((e) => e.type === "EXTERNAL_ACCOUNT_LINKED")!;
    expect(linked.details).toEqual({ provider: "acme", emailVerifiedBy: "acme", passwordRemoved: true, sessionsRevoked: 1 });
    // Whoever registered the address never proved it; the provider just did. Their way in is closed.
    const me = await sg.query(ME, {}, bearer(payload.accessToken));
    expect(me.data.me.security).toEqual({ emailVerified: true, hasPassword: false });
    expect(code(await sg.query(REFRESH, { t: existing.refreshToken }))).toBe("UNAUTHENTICATED");
    expect(code(await sg.query(LOGIN, { input: { email: existing.email, password: existing.password } }))).toBe("UNAUTHENTICATED");
    // The provider's proof of the address reaches notifications, and so does the sign-in.
    const announced = await db.query(`SELECT type, envelope->'data' AS data FROM identity.outbox WHERE key = $1 ORDER BY seq`, [
      existing.id,
    ]);
    expect(announced.map((e: { type: string }) => e.type)).toEqual([
      "UserRegistered",
      "NotificationSettingsChanged",
      "SessionsRevoked",
      "NotificationSettingsChanged",
      "SignedIn",
    ]);
    // The gateway refuses the revoked session's access tokens from this event on.
    expect(announced[2].data).toMatchObject({ sessionIds: [expect.any(String)], reason: "external-account-linked" });
    expect(announced[3].data).toMatchObject({ emailVerified: true });
    expect(announced[4].data).toMatchObject({ method: "EXTERNAL" });
  });

  it("links to an account whose e-mail Moneta already verified without touching its password or sessions", async () => {
    const existing = await sg.register("Verified Owner");
    await db.query(`UPDATE identity.users SET email_verified_at = now() WHERE id = $1`, [existing.id]);
    const r = await complete((await callbackFor({ email: existing.email, email_verified: true })).callbackUrl);
    expect(r.data.completeExternalLogin.user.id).toBe(existing.id);
    const linked = (await auditOf(existing.id)).find((e) => e.type === "EXTERNAL_ACCOUNT_LINKED")!;
    expect(linked.details).toEqual({ provider: "acme" });
    expect((await sg.query(LOGIN, { input: { email: existing.email, password: existing.password } })).data.login.__typename).toBe(
      "AuthPayload",
    );
    expect((await sg.query(REFRESH, { t: existing.refreshToken })).errors).toBeUndefined();
  });

  it("refuses an e-mail the provider has not verified, writing nothing, whether or not an account uses it", async () => {
    const other = await sg.register("Other Owner");
    const before = await auditOf(other.id);
    const flow = await callbackFor({ email: other.email, email_verified: false });
    const r = await complete(flow.callbackUrl);
    expect(code(r)).toBe("FORBIDDEN");
    expect(r.errors![0]!.message).toBe("verify your e-mail with acme, then sign in again");
    expect(await auditOf(other.id)).toEqual(before);
    expect(
      await db.query(`SELECT * FROM identity.external_identities WHERE subject = $1 OR user_id = $2`, [flow.accountId, other.id]),
    ).toEqual([]);
    expect((await sg.query(LOGIN, { input: { email: other.email, password: other.password } })).data.login.__typename).toBe("AuthPayload");

    // No account with that address: the same answer (it tells nothing), and no account squats it.
    const stranger = `stranger.${unique()}@example.com`;
    const r2 = await complete((await callbackFor({ email: stranger, email_verified: false })).callbackUrl);
    expect(r2.errors![0]).toMatchObject({ message: r.errors![0]!.message, extensions: { code: "FORBIDDEN" } });
    const [users] = await db.query(`SELECT count(*)::int AS n FROM identity.users WHERE email = $1`, [stranger]);
    expect(users.n).toBe(0);
  });

  it("refuses a callback URL replayed after it was used", async () => {
    const flow = await callbackFor({ email: `replay.${unique()}@example.com`, email_verified: true });
    expect((await complete(flow.callbackUrl)).errors).toBeUndefined();
    const replay = await complete(flow.callbackUrl);
    expect(code(replay)).toBe("UNAUTHENTICATED");
    expect(replay.errors![0]!.message).toBe("external sign-in failed or expired; start again");
  });

  it("refuses a tampered or missing state without burning the real attempt", async () => {
    const flow = await callbackFor({ email: `tamper.${unique()}@example.com`, email_verified: true });
    const tampered = new URL(flow.callbackUrl);
    tampered.searchParams.set("state", flow.state.slice(0, -2) + (flow.state.endsWith("AA") ? "BB" : "AA"));
    expect(code(await complete(tampered.href))).toBe("UNAUTHENTICATED");
    tampered.searchParams.delete("state");
    expect(code(await complete(tampered.href))).toBe("UNAUTHENTICATED");
    expect(code(await complete("not a url"))).toBe("BAD_USER_INPUT");
    expect((await complete(flow.callbackUrl)).errors).toBeUndefined();
  });

  it("refuses a code and state delivered to another redirect URI", async () => {
    const flow = await callbackFor({ email: `elsewhere.${unique()}@example.com`, email_verified: true });
    const moved = new URL(flow.callbackUrl);
    moved.host = "evil.example:5173";
    expect(code(await complete(moved.href))).toBe("UNAUTHENTICATED");
    // The check burnt the attempt: one try per state, whatever the outcome.
    expect(code(await complete(flow.callbackUrl))).toBe("UNAUTHENTICATED");
  });

  it("refuses redirect URIs outside the provider's allowlist, storing nothing", async () => {
    const [before] = await db.query(`SELECT count(*)::int AS n FROM identity.external_login_attempts`);
    for (const redirectUri of [
      "https://evil.example/auth/callback",
      `${REDIRECT}/../../evil`,
      `${REDIRECT}x`,
      `${REDIRECT}?next=/admin`,
      "http://127.0.0.1:5174/auth/callback",
      "javascript:alert(1)",
      "",
    ]) {
      const r = await sg.query(START, { p: "acme", r: redirectUri });
      expect([redirectUri, code(r)]).toEqual([redirectUri, "BAD_USER_INPUT"]);
      expect(r.errors![0]!.extensions!.field).toBe("redirectUri");
    }
    // Registered for acme only.
    expect(code(await sg.query(START, { p: "corp", r: "https://app.moneta.test/auth/callback" }))).toBe("BAD_USER_INPUT");
    const [after] = await db.query(`SELECT count(*)::int AS n FROM identity.external_login_attempts`);
    expect(after.n).toBe(before.n);
  });

  it("answers an unknown provider with BAD_USER_INPUT", async () => {
    expect(code(await sg.query(START, { p: "nope", r: REDIRECT }))).toBe("BAD_USER_INPUT");
    expect(code(await sg.query(START, { p: "ACME", r: REDIRECT }))).toBe("BAD_USER_INPUT");
    expect(code(await complete(`${REDIRECT}?code=x&state=y`, "nope"))).toBe("BAD_USER_INPUT");
  });

  it("checks the nonce: the same callback fails once the attempt expects another nonce", async () => {
    // Control: rewriting the row with its own nonce changes nothing, so the next failure is the nonce's.
    const control = await callbackFor({ email: `nonce-ok.${unique()}@example.com`, email_verified: true });
    await db.query(`UPDATE identity.external_login_attempts SET nonce = nonce WHERE state_hash = $1`, [hashToken(control.state)]);
    expect((await complete(control.callbackUrl)).errors).toBeUndefined();

    // The ID token carries the nonce of the authorization request; the attempt now expects another.
    const flow = await callbackFor({ email: `nonce.${unique()}@example.com`, email_verified: true });
    const [changed] = await db.query(`UPDATE identity.external_login_attempts SET nonce = $2 WHERE state_hash = $1 RETURNING state_hash`, [
      hashToken(flow.state),
      "a-different-nonce-aaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    ]);
    expect(changed).toHaveLength(1);
    const r = await complete(flow.callbackUrl);
    expect(code(r)).toBe("UNAUTHENTICATED");
    const [linked] = await db.query(`SELECT count(*)::int AS n FROM identity.external_identities WHERE subject = $1`, [flow.accountId]);
    expect(linked.n).toBe(0);
  });

  it("checks PKCE: the provider refuses the code with another verifier", async () => {
    const flow = await callbackFor({ email: `pkce.${unique()}@example.com`, email_verified: true });
    await db.query(`UPDATE identity.external_login_attempts SET code_verifier = $2 WHERE state_hash = $1`, [
      hashToken(flow.state),
      "another-verifier-of-the-right-length-0123456789",
    ]);
    expect(code(await complete(flow.callbackUrl))).toBe("UNAUTHENTICATED");
  });

  it("refuses an attempt after 10 minutes, and a callback completed as another provider", async () => {
    const late = await callbackFor({ email: `late.${unique()}@example.com`, email_verified: true });
    clock.advance(10 * 60_000 + 1);
    try {
      expect(code(await complete(late.callbackUrl))).toBe("UNAUTHENTICATED");
    } finally {
      clock.advance(-(10 * 60_000 + 1));
    }
    const flow = await callbackFor({ email: `cross.${unique()}@example.com`, email_verified: true });
    expect(code(await complete(flow.callbackUrl, "corp"))).toBe("UNAUTHENTICATED");
  });

  it("says so when the user cancels at the provider", async () => {
    const started = await start();
    const callbackUrl = await browse(started.authorizationUrl, "nobody", { cancel: true });
    expect(new URL(callbackUrl).searchParams.get("error")).toBe("access_denied");
    const r = await complete(callbackUrl);
    expect(code(r)).toBe("UNAUTHENTICATED");
    expect(r.errors![0]!.message).toBe("sign-in was cancelled at acme; start again");
  });

  it("signs in through a confidential client whose provider sends e-mail only from UserInfo", async () => {
    const email = `corp.${unique()}@example.com`;
    const flow = await callbackFor({ email, email_verified: true }, "corp");
    const r = await complete(flow.callbackUrl, "corp");
    expect(r.errors).toBeUndefined();
    // No `name` claim: the display name falls back to the address's local part.
    expect(r.data.completeExternalLogin.user).toMatchObject({ email, displayName: email.split("@")[0] });
    const audit = await auditOf(r.data.completeExternalLogin.user.id);
    expect(audit.find((e) => e.type === "LOGIN_SUCCEEDED")!.details).toMatchObject({ method: "oidc:corp" });
  });

  it("answers a provider that cannot be reached with a coded error, and keeps serving", async () => {
    const r = await sg.query(START, { p: "down", r: REDIRECT });
    expect(r.errors![0]).toMatchObject({
      message: "down cannot be reached right now; try again later",
      extensions: { code: "EXTERNAL_PROVIDER_UNAVAILABLE" },
    });
    expect(code(await sg.query(START, { p: "down", r: REDIRECT }))).toBe("EXTERNAL_PROVIDER_UNAVAILABLE");
    expect((await sg.query(`{ externalLoginProviders }`)).errors).toBeUndefined();
    await start("acme");
  });

  it("shows linked accounts only to a signed-in owner", async () => {
    expect(code(await sg.query(ACCOUNTS))).toBe("UNAUTHENTICATED");
    const user = await sg.register("No Links");
    expect((await sg.query(ACCOUNTS, {}, user.headers)).data.externalAccounts).toEqual([]);
  });
});
