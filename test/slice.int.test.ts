import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { INTERNAL_TOKEN_HEADER, InternalTokenSigner } from "../platform/auth/internal-token.js";
import type { PlatformConfig } from "../platform/config/index.js";
import { countStatements } from "../platform/db/statement-logger.js";
import { eventually } from "../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../platform/testing/services.js";
import { postGraphQL, type RegisteredUser, startTestSupergraph, type TestSupergraph } from "./harness/supergraph.js";

const POST = `mutation($input: PostTransactionInput!) { postTransaction(input: $input) { id amount { amount currency } date } }`;
const TRANSACTIONS = `{ transactions { nodes { id payee amount { amount currency } owner { id displayName } } } }`;
const SPENDING = `query($month: String!) { me { displayName monthlySpending(month: $month) { amount currency } } }`;

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

describe.each(modes)("vertical slice on %s", (_mode, config) => {
  let sg: TestSupergraph;
  let alice: string;
  let bob: string;
  let aliceUser: RegisteredUser;
  let bobUser: RegisteredUser;
  /** Alice's accounts: transactions are posted against an account of their currency. */
  let aliceUsd: string;
  let aliceEur: string;
  const asUser = (id: string) => (id === alice ? aliceUser.headers : bobUser.headers);

  beforeAll(async () => {
    sg = await startTestSupergraph(config());
    aliceUser = await sg.register("Alice");
    bobUser = await sg.register("Bob");
    alice = aliceUser.id;
    bob = bobUser.id;
    aliceUsd = await sg.createAccount(aliceUser, "USD");
    aliceEur = await sg.createAccount(aliceUser, "EUR", "Euro wallet");
  });

  afterAll(async () => {
    await sg?.close();
  });

  /** Budgets' /metrics: redeliveries the named consumer's inbox recognised and skipped. */
  async function duplicatesSkipped(consumer: string): Promise<number> {
    const text = await (await fetch(sg.all.urls.budgets!.replace(/\/graphql$/, "/metrics"))).text();
    const line = text.split("\n").find((l) => l.startsWith(`events_duplicates_skipped_total{consumer="${consumer}"}`));
    return line ? Number(line.split(" ").at(-1)) : 0;
  }

  it("answers /health and /ready once every subgraph answers", async () => {
    expect((await fetch(sg.gateway.url.replace("/graphql", "/health"))).status).toBe(200);
    const ready = await fetch(sg.gateway.url.replace("/graphql", "/ready"));
    expect(ready.status).toBe(200);
    // Every subgraph found under subgraphs/ (so a new one is checked without touching this test).
    const expected = Object.fromEntries(sg.all.subgraphs.map((s) => [s.name, true]));
    expect(Object.keys(expected)).toEqual(expect.arrayContaining(["identity", "ledger", "budgets", "groups"]));
    expect(await ready.json()).toEqual({ status: "ready", subgraphs: expected });
  });

  it("posts a transaction and reads it back with its owner resolved by identity (one query, two subgraphs)", async () => {
    const posted = await sg.query(
      POST,
      { input: { accountId: aliceUsd, amount: { amount: "-12.34", currency: "usd" }, payee: "Groceries", date: "2026-11-05" } },
      asUser(alice),
    );
    expect(posted.errors).toBeUndefined();
    expect(posted.data.postTransaction).toMatchObject({ amount: { amount: "-12.34", currency: "USD" }, date: "2026-11-05" });

    const listed = await sg.query(TRANSACTIONS, {}, asUser(alice));
    expect(listed.errors).toBeUndefined();
    expect(listed.data.transactions.nodes).toEqual([
      {
        id: posted.data.postTransaction.id,
        payee: "Groceries",
        amount: { amount: "-12.34", currency: "USD" },
        owner: { id: alice, displayName: "Alice" },
      },
    ]);
  });

  it("carries the event ledger → bus → budgets and applies it exactly once, even when delivered twice", async () => {
    await eventually(async () => {
      const r = await sg.query(SPENDING, { month: "2026-11" }, asUser(alice));
      expect(r.data.me).toEqual({ displayName: "Alice", monthlySpending: [{ amount: "12.34", currency: "USD" }] });
    });

    // Budgets' spending is a read model keyed by transaction line, so re-applying the event would
    // leave the totals right: the inbox's own count of skipped redeliveries is what proves it.
    const skippedBefore = await duplicatesSkipped("ledger-lines");
    // Force a duplicate: publish the very same envelope again, straight onto the bus.
    const ledger = sg.subgraph("ledger");
    const [row] = await ledger.kit.dataSource.query(
      `SELECT topic, key, envelope::text AS envelope FROM ledger.outbox WHERE topic = 'ledger.transaction.v1' ORDER BY seq DESC LIMIT 1`,
    );
    await sg.all.platform.bus.publish([{ topic: row.topic, key: row.key, value: row.envelope, headers: {} }]);
    // A later event of the same user is ordered after the duplicate, so once it shows, the duplicate was handled.
    await sg.query(
      POST,
      { input: { accountId: aliceUsd, amount: { amount: "-1.00", currency: "USD" }, payee: "Bus", date: "2026-11-06" } },
      asUser(alice),
    );
    await eventually(async () => {
      const r = await sg.query(SPENDING, { month: "2026-11" }, asUser(alice));
      expect(r.data.me.monthlySpending).toEqual([{ amount: "13.34", currency: "USD" }]);
    });
    const [inbox] = await sg
      .subgraph("budgets")
      .kit.dataSource.query(`SELECT count(*)::int AS n FROM budgets.inbox WHERE consumer = 'ledger-lines' AND event_id = $1`, [
        JSON.parse(row.envelope).id,
      ]);
    expect(inbox.n).toBe(1);
    expect(await duplicatesSkipped("ledger-lines")).toBeGreaterThanOrEqual(skippedBefore + 1);
  });

  it("keeps every user's data to themselves, through the gateway and through _entities", async () => {
    const bobs = await sg.query(TRANSACTIONS, {}, asUser(bob));
    expect(bobs.data.transactions.nodes).toEqual([]);
    const bobSpending = await sg.query(SPENDING, { month: "2026-11" }, asUser(bob));
    expect(bobSpending.data.me.monthlySpending).toEqual([]);

    const [aliceTx] = (await sg.query(TRANSACTIONS, {}, asUser(alice))).data.transactions.nodes;
    const signer = new InternalTokenSigner(sg.all.platform.internalKeys.privateKey!);
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Transaction { id payee } ... on User { id } } }`;
    const asBob = { [INTERNAL_TOKEN_HEADER]: await signer.sign({ userId: bob, scopes: ["*"] }, "t") };
    const ledgerAsBob = await postGraphQL(
      sg.all.urls.ledger!,
      { query: entities, variables: { r: [{ __typename: "Transaction", id: aliceTx.id }] } },
      asBob,
    );
    expect(ledgerAsBob.data._entities).toEqual([null]);
    const identityAsBob = await postGraphQL(
      sg.all.urls.identity!,
      {
        query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id email } } }`,
        variables: { r: [{ __typename: "User", id: alice }] },
      },
      asBob,
    );
    expect(identityAsBob.data._entities).toEqual([null]);
    const junk = await postGraphQL(
      sg.all.urls.ledger!,
      {
        query: entities,
        variables: {
          r: [
            { __typename: "Transaction", id: "not-a-uuid" },
            { __typename: "Transaction", id: 42 },
          ],
        },
      },
      asBob,
    );
    expect(junk.errors).toBeUndefined();
    expect(junk.data._entities).toEqual([null, null]);
    const missing = await sg.query(`{ transaction(id: "'; DROP TABLE x; --") { id } }`, {}, asUser(alice));
    expect(missing.errors).toBeUndefined();
    expect(missing.data.transaction).toBeNull();
    const budgetsAsBob = await postGraphQL(
      sg.all.urls.budgets!,
      {
        query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { monthlySpending(month: "2026-11") { amount } } } }`,
        variables: { r: [{ __typename: "User", id: alice }] },
      },
      asBob,
    );
    expect(budgetsAsBob.data._entities).toEqual([null]);
  });

  it("resolves a batch of entity references with one SQL statement", async () => {
    for (let i = 0; i < 19; i++) {
      await sg.query(
        POST,
        { input: { accountId: aliceEur, amount: { amount: `-${i + 1}.00`, currency: "EUR" }, payee: `batch ${i}`, date: "2026-10-01" } },
        asUser(alice),
      );
    }
    const ids: string[] = (await sg.query(TRANSACTIONS, {}, asUser(alice))).data.transactions.nodes.map((t: { id: string }) => t.id);
    expect(ids.length).toBeGreaterThanOrEqual(20);
    const signer = new InternalTokenSigner(sg.all.platform.internalKeys.privateKey!);
    const traceId = `entities-${randomUUID()}`;
    const headers = { [INTERNAL_TOKEN_HEADER]: await signer.sign({ userId: alice, scopes: ["*"] }, "t"), "x-trace-id": traceId };
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Transaction { id payee } } }`;
    let result: Awaited<ReturnType<typeof postGraphQL>> | undefined;
    const statements = await countStatements(sg.subgraph("ledger").kit.dataSource, traceId, async () => {
      result = await postGraphQL(
        sg.all.urls.ledger!,
        { query, variables: { r: ids.map((id) => ({ __typename: "Transaction", id })) } },
        headers,
      );
    });
    expect(result!.data._entities.map((t: { id: string }) => t.id)).toEqual(ids);
    expect(statements).toBe(1);
  });

  it("refuses subgraph calls that do not carry a gateway-signed caller, and ignores client identity headers", async () => {
    const direct = await postGraphQL(sg.all.urls.ledger!, { query: TRANSACTIONS }, { "x-user-id": alice });
    expect(direct.status).toBe(401);
    expect(direct.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    // Spoofed identity headers leave the caller anonymous, who may not read transactions.
    const spoofed = await sg.query(TRANSACTIONS, {}, { "x-user-id": alice, [INTERNAL_TOKEN_HEADER]: "forged" });
    expect(spoofed.data).toBeNull();
    expect(spoofed.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("answers bad input with coded errors and writes nothing", async () => {
    const before = (await sg.query(TRANSACTIONS, {}, asUser(alice))).data.transactions.nodes.length;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ accountId: aliceUsd, amount: { amount: "1e5", currency: "USD" }, payee: "x", date: "2026-11-01" }, "BAD_USER_INPUT"],
      [{ accountId: aliceUsd, amount: { amount: "1.234", currency: "USD" }, payee: "x", date: "2026-11-01" }, "BAD_USER_INPUT"],
      [{ accountId: aliceUsd, amount: { amount: "10", currency: "ZZZ" }, payee: "x", date: "2026-11-01" }, "BAD_USER_INPUT"],
      [{ accountId: aliceUsd, amount: { amount: "0", currency: "USD" }, payee: "x", date: "2026-11-01" }, "BAD_USER_INPUT"],
      [{ accountId: aliceUsd, amount: { amount: "10", currency: "USD" }, payee: "x", date: "2026-02-30" }, "BAD_USER_INPUT"],
      [{ accountId: aliceUsd, amount: { amount: "10", currency: "USD" }, payee: "x".repeat(201), date: "2026-11-01" }, "BAD_USER_INPUT"],
      [{ accountId: aliceUsd, amount: { amount: "9".repeat(30), currency: "USD" }, payee: "x", date: "2026-11-01" }, "BAD_USER_INPUT"],
      // The account's currency and opening date bound what may be posted on it.
      [{ accountId: aliceUsd, amount: { amount: "10", currency: "EUR" }, payee: "x", date: "2026-11-01" }, "BAD_USER_INPUT"],
      [{ accountId: aliceUsd, amount: { amount: "10", currency: "USD" }, payee: "x", date: "1999-12-31" }, "BAD_USER_INPUT"],
    ];
    for (const [input, code] of cases) {
      const r = await sg.query(POST, { input }, asUser(alice));
      expect(r.errors?.[0]?.extensions?.code, JSON.stringify(input).slice(0, 80)).toBe(code);
    }
    const anonymous = await sg.query(POST, { input: cases[0]![0] });
    expect(anonymous.errors?.[0]).toMatchObject({ message: "sign in required", extensions: { code: "UNAUTHENTICATED" } });
    expect((await sg.query(TRANSACTIONS, {}, asUser(alice))).data.transactions.nodes).toHaveLength(before);
  });
});
