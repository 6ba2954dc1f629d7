import { randomUUID } from "node:crypto";

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import type { EventEnvelope } from "../../../platform/events/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import {
  GROUP_EXPENSE_DELETED,
  GROUP_EXPENSE_RECORDED,
  GROUP_EXPENSE_UPDATED,
  GROUP_SETTLEMENT_RECORDED,
  type GroupExpenseV1,
  type GroupLedgerPostingV1,
  GROUPS_EXPENSE_TOPIC,
  type GroupsExpenseEvents,
} from "../../../schema/events/groups.js";
import { ledgerClient } from "../../../test/harness/ledger-client.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

const TRANSACTION = `query($id: ID!) { transaction(id: $id) { id kind date amount { amount currency } payee notes tags source deleted account { id } category { name } } }`;

describe.each(modes)("the ledger books what groups asks, on %s", (_mode, config) => {
  let sg: TestSupergraph;
  let api: ReturnType<typeof ledgerClient>;
  let alice: RegisteredUser;
  let bob: RegisteredUser;

  const ledgerDb = () => sg.subgraph("ledger").kit.dataSource;

  /** Publishes a groups event as the groups subgraph would (key = group id); returns the message, to publish again. */
  async function publish<T extends keyof GroupsExpenseEvents>(groupId: string, type: T, data: GroupsExpenseEvents[T]): Promise<string> {
    const envelope: EventEnvelope<GroupsExpenseEvents[T]> = {
      id: randomUUID(),
      type,
      version: 1,
      source: "groups",
      key: groupId,
      occurredAt: new Date().toISOString(),
      traceId: `group-test-${randomUUID()}`,
      data,
    };
    const value = JSON.stringify(envelope);
    await sg.all.platform.bus.publish([{ topic: GROUPS_EXPENSE_TOPIC, key: groupId, value, headers: {} }]);
    return value;
  }

  /** Waits until the ledger's consumer has applied (and committed) the event in `message`. */
  async function handled(message: string, timeoutMs?: number): Promise<void> {
    const { id } = JSON.parse(message) as EventEnvelope;
    await eventually(
      async () => {
        const [row] = await ledgerDb().query(
          `SELECT count(*)::int AS n FROM ledger.inbox WHERE consumer = 'group-postings' AND event_id = $1`,
          [id],
        );
        expect(row.n).toBe(1);
      },
      timeoutMs === undefined ? undefined : { timeoutMs },
    );
  }

  const posting = (user: RegisteredUser, accountId: string, amountMinor: string, extra: Partial<GroupLedgerPostingV1> = {}) => ({
    userId: user.id,
    accountId,
    amountMinor,
    currency: "USD",
    date: "2026-11-10",
    description: "Dinner",
    ...extra,
  });

  const expense = (groupId: string, expenseId: string, p: GroupLedgerPostingV1 | null): GroupExpenseV1 => ({
    groupId,
    expenseId,
    description: p?.description ?? "Dinner",
    amountMinor: "12000",
    currency: "USD",
    groupAmountMinor: "12000",
    groupCurrency: "USD",
    date: p?.date ?? "2026-11-10",
    posting: p,
  });

  /** Books `p` as a new expense of a new group and waits for it; returns the ids and the linked transaction. */
  async function booked(p: GroupLedgerPostingV1) {
    const groupId = randomUUID();
    const expenseId = randomUUID();
    await handled(await publish(groupId, GROUP_EXPENSE_RECORDED, expense(groupId, expenseId, p)));
    const link = await linkOf(expenseId);
    if (!link) throw new Error("the expense was not booked");
    return { groupId, expenseId, transactionId: link.transaction_id as string };
  }

  const linkOf = async (sourceId: string) =>
    (
      await ledgerDb().query(`SELECT user_id, transaction_id, account_id FROM ledger.source_postings WHERE source_id = $1`, [sourceId])
    )[0] as { user_id: string; transaction_id: string; account_id: string } | undefined;

  const transaction = async (user: RegisteredUser, id: string) => (await api.ok(user, TRANSACTION, { id })).transaction;

  /** Live transactions on an account, as its owner lists them. */
  const onAccount = async (user: RegisteredUser, accountId: string) =>
    (
      await api.ok(user, `query($f: TransactionFilter) { transactions(filter: $f) { nodes { id payee amount { amount } } } }`, {
        f: { accountIds: [accountId] },
      })
    ).transactions.nodes as Array<{ id: string; payee: string; amount: { amount: string } }>;

  const outboxed = async (type: string, transactionId: string) =>
    (
      await ledgerDb().query(`SELECT count(*)::int AS n FROM ledger.outbox WHERE type = $1 AND envelope->'data'->>'transactionId' = $2`, [
        type,
        transactionId,
      ])
    )[0].n as number;

  beforeAll(async () => {
    sg = await startTestSupergraph(config());
    api = ledgerClient(sg);
    alice = await sg.register("Alice");
    bob = await sg.register("Bob");
    // Default categories (and the base currency) arrive from identity's UserRegistered event.
    await eventually(async () => expect((await api.ok(alice, `{ categories { id } }`)).categories.length).toBeGreaterThan(10));
    // On Kafka a topic is created by its first publish, and a consumer only gets its partitions
    // after a metadata refresh: the groups topic (the ledger's consumer) and the ledger's
    // transaction topic (budgets') are warmed up here, so no test's own wait pays for that.
    const groupId = randomUUID();
    const warmUp = await publish(groupId, GROUP_EXPENSE_DELETED, { groupId, expenseId: randomUUID() });
    const bobAccount = await api.account(bob, "USD");
    const posted = (await api.post(bob, { accountId: bobAccount, amount: { amount: "-1.00", currency: "USD" }, date: "2026-11-01" })).data
      .postTransaction.id as string;
    await handled(warmUp, 60_000);
    await eventually(
      async () => {
        const lines = await sg
          .subgraph("budgets")
          .kit.dataSource.query(`SELECT 1 FROM budgets.spending_lines WHERE transaction_id = $1`, [posted]);
        expect(lines).toHaveLength(1);
      },
      { timeoutMs: 60_000 },
    );
  }, 150_000);

  afterAll(async () => {
    await sg?.close();
  });

  // After every test: the postings of each transaction balance, and every link points at a
  // transaction of the same user and account.
  afterEach(async () => {
    const ds = ledgerDb();
    expect(
      await ds.query(
        `SELECT transaction_id, currency FROM ledger.postings GROUP BY transaction_id, currency HAVING sum(amount_minor) <> 0`,
      ),
    ).toEqual([]);
    expect(
      await ds.query(
        `SELECT g.source_id FROM ledger.source_postings g JOIN ledger.transactions t ON t.id = g.transaction_id
         WHERE t.user_id <> g.user_id OR (t.account_id <> g.account_id AND t.deleted_at IS NULL)`,
      ),
    ).toEqual([]);
  });

  it("books a recorded expense on the payer's own account, signed, and budgets see it like any transaction", async () => {
    const account = await api.account(alice, "USD");
    const { transactionId } = await booked(
      posting(alice, account, "-4250", { description: "  Dinner at \n Luigi's ", date: "2026-11-09" }),
    );
    expect(await transaction(alice, transactionId)).toEqual({
      id: transactionId,
      kind: "EXPENSE",
      date: "2026-11-09",
      amount: { amount: "-42.50", currency: "USD" },
      payee: "Dinner at Luigi's",
      notes: expect.stringContaining("group"),
      tags: ["group"],
      source: "GROUP",
      deleted: false,
      account: { id: account },
      category: null,
    });
    expect(await onAccount(alice, account)).toEqual([{ id: transactionId, payee: "Dinner at Luigi's", amount: { amount: "-42.50" } }]);
    expect(await api.balance(alice, account)).toBe("-42.50");
    expect(await transaction(bob, transactionId)).toBeNull();
    expect(await outboxed("TransactionPosted", transactionId)).toBe(1);
    await eventually(async () => {
      const lines = await sg
        .subgraph("budgets")
        .kit.dataSource.query(`SELECT user_id, kind, amount_minor::text AS amount FROM budgets.spending_lines WHERE transaction_id = $1`, [
          transactionId,
        ]);
      expect(lines).toEqual([{ user_id: alice.id, kind: "EXPENSE", amount: expect.stringMatching(/^-?4250$/) }]);
    });
  });

  it("books a replayed event once, and an expense recorded twice once", async () => {
    const account = await api.account(alice, "USD");
    const groupId = randomUUID();
    const expenseId = randomUUID();
    const first = await publish(groupId, GROUP_EXPENSE_RECORDED, expense(groupId, expenseId, posting(alice, account, "-1500")));
    await handled(first);
    // The same message again (same event id), then the expense announced again under a new id.
    await sg.all.platform.bus.publish([{ topic: GROUPS_EXPENSE_TOPIC, key: groupId, value: first, headers: {} }]);
    await publish(groupId, GROUP_EXPENSE_RECORDED, expense(groupId, expenseId, posting(alice, account, "-1500")));
    // One group's events are handled in order: once this one is in, the ones before it were too.
    await handled(await publish(groupId, GROUP_EXPENSE_RECORDED, expense(groupId, randomUUID(), posting(alice, account, "-100"))));
    const nodes = await onAccount(alice, account);
    expect(nodes.map((n) => n.amount.amount).sort()).toEqual(["-1.00", "-15.00"]);
    expect(await api.balance(alice, account)).toBe("-16.00");
    const link = await linkOf(expenseId);
    expect(await outboxed("TransactionPosted", link!.transaction_id)).toBe(1);
    expect(await outboxed("TransactionUpdated", link!.transaction_id)).toBe(0);
  });

  it("follows an edit in the group on the same transaction, keeping what the user changed themselves", async () => {
    const account = await api.account(alice, "USD");
    const other = await api.account(alice, "USD");
    const groceries = await api.categoryId(alice, "Groceries");
    const p = posting(alice, account, "-3000", { description: "Market" });
    const { groupId, expenseId, transactionId } = await booked(p);
    await api.ok(alice, `mutation($id: ID!, $input: UpdateTransactionInput!) { updateTransaction(id: $id, input: $input) { id } }`, {
      id: transactionId,
      input: { categoryId: groceries, notes: "my note" },
    });

    await handled(
      await publish(
        groupId,
        GROUP_EXPENSE_UPDATED,
        expense(groupId, expenseId, { ...p, amountMinor: "-4599", date: "2026-11-12", description: "Market and bakery" }),
      ),
    );
    expect(await transaction(alice, transactionId)).toMatchObject({
      kind: "EXPENSE",
      date: "2026-11-12",
      amount: { amount: "-45.99", currency: "USD" },
      payee: "Market and bakery",
      notes: "my note",
      category: { name: "Groceries" },
      // Edited by the user and by the group: still a GROUP transaction.
      source: "GROUP",
      deleted: false,
    });
    expect(await onAccount(alice, account)).toHaveLength(1);
    // The user's own edit, then the group's.
    expect(await outboxed("TransactionUpdated", transactionId)).toBe(2);

    // Paid from another of the payer's accounts: the same transaction moves.
    await handled(
      await publish(
        groupId,
        GROUP_EXPENSE_UPDATED,
        expense(groupId, expenseId, { ...p, accountId: other, amountMinor: "-4599", date: "2026-11-12", description: "Market and bakery" }),
      ),
    );
    expect((await transaction(alice, transactionId)).account).toEqual({ id: other });
    expect(await api.balance(alice, account)).toBe("0.00");
    expect(await api.balance(alice, other)).toBe("-45.99");
    expect((await linkOf(expenseId))!.transaction_id).toBe(transactionId);
  });

  it("soft-deletes the transaction when the expense is deleted or no longer books anything", async () => {
    const account = await api.account(alice, "USD");
    const deleted = await booked(posting(alice, account, "-2000"));
    const unposted = await booked(posting(alice, account, "-700"));
    await eventually(async () => {
      const [row] = await sg
        .subgraph("budgets")
        .kit.dataSource.query(`SELECT count(*)::int AS n FROM budgets.spending_lines WHERE transaction_id = $1`, [deleted.transactionId]);
      expect(row.n).toBe(1);
    });

    await handled(await publish(deleted.groupId, GROUP_EXPENSE_DELETED, { groupId: deleted.groupId, expenseId: deleted.expenseId }));
    await handled(await publish(unposted.groupId, GROUP_EXPENSE_UPDATED, expense(unposted.groupId, unposted.expenseId, null)));
    for (const { transactionId, expenseId } of [deleted, unposted]) {
      expect((await transaction(alice, transactionId)).deleted).toBe(true);
      expect(await outboxed("TransactionDeleted", transactionId)).toBe(1);
      expect(await linkOf(expenseId)).toBeUndefined();
    }
    expect(await onAccount(alice, account)).toEqual([]);
    expect(await api.balance(alice, account)).toBe("0.00");
    await eventually(async () => {
      const [row] = await sg
        .subgraph("budgets")
        .kit.dataSource.query(`SELECT count(*)::int AS n FROM budgets.spending_lines WHERE transaction_id = $1`, [deleted.transactionId]);
      expect(row.n).toBe(0);
    });
    // A later edit that books again makes a new transaction.
    await handled(
      await publish(
        unposted.groupId,
        GROUP_EXPENSE_UPDATED,
        expense(unposted.groupId, unposted.expenseId, posting(alice, account, "-800")),
      ),
    );
    expect((await onAccount(alice, account)).map((n) => n.amount.amount)).toEqual(["-8.00"]);
  });

  it("books money a settlement brings in as income, and moves a posting to a new payer", async () => {
    const account = await api.account(alice, "USD");
    const bobs = await api.account(bob, "USD");
    const groupId = randomUUID();
    const settlementId = randomUUID();
    await handled(
      await publish(groupId, GROUP_SETTLEMENT_RECORDED, {
        groupId,
        settlementId,
        fromMemberId: randomUUID(),
        toMemberId: randomUUID(),
        amountMinor: "2500",
        currency: "USD",
        date: "2026-11-13",
        posting: posting(alice, account, "2500", { date: "2026-11-13", description: "Settle-up from Bob" }),
      }),
    );
    const settled = await linkOf(settlementId);
    expect(await transaction(alice, settled!.transaction_id)).toMatchObject({
      kind: "INCOME",
      amount: { amount: "25.00", currency: "USD" },
      date: "2026-11-13",
      payee: "Settle-up from Bob",
      tags: ["group"],
      source: "GROUP",
    });

    const paid = await booked(posting(alice, account, "-900"));
    await handled(await publish(paid.groupId, GROUP_EXPENSE_UPDATED, expense(paid.groupId, paid.expenseId, posting(bob, bobs, "-900"))));
    expect((await transaction(alice, paid.transactionId)).deleted).toBe(true);
    const moved = await linkOf(paid.expenseId);
    expect(moved?.user_id).toBe(bob.id);
    expect(await onAccount(bob, bobs)).toEqual([{ id: moved!.transaction_id, payee: "Dinner", amount: { amount: "-9.00" } }]);
  });

  it("books nothing it cannot book, and goes on with the group's next events", async () => {
    const account = await api.account(alice, "USD");
    const bobs = await api.account(bob, "USD");
    const archived = await api.account(alice, "USD");
    await api.ok(alice, `mutation($id: ID!) { archiveAccount(id: $id) { id } }`, { id: archived });
    const groupId = randomUUID();
    const refused = [
      posting(alice, randomUUID(), "-100"),
      posting(alice, bobs, "-100"),
      posting(alice, archived, "-100"),
      posting(alice, account, "-100", { currency: "EUR" }),
      posting(alice, account, "-100", { date: "1999-12-31" }),
      posting(alice, account, "0"),
      posting(alice, account, "-1.5"),
      posting(alice, account, "-100", { date: "2026-02-30" }),
      { ...posting(alice, account, "-100"), userId: "not-a-user" },
    ];
    const messages: string[] = [];
    const refusedIds: string[] = [];
    for (const p of refused) {
      const expenseId = randomUUID();
      refusedIds.push(expenseId);
      messages.push(await publish(groupId, GROUP_EXPENSE_RECORDED, expense(groupId, expenseId, p)));
    }
    const goodId = randomUUID();
    const good = await publish(groupId, GROUP_EXPENSE_RECORDED, expense(groupId, goodId, posting(alice, account, "-1234")));
    await handled(good);
    // Each refusal was handled once (committed in the inbox), not retried towards the dead letters.
    for (const message of messages) await handled(message);
    for (const id of refusedIds) expect(await linkOf(id)).toBeUndefined();
    expect((await onAccount(alice, account)).map((n) => n.amount.amount)).toEqual(["-12.34"]);
    expect(await onAccount(bob, bobs)).toEqual([]);
    const [onArchived] = await ledgerDb().query(`SELECT count(*)::int AS n FROM ledger.transactions WHERE account_id = $1`, [archived]);
    expect(onArchived.n).toBe(0);

    // An edit the ledger refuses leaves the booked transaction as it was.
    const { transaction_id: transactionId } = (await linkOf(goodId))!;
    await handled(await publish(groupId, GROUP_EXPENSE_UPDATED, expense(groupId, goodId, posting(alice, archived, "-1234"))));
    expect(await transaction(alice, transactionId)).toMatchObject({
      account: { id: account },
      amount: { amount: "-12.34" },
      deleted: false,
    });
    expect((await linkOf(goodId))!.account_id).toBe(account);
  });

  it("forgets a deleted user's links with the rest of their ledger, and refuses postings for them after", async () => {
    const carol = await sg.register("Carol");
    const account = await api.account(carol, "USD");
    const { groupId, expenseId } = await booked(posting(carol, account, "-500"));
    await sg.query(`mutation($p: String!) { deleteAccount(password: $p) }`, { p: carol.password }, carol.headers);
    await eventually(async () => {
      const [links] = await ledgerDb().query(`SELECT count(*)::int AS n FROM ledger.source_postings WHERE user_id = $1`, [carol.id]);
      const [transactions] = await ledgerDb().query(`SELECT count(*)::int AS n FROM ledger.transactions WHERE user_id = $1`, [carol.id]);
      expect({ links: links.n, transactions: transactions.n }).toEqual({ links: 0, transactions: 0 });
    });
    // Groups may still say Carol paid (its own purge runs on its own time): the ledger books nothing.
    const late = await publish(groupId, GROUP_EXPENSE_UPDATED, expense(groupId, expenseId, posting(carol, account, "-600")));
    const mine = await api.account(alice, "USD");
    await handled(await publish(groupId, GROUP_EXPENSE_RECORDED, expense(groupId, randomUUID(), posting(alice, mine, "-300"))));
    await handled(late);
    expect(await linkOf(expenseId)).toBeUndefined();
    const [left] = await ledgerDb().query(`SELECT count(*)::int AS n FROM ledger.transactions WHERE user_id = $1`, [carol.id]);
    expect(left.n).toBe(0);
    expect((await onAccount(alice, mine)).map((n) => n.amount.amount)).toEqual(["-3.00"]);
  });
});
