import { execFile } from "node:child_process";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServices, realServicesConfig } from "../../../platform/testing/services.js";
import { ledgerClient } from "../../../test/harness/ledger-client.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import type { IdentityDeps } from "../identity.deps.js";

const run = promisify(execFile);
const code = (r: { errors?: Array<{ extensions?: Record<string, any> }> }) => r.errors?.[0]?.extensions?.code;

const FIND = `query($s: String!) { adminUsers(search: $s) { id email displayName lockedAt lockedReason activeSessions admin } }`;
const LOG = `query($id: ID!) { adminSecurityEvents(userId: $id, first: 20) { type details } }`;
const LOCK = `mutation($id: ID!, $reason: String!) { adminLockUser(input: { userId: $id, reason: $reason }) { id lockedAt lockedReason activeSessions } }`;
const UNLOCK = `mutation($id: ID!) { adminUnlockUser(userId: $id) { id lockedAt } }`;
const SIGN_OUT = `mutation($id: ID!) { adminSignOutUser(userId: $id) }`;
const HEALTH = `{ systemHealth { ok components { name ok latencyMs detail } } }`;
const OWN_LOG = `{ securityEvents(first: 50) { type details } }`;
const ME = `{ me { id } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { __typename ... on AuthPayload { accessToken refreshToken } } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`;

/** `npm run admin` itself, against the run's database. */
async function adminCli(args: string[], databaseUrl: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "scripts/admin.ts", ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" },
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe.each([
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig(), true],
  ["embedded defaults", () => embeddedConfig(), false],
] as Array<[string, () => PlatformConfig, boolean]>)("the operator role (%s)", (_mode, config, real) => {
  let sg: TestSupergraph;
  let operator: RegisteredUser;
  let dana: RegisteredUser;
  const asOperator = (query: string, variables: Record<string, unknown> = {}) => sg.query(query, variables, operator.headers);

  beforeAll(async () => {
    sg = await startTestSupergraph(config());
    [operator, dana] = [await sg.register("Olga Operator"), await sg.register("Dana")];
    if (real) {
      // The command line, as an operator would run it: the API has no way to grant the role.
      const granted = await adminCli(["grant", operator.email.toUpperCase()], realServices().databaseUrl);
      expect(granted).toEqual({ code: 0, out: `${operator.email} is now an admin\n` });
    } else {
      await sg.subgraph<IdentityDeps>("identity").deps.operatorRoles.grant(operator.email);
    }
  }, 120_000);
  afterAll(async () => sg?.close());

  it("refuses every operator field to callers without the role, revealing nothing", async () => {
    const calls: Array<[string, Record<string, unknown>]> = [
      [FIND, { s: dana.email }],
      [LOG, { id: operator.id }],
      [LOCK, { id: operator.id, reason: "x" }],
      [UNLOCK, { id: operator.id }],
      [SIGN_OUT, { id: operator.id }],
      [HEALTH, {}],
    ];
    for (const [query, variables] of calls) {
      const asDana = await sg.query(query, variables, dana.headers);
      expect(code(asDana), query).toBe("FORBIDDEN");
      expect(asDana.data ?? null, query).toBeNull();
      expect(code(await sg.query(query, variables)), query).toBe("UNAUTHENTICATED");
    }
    const own = (await sg.query(OWN_LOG, {}, operator.headers)).data.securityEvents;
    expect(own.map((e: { type: string }) => e.type)).not.toContain("ADMIN_LOCKED");
  });

  it("finds accounts by part of the address or by id, and each found user sees the look-up in their log", async () => {
    const byPart = await asOperator(FIND, { s: dana.email.slice(0, dana.email.indexOf("@")).toUpperCase() });
    expect(byPart.errors).toBeUndefined();
    expect(byPart.data.adminUsers).toEqual([
      { id: dana.id, email: dana.email, displayName: "Dana", lockedAt: null, lockedReason: null, activeSessions: 1, admin: false },
    ]);
    expect((await asOperator(FIND, { s: dana.id })).data.adminUsers.map((u: { id: string }) => u.id)).toEqual([dana.id]);
    // LIKE wildcards are literal: "%" finds nobody rather than everybody.
    expect((await asOperator(FIND, { s: "%%%" })).data.adminUsers).toEqual([]);
    const tooShort = await asOperator(FIND, { s: "da" });
    expect([code(tooShort), tooShort.errors?.[0]?.extensions?.field]).toEqual(["BAD_USER_INPUT", "search"]);
    const seen = (await sg.query(OWN_LOG, {}, dana.headers)).data.securityEvents;
    expect(seen).toContainEqual({ type: "ADMIN_LOOKED_UP", details: expect.objectContaining({ operatorId: operator.id }) });
  });

  it("cannot read anyone's financial data", async () => {
    const ledger = ledgerClient(sg);
    const account = await ledger.account(dana);
    const posted = await ledger.post(dana, {
      accountId: account,
      amount: { amount: "-12.34", currency: "USD" },
      date: "2026-11-02",
      payee: "Pharmacy",
    });
    const transactionId = posted.data.postTransaction.id as string;
    const direct = await asOperator(`query($id: ID!) { transaction(id: $id) { id } }`, { id: transactionId });
    // What any other user gets for an id that is not theirs: nothing.
    expect(direct.data?.transaction ?? null).toBeNull();
    const otherAccount = await asOperator(`query($id: ID!) { account(id: $id) { id } }`, { id: account });
    expect(otherAccount.data?.account ?? null).toBeNull();
    const list = await asOperator(`{ transactions(first: 50) { edges { node { id } } } }`);
    expect(JSON.stringify(list.data)).not.toContain(transactionId);
    // The operator view has no way into the User entity's financial fields.
    const viaView = await asOperator(`query($s: String!) { adminUsers(search: $s) { id accounts { id } } }`, { s: dana.id });
    expect(code(viaView)).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("locks an account: its tokens stop at once, no sign-in or refresh, and the user reads why", async () => {
    const victim = await sg.register("Locked Lee");
    expect(code(await asOperator(LOCK, { id: operator.id, reason: "oops" }))).toBe("BAD_USER_INPUT");
    expect(code(await asOperator(LOCK, { id: victim.id, reason: "   " }))).toBe("BAD_USER_INPUT");
    expect(code(await asOperator(LOCK, { id: "00000000-0000-4000-8000-000000000000", reason: "fraud" }))).toBe("NOT_FOUND");
    expect(code(await asOperator(LOCK, { id: "not-an-id", reason: "fraud" }))).toBe("NOT_FOUND");

    const locked = await asOperator(LOCK, { id: victim.id, reason: "Card fraud reported" });
    expect(locked.errors).toBeUndefined();
    expect(locked.data.adminLockUser).toMatchObject({ id: victim.id, lockedReason: "Card fraud reported", activeSessions: 0 });
    // The access token was valid for 15 more minutes; the gateway heard of the revocation.
    await eventually(async () => expect(code(await sg.query(ME, {}, victim.headers))).toBe("UNAUTHENTICATED"));
    expect(code(await sg.query(REFRESH, { t: victim.refreshToken }))).toBe("UNAUTHENTICATED");
    const refused = await sg.query(LOGIN, { input: { email: victim.email, password: victim.password } });
    expect([code(refused), refused.errors?.[0]?.extensions?.reason]).toEqual(["FORBIDDEN", "ACCOUNT_LOCKED"]);

    const log = (await asOperator(LOG, { id: victim.id })).data.adminSecurityEvents;
    expect(log.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(["ADMIN_LOCKED", "ADMIN_VIEWED_SECURITY_LOG"]));

    expect((await asOperator(UNLOCK, { id: victim.id })).data.adminUnlockUser).toEqual({ id: victim.id, lockedAt: null });
    const back = await sg.query(LOGIN, { input: { email: victim.email, password: victim.password } });
    expect(back.data.login.__typename).toBe("AuthPayload");
    const own = (await sg.query(OWN_LOG, {}, { authorization: `Bearer ${back.data.login.accessToken}` })).data.securityEvents;
    expect(own).toContainEqual({
      type: "ADMIN_LOCKED",
      details: { reason: "Card fraud reported", sessionsRevoked: 1, operatorId: operator.id },
    });
    expect(own.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(["ADMIN_UNLOCKED", "ADMIN_VIEWED_SECURITY_LOG"]));
  });

  it("signs a user out everywhere; they can sign in again", async () => {
    const user = await sg.register("Sam");
    expect((await asOperator(SIGN_OUT, { id: user.id })).data.adminSignOutUser).toBe(1);
    await eventually(async () => expect(code(await sg.query(ME, {}, user.headers))).toBe("UNAUTHENTICATED"));
    expect(code(await sg.query(REFRESH, { t: user.refreshToken }))).toBe("UNAUTHENTICATED");
    const again = await sg.query(LOGIN, { input: { email: user.email, password: user.password } });
    expect(again.data.login.__typename).toBe("AuthPayload");
    expect(code(await asOperator(SIGN_OUT, { id: "00000000-0000-4000-8000-000000000000" }))).toBe("NOT_FOUND");
  });

  it("reads system health: every subgraph, the database, the cache and the outbox", async () => {
    const health = await asOperator(HEALTH);
    expect(health.errors).toBeUndefined();
    const names = health.data.systemHealth.components.map((c: { name: string }) => c.name);
    expect(names).toEqual(
      expect.arrayContaining(["database", "cache", "outbox", "subgraph:identity", "subgraph:ledger", "subgraph:budgets"]),
    );
    expect(health.data.systemHealth.components.filter((c: { ok: boolean }) => !c.ok)).toEqual([]);
    expect(health.data.systemHealth.ok).toBe(true);
  });

  it("revoking the role takes effect on the next call", async () => {
    if (real) {
      const databaseUrl = realServices().databaseUrl;
      expect((await adminCli(["list"], databaseUrl)).out).toContain(operator.email);
      expect(await adminCli(["grant", "nobody@example.com"], databaseUrl)).toMatchObject({ code: 1 });
      expect(await adminCli(["promote", dana.email], databaseUrl)).toMatchObject({ code: 2 });
      expect(await adminCli(["revoke", operator.email], databaseUrl)).toEqual({
        code: 0,
        out: `${operator.email} is no longer an admin\n`,
      });
    } else {
      expect(await sg.subgraph<IdentityDeps>("identity").deps.operatorRoles.revoke(operator.email)).toMatchObject({ changed: true });
    }
    expect(code(await asOperator(HEALTH))).toBe("FORBIDDEN");
    const own = (await sg.query(OWN_LOG, {}, operator.headers)).data.securityEvents.map((e: { type: string }) => e.type);
    expect(own).toEqual(expect.arrayContaining(["ROLE_GRANTED", "ROLE_REVOKED"]));
  });
});
