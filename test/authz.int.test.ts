import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";

import { eventually } from "../platform/testing/eventually.js";
import { realServicesConfig } from "../platform/testing/services.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "./harness/supergraph.js";

const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`;
const POST = `mutation($accountId: ID!) { postTransaction(input: { accountId: $accountId, amount: { amount: "-3.00", currency: "USD" }, payee: "Scoped", date: "2026-11-03" }) { id } }`;

describe("@authenticated / @requiresScopes at the gateway", () => {
  let sg: TestSupergraph;
  let owner: RegisteredUser;
  let readOnly: Record<string, string>;
  let budgetsOnly: Record<string, string>;
  let writeOnly: Record<string, string>;
  let accountId: string;

  beforeAll(async () => {
    sg = await startTestSupergraph(realServicesConfig());
    owner = await sg.register("Olga");
    accountId = await sg.createAccount(owner, "USD");
    const posted = await sg.query(POST, { accountId }, owner.headers);
    if (posted.errors) throw new Error(`postTransaction failed: ${JSON.stringify(posted.errors)}`);
    const key = async (scopes: string[]) => ({
      "x-api-key": (await sg.query(CREATE_KEY, { input: { name: scopes.join(","), scopes } }, owner.headers)).data.createApiKey.secret,
    });
    readOnly = await key(["ledger:read"]);
    budgetsOnly = await key(["budgets:read"]);
    writeOnly = await key(["ledger:write"]);
  });
  afterAll(async () => sg?.close());

  it("lets a signed-in user (every scope) read and write", async () => {
    const r = await sg.query(`{ transactions { nodes { payee } } me { monthlySpending(month: "2026-11") { amount } } }`, {}, owner.headers);
    expect(r.errors).toBeUndefined();
    expect(r.data.transactions.nodes).toEqual([{ payee: "Scoped" }]);
  });

  it("returns the fields a key's scopes allow and an error on each denied field, the rest intact", async () => {
    const r = await sg.query(`{ transactions { nodes { payee } } me { id monthlySpending(month: "2026-11") { amount } } }`, {}, readOnly);
    expect(r.data.transactions.nodes).toEqual([{ payee: "Scoped" }]);
    // monthlySpending is non-null, so its denial nulls `me`, as execution would.
    expect(r.data.me).toBeNull();
    expect(r.errors).toEqual([
      expect.objectContaining({ path: ["me", "monthlySpending"], extensions: expect.objectContaining({ code: "FORBIDDEN" }) }),
    ]);

    const [tx] = (await sg.query(`{ transactions { nodes { id } } }`, {}, owner.headers)).data.transactions.nodes;
    const other = await sg.query(`query($id: ID!) { transaction(id: $id) { payee } me { id } }`, { id: tx.id }, budgetsOnly);
    expect(other.data).toEqual({ transaction: null, me: { id: owner.id } });
    expect(other.errors).toEqual([
      expect.objectContaining({ path: ["transaction"], extensions: expect.objectContaining({ code: "FORBIDDEN" }) }),
    ]);
    // A denied non-null root field nulls the whole response, as GraphQL execution would.
    const nonNull = await sg.query(`{ transactions { nodes { payee } } }`, {}, budgetsOnly);
    expect(nonNull.data).toBeNull();
    expect(nonNull.errors?.[0]?.path).toEqual(["transactions"]);
  });

  it("refuses a mutation the key has no scope for and writes nothing", async () => {
    const r = await sg.query(POST, { accountId }, readOnly);
    expect(r.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const opened = await sg.query(
      `mutation { createAccount(input: { name: "Sneaky", type: CASH, openingBalance: { amount: "0", currency: "USD" }, openingDate: "2000-01-01" }) { id } }`,
      {},
      readOnly,
    );
    expect(opened.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await sg.query(`{ transactions { nodes { id } } accounts { id } }`, {}, owner.headers)).data).toEqual({
      transactions: { nodes: [expect.anything()] },
      accounts: [{ id: accountId }],
    });
  });

  it("lets a key with only ledger:write open an account and post on it", async () => {
    const keyAccount = await sg.createAccount({ headers: writeOnly }, "USD", "Key's account");
    const posted = await sg.query(POST, { accountId: keyAccount }, writeOnly);
    expect(posted.errors).toBeUndefined();
    expect(posted.data.postTransaction.id).toEqual(expect.any(String));
  });

  it("refuses to subscribe to a live field the key has no scope for", async () => {
    const client = createClient({
      url: sg.gateway.url.replace("http", "ws"),
      webSocketImpl: WebSocket,
      connectionParams: budgetsOnly,
      retryAttempts: 0,
    });
    const outcome = await new Promise<any>((resolve) => {
      client.subscribe(
        { query: `subscription { transactionPosted { id } }` },
        { next: (r) => resolve(r), error: (e) => resolve({ error: e }), complete: () => resolve("complete") },
      );
    });
    expect(JSON.stringify(outcome)).toContain("FORBIDDEN");
    await client.dispose();
    await eventually(() => expect(sg.gateway.liveStats().subscriptions).toBe(0));
  });
});
