import { randomUUID } from "node:crypto";

import { type Client, createClient } from "graphql-ws";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";

import { ACCESS_TOKEN } from "../platform/auth/access-token.js";
import { eventually } from "../platform/testing/eventually.js";
import { realServicesConfig } from "../platform/testing/services.js";
import { BUDGET_UPDATED, BUDGETS_BUDGET_TOPIC } from "../schema/events/budgets.js";
import type { BudgetsDeps } from "../subgraphs/budgets/budgets.deps.js";
import type { IdentityDeps } from "../subgraphs/identity/identity.deps.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "./harness/supergraph.js";

const POSTED = `subscription { transactionPosted { id payee amount { amount currency } owner { id displayName } } }`;
const POST = `mutation($input: PostTransactionInput!) { postTransaction(input: $input) { id } }`;
const GOAL_UPDATED = `subscription($id: ID!) { savingsGoalUpdated(id: $id) { name saved { amount } } }`;
const CREATE_GOAL = `mutation($input: CreateSavingsGoalInput!) { createSavingsGoal(input: $input) { id } }`;
const CONTRIBUTE = `mutation($id: ID!, $amount: MoneyInput!) { contributeToGoal(id: $id, amount: $amount) { id } }`;

interface Received {
  results: any[];
  closed?: { code: number; reason: string };
  client: Client;
}

/** A real graphql-ws client on the gateway's /graphql, recording what it receives and how it closes. */
function connect(url: string, connectionParams: Record<string, unknown>, query?: string): Received {
  const received: Received = { results: [], client: undefined as never };
  received.client = createClient({
    url: url.replace("http", "ws"),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: false,
    on: {
      closed: (event) => void (received.closed = { code: (event as { code: number }).code, reason: (event as { reason: string }).reason }),
    },
    onNonLazyError: () => undefined,
  });
  if (query) {
    received.client.subscribe(
      { query },
      { next: (r) => void received.results.push(r), error: (e) => void received.results.push({ error: e }), complete: () => undefined },
    );
  }
  return received;
}

describe("live subscriptions over graphql-ws (real Kafka)", () => {
  let sg: TestSupergraph;
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  let aliceAccount: string;
  let bobAccount: string;
  const clients: Received[] = [];

  beforeAll(async () => {
    sg = await startTestSupergraph(realServicesConfig());
    alice = await sg.register("Alice");
    bob = await sg.register("Bob");
    aliceAccount = await sg.createAccount(alice, "EUR");
    bobAccount = await sg.createAccount(bob, "EUR");
  });
  afterAll(async () => {
    for (const c of clients) await c.client.dispose();
    await sg?.close();
  });

  const open = (params: Record<string, unknown>, query?: string) => {
    const c = connect(sg.gateway.url, params, query);
    clients.push(c);
    return c;
  };

  it("pushes mutation → outbox → Kafka → gateway → client, with a field from identity, and nothing to another user", async () => {
    const before = sg.gateway.liveStats().subscriptions;
    const aliceSub = open({ authorization: `Bearer ${alice.accessToken}` }, POSTED);
    const bobSub = open({ authorization: `Bearer ${bob.accessToken}` }, POSTED);
    await eventually(() => expect(sg.gateway.liveStats().subscriptions).toBe(before + 2));

    const posted = await sg.query(
      POST,
      { input: { accountId: aliceAccount, amount: { amount: "-4.20", currency: "EUR" }, payee: "Coffee", date: "2026-11-20" } },
      alice.headers,
    );
    expect(posted.errors).toBeUndefined();
    await eventually(() => expect(aliceSub.results).toHaveLength(1));
    expect(aliceSub.results[0]).toEqual({
      data: {
        transactionPosted: {
          id: posted.data.postTransaction.id,
          payee: "Coffee",
          amount: { amount: "-4.20", currency: "EUR" },
          owner: { id: alice.id, displayName: "Alice" },
        },
      },
    });
    // Bob's own transaction reaches Bob only; by then Alice's would have too, had it leaked.
    await sg.query(
      POST,
      { input: { accountId: bobAccount, amount: { amount: "-1.00", currency: "EUR" }, payee: "Gum", date: "2026-11-20" } },
      bob.headers,
    );
    await eventually(() => expect(bobSub.results).toHaveLength(1));
    expect(bobSub.results[0].data.transactionPosted.payee).toBe("Gum");
    expect(aliceSub.results).toHaveLength(1);
  });

  it("serves many subscribers of one user from one resolution each event", async () => {
    const subs = Array.from({ length: 20 }, () =>
      open({ authorization: `Bearer ${alice.accessToken}` }, `subscription { transactionPosted { payee } }`),
    );
    await eventually(() => expect(sg.gateway.liveStats().subscriptions).toBeGreaterThanOrEqual(22));
    await sg.query(
      POST,
      { input: { accountId: aliceAccount, amount: { amount: "-2.00", currency: "EUR" }, payee: "Fan-out", date: "2026-11-20" } },
      alice.headers,
    );
    await eventually(() => expect(subs.every((s) => s.results.length === 1)).toBe(true));
    expect(subs[0]!.results[0]).toEqual({ data: { transactionPosted: { payee: "Fan-out" } } });
  });

  it("closes with 4401 without a valid token, and when the token expires", async () => {
    const none = open({});
    const bad = open({ authorization: "Bearer nonsense" });
    await eventually(() => {
      expect(none.closed?.code).toBe(4401);
      expect(bad.closed?.code).toBe(4401);
    });

    const { kid, privateKey } = await sg.subgraph<IdentityDeps>("identity").deps.signingKeys.current();
    const now = Math.floor(Date.now() / 1000);
    const shortLived = await new SignJWT({ sid: "00000000-0000-4000-8000-000000000009" })
      .setProtectedHeader({ alg: "EdDSA", kid })
      .setIssuer(ACCESS_TOKEN.issuer)
      .setAudience(ACCESS_TOKEN.audience)
      .setSubject(alice.id)
      .setIssuedAt(now)
      .setExpirationTime(now + 2)
      .sign(privateKey);
    const expiring = open({ authorization: `Bearer ${shortLived}` }, POSTED);
    await eventually(() => expect(expiring.closed).toEqual({ code: 4401, reason: "Unauthorized: token expired" }), { timeoutMs: 6_000 });
  });

  it("refuses operations that are not one live field, and answers queries over the socket", async () => {
    const c = open({ authorization: `Bearer ${alice.accessToken}` });
    const run = (query: string) =>
      new Promise<any>((resolve) => {
        const out: any[] = [];
        c.client.subscribe({ query }, { next: (r) => void out.push(r), error: (e) => resolve({ error: e }), complete: () => resolve(out) });
      });
    const invalid = await run(`subscription { nope }`);
    expect(JSON.stringify(invalid.error)).toContain("Cannot query field");
    const query = await run(`{ me { displayName } }`);
    expect(query).toEqual([{ data: { me: { displayName: "Alice" } } }]);
    const failed = await run(`mutation { archiveSavingsGoal(id: "${randomUUID()}") { id } }`);
    // An error in a result reaches the client as data, and the socket stays open.
    expect(failed).toEqual([
      {
        data: null,
        errors: [expect.objectContaining({ path: ["archiveSavingsGoal"], extensions: expect.objectContaining({ code: "NOT_FOUND" }) })],
      },
    ]);
    expect(await run(`{ me { displayName } }`)).toEqual(query);
    expect(c.closed).toBeUndefined();
  });

  it("ends a subscription whose entity is gone with a final null and complete; the socket and its other subscriptions stay", async () => {
    const createGoal = (name: string) =>
      // Budgets takes goals once identity's preferences (the base currency, USD) have reached it.
      eventually(async () => {
        const r = await sg.query(CREATE_GOAL, { input: { name, target: { amount: "100.00", currency: "USD" } } }, alice.headers);
        expect(r.errors).toBeUndefined();
        return r.data.createSavingsGoal.id as string;
      });
    const doomed = await createGoal("Doomed");
    const kept = await createGoal("Kept");

    const c = open({ authorization: `Bearer ${alice.accessToken}` });
    const watch = (id: string) => {
      const w = { results: [] as any[], completed: false };
      c.client.subscribe(
        { query: GOAL_UPDATED, variables: { id } },
        { next: (r) => void w.results.push(r), error: (e) => void w.results.push({ error: e }), complete: () => void (w.completed = true) },
      );
      return w;
    };
    const before = sg.gateway.liveStats().subscriptions;
    const gone = watch(doomed);
    const stays = watch(kept);
    await eventually(() => expect(sg.gateway.liveStats().subscriptions).toBe(before + 2));

    // Budgets has no way to delete a goal: the row goes as a deletion would take it, and the
    // change is announced through budgets' own outbox, as every change of a goal is.
    const budgets = sg.subgraph<BudgetsDeps>("budgets");
    await budgets.kit.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM budgets.savings_goals WHERE id = $1`, [doomed]);
      await budgets.deps.goals.savings.emitUpdated(manager, "live-entity-gone", alice.id, [doomed]);
    });
    await eventually(() => expect(gone.completed).toBe(true));
    expect(gone.results.at(-1)).toEqual({ data: { savingsGoalUpdated: null } });
    expect(sg.gateway.liveStats().subscriptions).toBe(before + 1);

    const contributed = await sg.query(CONTRIBUTE, { id: kept, amount: { amount: "5.00", currency: "USD" } }, alice.headers);
    expect(contributed.errors).toBeUndefined();
    await eventually(() =>
      expect(stays.results.at(-1)).toEqual({ data: { savingsGoalUpdated: { name: "Kept", saved: { amount: "5.00" } } } }),
    );
    expect(stays.completed).toBe(false);
    expect(c.closed).toBeUndefined();

    // A non-null field cannot end on null: it ends with what GraphQL gives for a failed non-null
    // field. An id the caller cannot see reads the same as a deleted one.
    const budgetId = randomUUID();
    const budget = { results: [] as any[], completed: false };
    c.client.subscribe(
      { query: `subscription($id: ID!) { budgetUpdated(id: $id) { id } }`, variables: { id: budgetId } },
      {
        next: (r) => void budget.results.push(r),
        error: (e) => void budget.results.push({ error: e }),
        complete: () => void (budget.completed = true),
      },
    );
    await eventually(() => expect(sg.gateway.liveStats().subscriptions).toBe(before + 2));
    const envelope = {
      id: randomUUID(),
      type: BUDGET_UPDATED,
      version: 1,
      source: "budgets",
      key: alice.id,
      occurredAt: new Date().toISOString(),
      traceId: "live-entity-gone",
      data: { budgetId, userId: alice.id },
    };
    await sg.all.platform.bus.publish([{ topic: BUDGETS_BUDGET_TOPIC, key: alice.id, value: JSON.stringify(envelope), headers: {} }]);
    await eventually(() => expect(budget.completed).toBe(true));
    expect(budget.results).toEqual([
      { data: null, errors: [{ message: "budgetUpdated ended: not found", path: ["budgetUpdated"], extensions: { code: "NOT_FOUND" } }] },
    ]);
    expect(sg.gateway.liveStats().subscriptions).toBe(before + 1);

    // A client that goes away mid-subscription leaves nothing behind.
    await c.client.dispose();
    await eventually(() => expect(sg.gateway.liveStats().subscriptions).toBe(before));
  });
});
