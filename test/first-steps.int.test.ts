import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../platform/config/index.js";
import { eventually } from "../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../platform/testing/services.js";
import { startTestSupergraph, type TestSupergraph } from "./harness/supergraph.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

/** Fields of the three subgraphs on the signed-in user: identity, ledger, budgets. */
const USER = `user { id displayName preferences { baseCurrency } accounts { id currency } budgets { id } savingsGoals { id } }`;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken refreshToken expiresAt ${USER} } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { ... on AuthPayload { accessToken refreshToken ${USER} } ... on MfaChallenge { challenge } } }`;
const OPEN_ACCOUNT = `mutation { createAccount(input: { name: "Girokonto", type: CHECKING, openingBalance: { amount: "100.00", currency: "EUR" }, openingDate: "2026-01-01" }) { id } }`;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const address = (name: string) => `${name}.${Math.random().toString(36).slice(2, 10)}@example.com`;
const PASSWORD = "first-steps-plum-tractor";

describe.each(modes)("a newcomer's first steps on %s", (_mode, config) => {
  let sg: TestSupergraph;

  beforeAll(async () => {
    sg = await startTestSupergraph(config());
  });
  afterAll(async () => sg?.close());

  const settings = async (userId: string) => ({
    ledger: (
      await sg.subgraph("ledger").kit.dataSource.query(`SELECT base_currency FROM ledger.user_settings WHERE user_id = $1`, [userId])
    )[0]?.base_currency,
    budgets: (
      await sg.subgraph("budgets").kit.dataSource.query(`SELECT base_currency FROM budgets.user_settings WHERE user_id = $1`, [userId])
    )[0]?.base_currency,
  });

  it("registers with a base currency and a selection across subgraphs: tokens and every field, as the new user", async () => {
    const email = address("ines");
    const r = await sg.query(REGISTER, { input: { email, password: PASSWORD, displayName: "Inès", baseCurrency: "eur" } });
    expect(r.errors).toBeUndefined();
    expect(r.data.register).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String) });
    expect(r.data.register.user).toEqual({
      id: expect.any(String),
      displayName: "Inès",
      preferences: { baseCurrency: "EUR" },
      accounts: [],
      budgets: [],
      savingsGoals: [],
    });
    // The gateway's internal sign-in notice never reaches a client.
    expect(JSON.stringify(r)).not.toContain("monetaSignedIn");

    const userId = r.data.register.user.id;
    const headers = bearer(r.data.register.accessToken);
    await eventually(async () => expect(await settings(userId)).toEqual({ ledger: "EUR", budgets: "EUR" }));
    expect((await sg.query(OPEN_ACCOUNT, {}, headers)).errors).toBeUndefined();
    const me = await sg.query(`{ me { displayName netWorth { amount currency } } }`, {}, headers);
    expect(me.errors).toBeUndefined();
    expect(me.data).toEqual({ me: { displayName: "Inès", netWorth: { amount: "100.00", currency: "EUR" } } });

    // Changing it later still reaches both read models.
    const changed = await sg.query(
      `mutation { updateFinancialPreferences(input: { baseCurrency: "GBP" }) { preferences { baseCurrency } } }`,
      {},
      headers,
    );
    expect(changed.data.updateFinancialPreferences.preferences.baseCurrency).toBe("GBP");
    await eventually(async () => expect(await settings(userId)).toEqual({ ledger: "GBP", budgets: "GBP" }));
    // No EUR→GBP rate yet: net worth fails alone, the rest of `me` stays.
    const partial = await sg.query(`{ me { displayName netWorth { amount } } }`, {}, headers);
    expect(partial.data).toEqual({ me: { displayName: "Inès", netWorth: null } });
    expect(partial.errors).toEqual([
      expect.objectContaining({ path: ["me", "netWorth"], extensions: expect.objectContaining({ code: "EXCHANGE_RATE_MISSING" }) }),
    ]);
  });

  it("defaults the base currency to USD, and refuses an unknown one on its field without creating the user", async () => {
    const email = address("dora");
    const bad = await sg.query(REGISTER, { input: { email, password: PASSWORD, displayName: "Dora", baseCurrency: "EURO" } });
    expect(bad.data).toBeNull();
    expect(bad.errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: "baseCurrency" }) }),
    ]);
    const retry = await sg.query(REGISTER, { input: { email, password: PASSWORD, displayName: "Dora" } });
    expect(retry.errors).toBeUndefined();
    expect(retry.data.register.user.preferences.baseCurrency).toBe("USD");
    const unknown = await sg.query(
      `mutation { updateFinancialPreferences(input: { baseCurrency: "XYZ" }) { id } }`,
      {},
      bearer(retry.data.register.accessToken),
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "baseCurrency" });
  });

  it("logs in with the same selection: tokens and the user's own ledger and budgets fields", async () => {
    const email = address("lena");
    const registered = await sg.query(REGISTER, { input: { email, password: PASSWORD, displayName: "Lena", baseCurrency: "EUR" } });
    const account = (await sg.query(OPEN_ACCOUNT, {}, bearer(registered.data.register.accessToken))).data.createAccount.id;
    const r = await sg.query(LOGIN, { input: { email, password: PASSWORD } });
    expect(r.errors).toBeUndefined();
    expect(r.data.login.accessToken).toEqual(expect.any(String));
    expect(r.data.login.user).toMatchObject({
      id: registered.data.register.user.id,
      accounts: [{ id: account, currency: "EUR" }],
      budgets: [],
    });
    expect(JSON.stringify(r)).not.toContain("monetaSignedIn");
  });

  it("gives an anonymous caller nothing through that path: a failed login, or a sign-in mixed with other fields", async () => {
    const email = address("owner");
    const owner = await sg.query(REGISTER, { input: { email, password: PASSWORD, displayName: "Owner" } });
    await sg.query(OPEN_ACCOUNT, {}, bearer(owner.data.register.accessToken));
    const failed = await sg.query(LOGIN, { input: { email, password: "wrong-password-entirely" } });
    expect(failed.data).toBeNull();
    expect(failed.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: "UNAUTHENTICATED" }) })]);
    expect(JSON.stringify(failed)).not.toMatch(/Girokonto|accounts"|monetaSignedIn/);

    // Not made of sign-ins alone: filtered for the anonymous caller as any operation is.
    const mixed = await sg.query(
      `mutation($input: LoginInput!) { login(input: $input) { ... on AuthPayload { user { accounts { id } } } } createAccount(input: { name: "x", type: CASH, openingBalance: { amount: "0", currency: "EUR" }, openingDate: "2026-01-01" }) { id } }`,
      {
        input: { email, password: PASSWORD },
      },
    );
    expect(mixed.data).toBeNull();
    expect(mixed.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ message: "sign in required", extensions: expect.objectContaining({ code: "UNAUTHENTICATED" }) }),
      ]),
    );
    const accounts = await sg.query(`{ accounts { id } }`, {}, bearer(owner.data.register.accessToken));
    expect(accounts.data.accounts).toHaveLength(1);
  });

  it("tells an anonymous caller to sign in, and a key without the scope that it is forbidden", async () => {
    const anonymous = await sg.query(`{ accounts { id } }`);
    expect(anonymous.data).toBeNull();
    expect(anonymous.errors).toEqual([
      expect.objectContaining({
        message: "sign in required",
        path: ["accounts"],
        extensions: expect.objectContaining({ code: "UNAUTHENTICATED" }),
      }),
    ]);
    const user = await sg.register("Keyholder");
    const key = await sg.query(
      `mutation { createApiKey(input: { name: "budgets only", scopes: ["budgets:read"] }) { secret } }`,
      {},
      user.headers,
    );
    const forbidden = await sg.query(`{ accounts { id } }`, {}, { "x-api-key": key.data.createApiKey.secret });
    expect(forbidden.errors).toEqual([
      expect.objectContaining({ path: ["accounts"], extensions: expect.objectContaining({ code: "FORBIDDEN" }) }),
    ]);
  });
});
