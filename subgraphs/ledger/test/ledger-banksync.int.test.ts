import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { ledgerClient } from "../../../test/harness/ledger-client.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import { type FakeAccount, FakeSimpleFin, unixDay } from "./simplefin-server.js";

const CONNECTION =
  "id institution status lastSyncedAt lastError accounts { id name currency balance { amount currency } ledgerAccountId lastBalanceDifference { amount } }";
const CONNECT = `mutation($input: ConnectBankInput!) { connectBank(input: $input) { ${CONNECTION} } }`;
const LINK = `mutation($input: LinkBankAccountInput!) { linkBankAccount(input: $input) { ${CONNECTION} } }`;
const SYNC = `mutation($id: ID!) { syncBank(connectionId: $id) { id status } }`;
const ONE = `query($id: ID!) { bankConnection(id: $id) { ${CONNECTION} } }`;

/** A day `n` days before today (UTC), YYYY-MM-DD. */
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig({ kafkaTopicPrefix: `${realServicesConfig().kafkaTopicPrefix}banksync.` })],
  ["embedded defaults", () => embeddedConfig()],
];

describe.each(modes)("bank sync over SimpleFIN on %s", (_mode, config) => {
  let sg: TestSupergraph;
  let ledger: ReturnType<typeof ledgerClient>;
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  const bridge = new FakeSimpleFin();
  const sql = (query: string, params: unknown[] = []) => sg.subgraph("ledger").kit.dataSource.query(query, params);
  /** Asks for a sync and waits (on the job table, not the gateway) until the user's sync jobs are done. */
  const syncAndWait = async (user: RegisteredUser, id: string) => {
    await ledger.ok(user, SYNC, { id });
    await eventually(
      async () => {
        const [{ n }] = await sql(
          `SELECT count(*)::int AS n FROM ledger.jobs WHERE user_id = $1 AND kind = 'ledger.bank-sync' AND status IN ('QUEUED', 'RUNNING')`,
          [user.id],
        );
        expect(n).toBe(0);
      },
      { timeoutMs: 30_000 },
    ).catch(async (error: unknown) => {
      console.error(
        await sql(`SELECT status, attempts, error, cursor FROM ledger.jobs WHERE user_id = $1 AND kind = 'ledger.bank-sync'`, [user.id]),
      );
      throw error;
    });
    return (await ledger.ok(user, ONE, { id })).bankConnection;
  };
  const rows = (accountId: string) =>
    sql(
      `SELECT bank_transaction_id AS bank, status, to_char(date, 'YYYY-MM-DD') AS date, amount_minor::text AS amount, payee FROM ledger.transactions WHERE account_id = $1 AND deleted_at IS NULL ORDER BY date, payee`,
      [accountId],
    );

  const checking: FakeAccount = {
    id: "ACT-CHK",
    name: "Everyday Checking",
    currency: "USD",
    balance: "1000.00",
    "balance-date": unixDay(daysAgo(0)),
    org: { name: "First Example Bank", domain: "first.example" },
    transactions: [],
  };

  beforeAll(async () => {
    await bridge.start();
    sg = await startTestSupergraph(config());
    ledger = ledgerClient(sg);
    alice = await sg.register("Alice");
    bob = await sg.register("Bob");
    await eventually(async () => expect((await ledger.ok(alice, `{ categories { id } }`)).categories.length).toBeGreaterThan(0));
  });

  afterAll(async () => {
    await sg?.close();
    await bridge.close();
  });

  it("connects, links, syncs through the import path, and a re-sync writes nothing twice", async () => {
    const groceries = await ledger.categoryId(alice, "Groceries");
    await ledger.ok(
      alice,
      `mutation($c: ID!) { createRule(input: { name: "Market", conditions: { payee: { operator: CONTAINS, value: "market" } }, actions: { setCategoryId: $c } }) { id } }`,
      { c: groceries },
    );
    const account = await ledger.account(alice, "USD", "1000");
    // Bought at the market 5 days ago, imported from a CSV statement before the bank was connected.
    const csv = ["Date;Description;Amount", `${daysAgo(5)};Corner Market;-23,45`].join("\n");
    const imported = await ledger.importAndWait(alice, {
      accountId: account,
      format: "CSV",
      content: csv,
      mapping: { date: "Date", amount: "Amount", payee: "Description", dateFormat: "yyyy-MM-dd", decimalSeparator: ",", delimiter: ";" },
    });
    expect(imported.imported).toBe(1);
    bridge.accounts = [
      {
        ...checking,
        balance: "896.55",
        transactions: [
          // The bank dates the CSV's purchase a day later: the same transaction (±2 days, amount, payee).
          { id: "TX-1", posted: unixDay(daysAgo(4)), amount: "-23.45", description: "CORNER MARKET", payee: "Corner Market" },
          { id: "TX-2", posted: unixDay(daysAgo(3)), amount: "-80.00", description: "SUPER MARKET 22", payee: "Super Market" },
          {
            id: "TX-3",
            posted: 0,
            transacted_at: unixDay(daysAgo(1)),
            amount: "-12.00",
            description: "CAFE",
            payee: "Cafe",
            pending: true,
          },
        ],
      },
    ];
    const token = bridge.setupToken();
    const connected = (await ledger.ok(alice, CONNECT, { input: { setupToken: token, idempotencyKey: "c-1" } })).connectBank;
    expect(connected).toMatchObject({ institution: "First Example Bank", status: "ACTIVE", lastSyncedAt: null, lastError: null });
    expect(connected.accounts).toEqual([
      expect.objectContaining({
        name: "Everyday Checking",
        currency: "USD",
        balance: { amount: "896.55", currency: "USD" },
        ledgerAccountId: null,
      }),
    ]);
    // The credentials are sealed at rest.
    const [{ sealed }] = await sql(`SELECT sealed_credentials AS sealed FROM ledger.bank_connections WHERE id = $1`, [connected.id]);
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain("secret");

    const linked = (await ledger.ok(alice, LINK, { input: { remoteAccountId: connected.accounts[0].id, ledgerAccountId: account } }))
      .linkBankAccount;
    expect(linked.accounts[0].ledgerAccountId).toBe(account);
    const synced = await syncAndWait(alice, connected.id);
    expect(synced).toMatchObject({ status: "ACTIVE", lastError: null });
    expect(synced.lastSyncedAt).not.toBeNull();
    expect(await rows(account)).toEqual([
      { bank: "TX-1", status: "CLEARED", date: daysAgo(5), amount: "-2345", payee: "Corner Market" },
      { bank: "TX-2", status: "CLEARED", date: daysAgo(3), amount: "-8000", payee: "Super Market" },
      { bank: "TX-3", status: "PENDING", date: daysAgo(1), amount: "-1200", payee: "Cafe" },
    ]);
    // Rules applied on the way in.
    const [{ category }] = await sql(
      `SELECT p.category_id AS category FROM ledger.postings p JOIN ledger.transactions t ON t.id = p.transaction_id WHERE t.bank_transaction_id = 'TX-2' AND p.role = 'CATEGORY'`,
    );
    expect(category).toBe(groceries);
    // New rows are BANK_SYNC; the CSV's purchase the bank matched stays IMPORT.
    const listed = await ledger.ok(alice, `query($a: ID!) { transactions(filter: { accountIds: [$a] }) { nodes { payee source } } }`, {
      a: account,
    });
    expect(listed.transactions.nodes).toEqual([
      { payee: "Cafe", source: "BANK_SYNC" },
      { payee: "Super Market", source: "BANK_SYNC" },
      { payee: "Corner Market", source: "IMPORT" },
    ]);
    // Bank 896.55 against the ledger's 1000 − 23.45 − 80.00 = 896.55 (the pending cafe left out).
    expect(synced.accounts[0].lastBalanceDifference).toEqual({ amount: "0.00" });

    const before = await sql(`SELECT count(*)::int AS n FROM ledger.transactions WHERE user_id = $1`, [alice.id]);
    const again = await syncAndWait(alice, connected.id);
    expect(again.status).toBe("ACTIVE");
    expect(await sql(`SELECT count(*)::int AS n FROM ledger.transactions WHERE user_id = $1`, [alice.id])).toEqual(before);

    // The cafe posts (with the tip): the same row changes, nothing is added.
    bridge.accounts[0]!.transactions[2] = { id: "TX-3", posted: unixDay(daysAgo(0)), amount: "-14.00", description: "CAFE", payee: "Cafe" };
    bridge.accounts[0]!.balance = "882.55";
    const posted = await syncAndWait(alice, connected.id);
    expect((await rows(account)).at(-1)).toEqual({ bank: "TX-3", status: "CLEARED", date: daysAgo(0), amount: "-1400", payee: "Cafe" });
    expect(await sql(`SELECT count(*)::int AS n FROM ledger.transactions WHERE user_id = $1`, [alice.id])).toEqual(before);
    expect(posted.accounts[0].lastBalanceDifference).toEqual({ amount: "0.00" });

    // A difference is reported, never booked.
    bridge.accounts[0]!.balance = "880.00";
    const off = await syncAndWait(alice, connected.id);
    expect(off.accounts[0].lastBalanceDifference).toEqual({ amount: "-2.55" });
    expect(await ledger.balance(alice, account)).toBe("882.55");

    // Replaying connectBank gives the same connection (the spent token is not claimed again); another token under the key is CONFLICT.
    const replay = (await ledger.ok(alice, CONNECT, { input: { setupToken: token, idempotencyKey: "c-1" } })).connectBank;
    expect(replay.id).toBe(connected.id);
    const other = await ledger.call(alice, CONNECT, { input: { setupToken: bridge.setupToken(), idempotencyKey: "c-1" } });
    expect(other.errors?.[0]?.extensions?.code).toBe("CONFLICT");
  }, 120_000);

  it("401 → NEEDS_ATTENTION with an event; 500 and garbage → ERROR with lastError, and a later sync succeeds; nothing written", async () => {
    const account = await ledger.account(alice, "USD", "0");
    bridge.accounts = [
      {
        ...checking,
        id: "ACT-2",
        balance: "-5.00",
        transactions: [{ id: "B-1", posted: unixDay(daysAgo(2)), amount: "-5.00", description: "Kiosk" }],
      },
    ];
    const connection = (await ledger.ok(alice, CONNECT, { input: { setupToken: bridge.setupToken() } })).connectBank;
    await ledger.ok(alice, LINK, { input: { remoteAccountId: connection.accounts[0].id, ledgerAccountId: account } });

    for (const mode of ["500", "garbage"] as const) {
      bridge.mode = mode;
      const failed = await syncAndWait(alice, connection.id);
      expect(failed.status).toBe("ERROR");
      expect(failed.lastError).toMatch(mode === "500" ? /500/ : /not JSON/);
      expect(await rows(account)).toEqual([]);
      const [{ next }] = await sql(`SELECT next_sync_at > now() AS next FROM ledger.bank_connections WHERE id = $1`, [connection.id]);
      expect(next).toBe(true);
    }
    bridge.mode = "ok";
    const retried = await syncAndWait(alice, connection.id);
    expect(retried).toMatchObject({ status: "ACTIVE", lastError: null });
    expect(await rows(account)).toHaveLength(1);

    bridge.mode = "401";
    const refused = await syncAndWait(alice, connection.id);
    expect(refused.status).toBe("NEEDS_ATTENTION");
    expect(refused.lastError).toMatch(/401/);
    const events = await sql(
      `SELECT key, envelope->'data' AS data FROM ledger.outbox WHERE type = 'BankConnectionNeedsAttention' AND envelope->'data'->>'connectionId' = $1`,
      [connection.id],
    );
    expect(events).toEqual([
      {
        key: alice.id,
        data: { userId: alice.id, connectionId: connection.id, institution: "First Example Bank", reason: expect.stringMatching(/401/) },
      },
    ]);
    const [{ next }] = await sql(`SELECT next_sync_at AS next FROM ledger.bank_connections WHERE id = $1`, [connection.id]);
    expect(next).toBeNull();
    expect(await rows(account)).toHaveLength(1);
    // The event reaches the owner's inbox through insights' notification consumer (its store polled, not GraphQL).
    const notified = await eventually(
      async () => {
        const found = await sg
          .subgraph("insights")
          .kit.dataSource.query(
            `SELECT n.data, n.in_app, d.status FROM insights.notifications n LEFT JOIN insights.notification_deliveries d ON d.notification_id = n.id AND d.channel = 'IN_APP' WHERE n.user_id = $1 AND n.kind = 'BANK_CONNECTION_NEEDS_ATTENTION'`,
            [alice.id],
          );
        expect(found).toHaveLength(1);
        return found[0];
      },
      { timeoutMs: 30_000 },
    );
    expect(notified).toMatchObject({
      in_app: true,
      status: "SENT",
      data: { connectionId: connection.id, institution: "First Example Bank", reason: expect.stringMatching(/401/) },
    });
    bridge.mode = "ok";
  }, 120_000);

  it("refuses a bad setup token on setupToken, and another user's ids are NOT_FOUND", async () => {
    for (const setupToken of ["not a token", Buffer.from("ftp://x/y").toString("base64")]) {
      const r = await ledger.call(alice, CONNECT, { input: { setupToken } });
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "setupToken" });
    }
    const spent = bridge.setupToken();
    await ledger.ok(alice, CONNECT, { input: { setupToken: spent } });
    const reused = await ledger.call(alice, CONNECT, { input: { setupToken: spent } });
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "setupToken" });

    const [mine] = (await ledger.ok(alice, `{ bankConnections { ${CONNECTION} } }`)).bankConnections;
    expect((await ledger.ok(bob, ONE, { id: mine.id })).bankConnection).toBeNull();
    expect((await ledger.ok(bob, `{ bankConnections { id } }`)).bankConnections).toEqual([]);
    const bobAccount = await ledger.account(bob, "USD");
    for (const [query, variables] of [
      [SYNC, { id: mine.id }],
      [`mutation($id: ID!) { disconnectBank(id: $id) { id } }`, { id: mine.id }],
      [LINK, { input: { remoteAccountId: mine.accounts[0].id, ledgerAccountId: bobAccount } }],
    ] as const) {
      const r = await ledger.call(bob, query, variables);
      expect(r.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    }
    // Alice's remote account to Bob's ledger account: not hers.
    const r = await ledger.call(alice, LINK, { input: { remoteAccountId: mine.accounts[0].id, ledgerAccountId: bobAccount } });
    expect(r.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const eur = await ledger.account(alice, "EUR");
    const wrong = await ledger.call(alice, LINK, { input: { remoteAccountId: mine.accounts[0].id, ledgerAccountId: eur } });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "ledgerAccountId" });
  }, 60_000);

  it("queues each due connection once across instances, and purges a deleted user's connections", async () => {
    const carol = await sg.register("Carol");
    bridge.accounts = [{ ...checking, id: "ACT-C" }];
    const c = (await ledger.ok(carol, CONNECT, { input: { setupToken: bridge.setupToken() } })).connectBank;
    await sql(`UPDATE ledger.bank_connections SET next_sync_at = now() - interval '1 minute' WHERE id = $1`, [c.id]);
    const { queueDue } = await import("../banksync/bank-sync.schedule.js");
    const { loadBankSyncConfig } = await import("../banksync/bank-sync.config.js");
    const kit = sg.subgraph("ledger").kit;
    const cfg = loadBankSyncConfig();
    const queued = await Promise.all([1, 2, 3].map(() => queueDue(kit.dataSource, kit.jobs, kit.clock, cfg)));
    const jobs = await sql(`SELECT count(*)::int AS n FROM ledger.jobs WHERE user_id = $1 AND kind = 'ledger.bank-sync'`, [carol.id]);
    expect(jobs).toEqual([{ n: 1 }]);
    expect(queued.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    const deleted = await sg.query(`mutation($p: String!) { deleteAccount(password: $p) }`, { p: carol.password }, carol.headers);
    expect(deleted.data?.deleteAccount).toBe(true);
    await eventually(async () => {
      expect(await sql(`SELECT count(*)::int AS n FROM ledger.bank_connections WHERE user_id = $1`, [carol.id])).toEqual([{ n: 0 }]);
      expect(await sql(`SELECT count(*)::int AS n FROM ledger.bank_accounts WHERE user_id = $1`, [carol.id])).toEqual([{ n: 0 }]);
    });
  }, 60_000);
});
