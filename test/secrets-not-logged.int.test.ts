import { Writable } from "node:stream";

import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createLogger } from "../platform/logging/index.js";
import { realServicesConfig } from "../platform/testing/services.js";
import { startTestSmsServer, type TestSmsServer } from "../platform/testing/test-sms-server.js";
import { bearer, type RegisteredUser, startTestSupergraph, type TestSupergraph } from "./harness/supergraph.js";

/**
 * Every secret a flow handles (passwords, access and refresh tokens, API key and webhook secrets,
 * MFA secrets, codes, challenges and backup codes, the tokens in mailed links) stays out of the
 * logs at level debug, through the production logger: the captured lines are searched for each.
 */
describe("logs of a run that signs in, refreshes, uses an API key, a webhook, MFA and SMS", () => {
  const lines: string[] = [];
  const logs = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  const secrets = new Map<string, string>();
  const remember = (name: string, value: unknown) => {
    expect(typeof value, name).toBe("string");
    secrets.set(name, value as string);
    return value as string;
  };
  let sg: TestSupergraph;
  let user: RegisteredUser;
  let twilio: TestSmsServer;
  const smsEnv = ["SMS_PROVIDER", "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM", "TWILIO_API_BASE_URL"] as const;
  const saved = Object.fromEntries(["WEBHOOKS_ALLOW_LOOPBACK", ...smsEnv].map((name) => [name, process.env[name]]));

  beforeAll(async () => {
    // The endpoint is never called (nothing it subscribes to happens); loopback just spares DNS.
    process.env.WEBHOOKS_ALLOW_LOOPBACK = "true";
    // Texts go to a local server speaking Twilio's API: its auth token and the codes it receives are secrets too.
    twilio = await startTestSmsServer();
    Object.assign(process.env, {
      SMS_PROVIDER: "twilio",
      TWILIO_ACCOUNT_SID: twilio.accountSid,
      TWILIO_AUTH_TOKEN: twilio.authToken,
      TWILIO_FROM: "+15017122661",
      TWILIO_API_BASE_URL: twilio.url,
    });
    sg = await startTestSupergraph(realServicesConfig({ logLevel: "debug" }), { logger: createLogger("moneta", "debug", logs) });
  });

  afterAll(async () => {
    await sg?.close();
    await twilio?.close();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  const ok = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
    const r = await sg.query(query, variables, headers);
    expect(r.errors, query).toBeUndefined();
    return r.data;
  };

  it("contain none of them", async () => {
    user = await sg.register("Secretive");
    remember("password", user.password);
    remember("register access token", user.accessToken);
    remember("register refresh token", user.refreshToken);

    // A wrong password and a bad token: failures are where request details tend to get logged.
    const wrong = remember("wrong password", `${user.password}-not-it`);
    await sg.query(`mutation($input: LoginInput!) { login(input: $input) { __typename } }`, {
      input: { email: user.email, password: wrong },
    });
    await sg.query(`{ me { id } }`, {}, bearer(remember("forged token", `${user.accessToken.slice(0, -6)}AAAAAA`)));

    const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { __typename ... on AuthPayload { accessToken refreshToken } ... on MfaChallenge { challenge } } }`;
    const login = (await ok(LOGIN, { input: { email: user.email, password: user.password } })).login;
    remember("login access token", login.accessToken);
    const refreshed = (
      await ok(`mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`, {
        t: remember("login refresh token", login.refreshToken),
      })
    ).refreshSession;
    remember("refreshed access token", refreshed.accessToken);
    remember("refreshed refresh token", refreshed.refreshToken);
    // The burnt refresh token again: refused, and still not logged.
    expect(
      (await sg.query(`mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`, { t: login.refreshToken })).errors,
    ).toBeDefined();
    // Replaying a burnt refresh token ended that session, and the gateway refuses its tokens from now on: sign in afresh.
    const session = (await ok(LOGIN, { input: { email: user.email, password: user.password } })).login;
    remember("second login access token", session.accessToken);
    remember("second login refresh token", session.refreshToken);
    const headers = bearer(session.accessToken);

    const key = (
      await ok(
        `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`,
        { input: { name: "logs", scopes: ["ledger:read"] } },
        headers,
      )
    ).createApiKey;
    const apiKey = remember("API key secret", key.secret);
    await ok(`{ accounts { id } }`, {}, { "x-api-key": apiKey });
    await sg.query(`{ accounts { id } }`, {}, { "x-api-key": remember("wrong API key", `${apiKey.slice(0, -4)}zzzz`) });

    const hook = (
      await ok(
        `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret endpoint { id } } }`,
        { i: { url: "http://127.0.0.1:9/moneta", events: ["transaction.created"] } },
        headers,
      )
    ).createWebhookEndpoint;
    remember("webhook secret", hook.secret);
    remember(
      "rotated webhook secret",
      (await ok(`mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`, { id: hook.endpoint.id }, headers)).rotateWebhookSecret
        .secret,
    );

    const mfaSecret = remember("MFA secret", (await ok(`mutation { enrolMfa { secret } }`, {}, headers)).enrolMfa.secret);
    const code = () => TOTP.generate({ secret: Secret.fromBase32(mfaSecret), timestamp: Date.now() });
    const activation = (
      await ok(`mutation($code: String!) { confirmMfa(code: $code) { backupCodes } }`, { code: remember("confirm code", code()) }, headers)
    ).confirmMfa;
    activation.backupCodes.forEach((backup: string, i: number) => remember(`backup code ${i}`, backup));
    const challenge = remember(
      "MFA challenge",
      (await ok(LOGIN, { input: { email: user.email, password: user.password } })).login.challenge,
    );
    const signedIn = (
      await ok(`mutation($c: String!, $code: String!) { verifyMfa(challenge: $c, code: $code) { accessToken refreshToken } }`, {
        c: challenge,
        code: remember("backup code used", activation.backupCodes[0]),
      })
    ).verifyMfa;
    remember("MFA access token", signedIn.accessToken);
    remember("MFA refresh token", signedIn.refreshToken);

    remember("Twilio auth token", twilio.authToken);
    const phone = "+33612345678";
    await ok(`mutation($p: String!) { startPhoneVerification(input: { phoneNumber: $p }) { state } }`, { p: phone }, headers);
    const texted = twilio.received.filter((m) => m.to === phone).at(-1)!.body;
    const smsCode = remember("SMS verification code", /\b(\d{6})\b/.exec(texted)![1]);
    await ok(`mutation($c: String!) { confirmPhoneVerification(input: { code: $c }) { state } }`, { c: smsCode }, headers);

    const newPassword = remember("new password", `${user.password}-renewed`);
    await ok(
      `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`,
      { c: user.password, n: newPassword },
      bearer(signedIn.accessToken),
    );

    // The run did log (at debug, requests and events): an empty capture would prove nothing.
    // The mails' live tokens (verification on register, the reset link asked for here).
    await ok(`mutation($e: String!) { requestPasswordReset(email: $e) }`, { e: user.email });
    const mails: Array<{ body: string }> = await sg
      .subgraph("identity")
      .kit.dataSource.query(`SELECT body FROM identity.mail_messages WHERE to_address = $1`, [user.email]);
    const tokens = mails.flatMap((m) => [...m.body.matchAll(/token=([\w-]+)/g)].map((t) => t[1]!));
    expect(tokens.length).toBeGreaterThanOrEqual(2);
    tokens.forEach((token, i) => remember(`mail token ${i}`, token));

    // The capture worked through the flow (the mails were logged, links withheld): an empty one would prove nothing.
    expect(lines.filter((line) => line.includes(user.email)).length).toBeGreaterThanOrEqual(4);
    const leaks = [...secrets].filter(([, value]) => lines.some((line) => line.includes(value)));
    expect(leaks.map(([name]) => name)).toEqual([]);
  });
});
