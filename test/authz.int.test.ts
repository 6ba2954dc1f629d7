import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { eventually } from "../platform/testing/eventually.js";
import { realServicesConfig } from "../platform/testing/services.js";
import { startTestSupergraph, type RegisteredUser, type TestSupergraph } from "./harness/supergraph.js";

const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`;
const POST = `mutation { postTransaction(input: { amount: { amount: "-3.00", currency: "USD" }, description: "Scoped", date: "2026-11-03" }) { id } }`;

describe("@authenticated / @requiresScopes at the gateway", () => {
  let sg: TestSupergraph;
  let owner: RegisteredUser;
  let readOnly: Record<string, string>;
  let budgetsOnly: Record<string, string>;

  beforeAll(async () => {
    sg = await startTestSupergraph(realServicesConfig());
    owner = await sg.register("Olga");
    await sg.query(POST, {}, owner.headers);
    const key = async (scopes: string[]) => ({ "x-api-key": (await sg.query(CREATE_KEY, { input: { name: scopes.join(","), scopes } }, owner.headers)).data.createApiKey.secret });
    readOnly = await key(["ledger:read"]);
    budgetsOnly = await key(["budgets:read"]);
  });
  afterAll(async () => sg?.close());

  it("lets a signed-in user (every scope) read and write", async () => {
    const r = await sg.query(`{ transactions { description } me { monthlySpending(month: "2026-11") { amount } } }`, {}, owner.headers);
    expect(r.errors).toBeUndefined();
    expect(r.data.transactions).toEqual([{ description: "Scoped" }]);
  });

  it("returns the fields a key's scopes allow and an error on each denied field, the rest intact", async () => {
    const r = await sg.query(`{ transactions { description } me { id monthlySpending(month: "2026-11") { amount } } }`, {}, readOnly);
    expect(r.data.transactions).toEqual([{ description: "Scoped" }]);
    // monthlySpending is non-null, so its denial nulls `me`, as execution would.
    expect(r.data.me).toBeNull();
    expect(r.errors).toEqual([expect.objectContaining({ path: ["me", "monthlySpending"], extensions: expect.objectContaining({ code: "UNAUTHORIZED_FIELD_OR_TYPE" }) })]);

    const [tx] = (await sg.query(`{ transactions { id } }`, {}, owner.headers)).data.transactions;
    const other = await sg.query(`query($id: ID!) { transaction(id: $id) { description } me { id } }`, { id: tx.id }, budgetsOnly);
    expect(other.data).toEqual({ transaction: null, me: { id: owner.id } });
    expect(other.errors).toEqual([expect.objectContaining({ path: ["transaction"], extensions: expect.objectContaining({ code: "UNAUTHORIZED_FIELD_OR_TYPE" }) })]);
    // A denied non-null root field nulls the whole response, as GraphQL execution would.
    const nonNull = await sg.query(`{ transactions { description } }`, {}, budgetsOnly);
    expect(nonNull.data).toBeNull();
    expect(nonNull.errors?.[0]?.path).toEqual(["transactions"]);
  });

  it("refuses a mutation the key has no scope for and writes nothing", async () => {
    const r = await sg.query(POST, {}, readOnly);
    expect(r.errors?.[0]?.extensions?.code).toBe("UNAUTHORIZED_FIELD_OR_TYPE");
    expect((await sg.query(`{ transactions { id } }`, {}, owner.headers)).data.transactions).toHaveLength(1);
  });

  it("refuses to subscribe to a live field the key has no scope for", async () => {
    const client = createClient({ url: sg.gateway.url.replace("http", "ws"), webSocketImpl: WebSocket, connectionParams: budgetsOnly, retryAttempts: 0 });
    const outcome = await new Promise<any>((resolve) => {
      client.subscribe({ query: `subscription { transactionPosted { id } }` }, { next: (r) => resolve(r), error: (e) => resolve({ error: e }), complete: () => resolve("complete") });
    });
    expect(JSON.stringify(outcome)).toContain("UNAUTHORIZED_FIELD_OR_TYPE");
    await client.dispose();
    await eventually(() => expect(sg.gateway.liveStats().subscriptions).toBe(0));
  });
});
