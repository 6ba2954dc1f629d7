import { randomUUID } from "node:crypto";

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { INTERNAL_TOKEN_HEADER, InternalTokenSigner } from "../../../platform/auth/internal-token.js";
import type { PlatformConfig } from "../../../platform/config/index.js";
import { countStatements } from "../../../platform/db/statement-logger.js";
import { parseAmount } from "../../../platform/money/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { ledgerClient } from "../../../test/harness/ledger-client.js";
import { postGraphQL, type RegisteredUser, startTestSupergraph, type TestSupergraph, traced } from "../../../test/harness/supergraph.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

describe.each(modes)("ledger core on %s", (_mode, config) => {
  let sg: TestSupergraph;
  let ledger: ReturnType<typeof ledgerClient>;
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  let checking: string;
  let savings: string;
  let groceries: string;

  beforeAll(async () => {
    sg = await startTestSupergraph(config());
    ledger = ledgerClient(sg);
    alice = await sg.register("Alice");
    bob = await sg.register("Bob");
    checking = await ledger.account(alice, "USD", "1000.00");
    savings = await ledger.account(alice, "USD", "0");
    // Default categories arrive from identity's UserRegistered event.
    await eventually(async () => expect((await ledger.ok(alice, `{ categories { id } }`)).categories.length).toBeGreaterThan(10));
    groceries = await ledger.categoryId(alice, "Groceries");
  });

  afterAll(async () => {
    await sg?.close();
  });

  // After every test's writes: each transaction's legs sum to zero per currency, the header
  // repeats its account leg, and every balance is its opening balance plus its live postings.
  afterEach(async () => {
    const ds = sg.subgraph("ledger").kit.dataSource;
    expect(
      await ds.query(
        `SELECT transaction_id, currency FROM ledger.postings GROUP BY transaction_id, currency HAVING sum(amount_minor) <> 0`,
      ),
    ).toEqual([]);
    expect(
      await ds.query(
        `SELECT t.id FROM ledger.transactions t JOIN ledger.postings p ON p.transaction_id = t.id AND p.position = 0 WHERE p.amount_minor <> t.amount_minor OR p.account_id <> t.account_id`,
      ),
    ).toEqual([]);
    for (const user of [alice, bob]) {
      const accounts = (await ledger.ok(user, `{ accounts(includeArchived: true) { id currency balance { amount } } }`)).accounts;
      const sums: Array<{ id: string; minor: string }> = await ds.query(
        `SELECT a.id, (a.opening_balance_minor + coalesce(sum(p.amount_minor) FILTER (WHERE t.deleted_at IS NULL), 0))::text AS minor
         FROM ledger.accounts a LEFT JOIN ledger.postings p ON p.account_id = a.id LEFT JOIN ledger.transactions t ON t.id = p.transaction_id
         WHERE a.user_id = $1 GROUP BY a.id`,
        [user.id],
      );
      const expected = new Map(sums.map((s) => [s.id, BigInt(s.minor)]));
      for (const account of accounts)
        expect(parseAmount(account.balance.amount, account.currency).amountMinor, account.id).toBe(expected.get(account.id));
    }
  });

  it("gives every new user the default categories, nested one level", async () => {
    const { categories } = await ledger.ok(alice, `{ categories { id name kind parent { name } } }`);
    const food = categories.find((c: { name: string }) => c.name === "Groceries");
    expect(food).toMatchObject({ kind: "EXPENSE", parent: { name: "Food" } });
    expect(categories.filter((c: { kind: string }) => c.kind === "INCOME").map((c: { name: string }) => c.name)).toContain("Salary");
  });

  it("posts an expense and an income, and keeps balance = opening + postings", async () => {
    const spent = await ledger.post(
      alice,
      {
        accountId: checking,
        amount: { amount: "-42.50", currency: "USD" },
        date: "2026-11-02",
        payee: "Corner Shop",
        categoryId: groceries,
      },
      "id kind amount { amount currency } category { name } account { id } postings { role amount { amount } }",
    );
    expect(spent.errors).toBeUndefined();
    expect(spent.data.postTransaction).toMatchObject({
      kind: "EXPENSE",
      amount: { amount: "-42.50", currency: "USD" },
      category: { name: "Groceries" },
      account: { id: checking },
    });
    expect(spent.data.postTransaction.postings).toEqual([
      { role: "ACCOUNT", amount: { amount: "-42.50" } },
      { role: "CATEGORY", amount: { amount: "42.50" } },
    ]);
    const salary = await ledger.categoryId(alice, "Salary");
    const earned = await ledger.post(alice, {
      accountId: checking,
      amount: { amount: "2500.00", currency: "USD" },
      date: "2026-11-01",
      payee: "Employer",
      categoryId: salary,
    });
    expect(earned.errors).toBeUndefined();
    expect(await ledger.balance(alice, checking)).toBe("3457.50");
    const at = await ledger.ok(alice, `query($id: ID!) { account(id: $id) { balanceAt(date: "2026-11-01") { amount } } }`, {
      id: checking,
    });
    expect(at.account.balanceAt.amount).toBe("3500.00");
  });

  it("splits one payment over categories that must add up, and writes nothing when they do not", async () => {
    const household = await ledger.categoryId(alice, "Shopping");
    const split = await ledger.post(
      alice,
      {
        accountId: checking,
        amount: { amount: "-100.00", currency: "USD" },
        date: "2026-11-03",
        payee: "Hypermarket",
        splits: [
          { categoryId: groceries, amount: { amount: "-60.00", currency: "USD" } },
          { categoryId: household, amount: { amount: "-40.00", currency: "USD" }, memo: "towels" },
        ],
      },
      "category { id } splits { amount { amount } memo category { name } }",
    );
    expect(split.errors).toBeUndefined();
    expect(split.data.postTransaction.category).toBeNull();
    expect(split.data.postTransaction.splits).toEqual([
      { amount: { amount: "-60.00" }, memo: "", category: { name: "Groceries" } },
      { amount: { amount: "-40.00" }, memo: "towels", category: { name: "Shopping" } },
    ]);
    const before = await ledger.balance(alice, checking);
    const bad = await ledger.post(alice, {
      accountId: checking,
      amount: { amount: "-100.00", currency: "USD" },
      date: "2026-11-03",
      splits: [
        { categoryId: groceries, amount: { amount: "-60.00", currency: "USD" } },
        { categoryId: household, amount: { amount: "-39.99", currency: "USD" } },
      ],
    });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "splits" });
    expect(await ledger.balance(alice, checking)).toBe(before);
  });

  it("transfers between accounts, across currencies with both amounts and the implied rate", async () => {
    const same = await ledger.call(
      alice,
      `mutation($input: TransferInput!) { transferBetweenAccounts(input: $input) { kind amount { amount } toAmount { amount } exchangeRate source } }`,
      {
        input: { fromAccountId: checking, toAccountId: savings, amount: { amount: "200.00", currency: "USD" }, date: "2026-11-04" },
      },
    );
    expect(same.data.transferBetweenAccounts).toEqual({
      kind: "TRANSFER",
      amount: { amount: "-200.00" },
      toAmount: { amount: "200.00" },
      exchangeRate: null,
      source: "MANUAL",
    });
    expect(await ledger.balance(alice, savings)).toBe("200.00");

    const yen = await ledger.account(alice, "JPY", "0");
    const fx = await ledger.call(
      alice,
      `mutation($input: TransferInput!) { transferBetweenAccounts(input: $input) { amount { amount currency } toAmount { amount currency } exchangeRate postings { role amount { amount currency } } } }`,
      {
        input: {
          fromAccountId: savings,
          toAccountId: yen,
          amount: { amount: "100.00", currency: "USD" },
          toAmount: { amount: "14950", currency: "JPY" },
          date: "2026-11-05",
        },
      },
    );
    expect(fx.errors).toBeUndefined();
    expect(fx.data.transferBetweenAccounts).toMatchObject({
      amount: { amount: "-100.00", currency: "USD" },
      toAmount: { amount: "14950", currency: "JPY" },
      exchangeRate: "149.5",
    });
    expect(fx.data.transferBetweenAccounts.postings.map((p: { role: string }) => p.role)).toEqual([
      "ACCOUNT",
      "ACCOUNT",
      "TRADING",
      "TRADING",
    ]);
    expect(await ledger.balance(alice, yen)).toBe("14950");

    const missing = await ledger.call(alice, `mutation($input: TransferInput!) { transferBetweenAccounts(input: $input) { id } }`, {
      input: { fromAccountId: savings, toAccountId: yen, amount: { amount: "1.00", currency: "USD" }, date: "2026-11-05" },
    });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "toAmount" });
  });

  it("edits, locks reconciled transactions until unlocked, and soft-deletes with restore", async () => {
    const created = await ledger.post(
      alice,
      { accountId: savings, amount: { amount: "-10.00", currency: "USD" }, date: "2026-11-06", payee: "Cafe", status: "RECONCILED" },
      "id locked",
    );
    const id = created.data.postTransaction.id;
    expect(created.data.postTransaction.locked).toBe(true);
    const update = `mutation($id: ID!, $input: UpdateTransactionInput!) { updateTransaction(id: $id, input: $input) { amount { amount } payee category { name } status locked source } }`;
    const refused = await ledger.call(alice, update, { id, input: { amount: { amount: "-12.00", currency: "USD" } } });
    expect(refused.errors?.[0]?.extensions?.code).toBe("TRANSACTION_LOCKED");
    expect(
      (await ledger.call(alice, `mutation($id: ID!) { deleteTransaction(id: $id) { id } }`, { id })).errors?.[0]?.extensions?.code,
    ).toBe("TRANSACTION_LOCKED");

    await ledger.ok(alice, `mutation($id: ID!) { unlockTransaction(id: $id) { id } }`, { id });
    const edited = await ledger.call(alice, update, {
      id,
      input: { amount: { amount: "-12.00", currency: "USD" }, payee: "Café Noir", categoryId: groceries, status: "CLEARED" },
    });
    expect(edited.data.updateTransaction).toEqual({
      amount: { amount: "-12.00" },
      payee: "Café Noir",
      category: { name: "Groceries" },
      status: "CLEARED",
      locked: false,
      // An edit keeps where the transaction came from.
      source: "MANUAL",
    });

    const balance = await ledger.balance(alice, savings);
    await ledger.ok(alice, `mutation($id: ID!) { deleteTransaction(id: $id) { deleted } }`, { id });
    expect(Number(await ledger.balance(alice, savings))).toBeCloseTo(Number(balance) + 12, 6);
    const deletedList = await ledger.ok(alice, `{ transactions(filter: { deleted: true }) { nodes { id } } }`);
    expect(deletedList.transactions.nodes.map((t: { id: string }) => t.id)).toContain(id);
    await ledger.ok(alice, `mutation($id: ID!) { restoreTransaction(id: $id) { deleted } }`, { id });
    expect(await ledger.balance(alice, savings)).toBe(balance);

    const outbox = await sg
      .subgraph("ledger")
      .kit.dataSource.query(
        `SELECT type, envelope->'data' AS data FROM ledger.outbox WHERE envelope->'data'->>'transactionId' = $1 ORDER BY seq`,
        [id],
      );
    expect(outbox.map((r: { type: string }) => r.type)).toEqual([
      "TransactionPosted",
      "TransactionUpdated",
      "TransactionDeleted",
      "TransactionRestored",
    ]);
    expect(outbox[1].data.before).toMatchObject({ amountMinor: "-1000", payee: "Cafe", categoryId: null });
    expect(outbox[1].data.after).toMatchObject({ amountMinor: "-1200", payee: "Café Noir", categoryId: groceries, source: "MANUAL" });
  });

  it("returns the first result for a repeated idempotency key, CONFLICT for a different input, and one row for concurrent duplicates", async () => {
    const input = {
      accountId: checking,
      amount: { amount: "-5.00", currency: "USD" },
      date: "2026-11-07",
      payee: "Bakery",
      idempotencyKey: `bread-${Math.random()}`,
    };
    const first = await ledger.post(alice, input);
    const again = await ledger.post(alice, input);
    expect(again.data.postTransaction.id).toBe(first.data.postTransaction.id);
    const other = await ledger.post(alice, { ...input, amount: { amount: "-6.00", currency: "USD" } });
    expect(other.errors?.[0]?.extensions?.code).toBe("CONFLICT");

    const categoryKey = `cat-${Math.random()}`;
    const createCategory = `mutation($k: String) { createCategory(input: { name: "Pets", kind: EXPENSE, idempotencyKey: $k }) { id } }`;
    const cat1 = await ledger.ok(alice, createCategory, { k: categoryKey });
    expect((await ledger.ok(alice, createCategory, { k: categoryKey })).createCategory.id).toBe(cat1.createCategory.id);
    await ledger.ok(alice, `mutation($id: ID!) { deleteCategory(id: $id) }`, { id: cat1.createCategory.id });
    expect((await ledger.call(alice, createCategory, { k: categoryKey })).errors?.[0]?.extensions?.code).toBe("CONFLICT");

    const racing = { ...input, idempotencyKey: `race-${Math.random()}` };
    const results = await Promise.all(Array.from({ length: 6 }, () => ledger.post(alice, racing)));
    const ids = new Set(results.map((r) => r.data?.postTransaction?.id));
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    expect(ids.size).toBe(1);
    const [row] = await sg
      .subgraph("ledger")
      .kit.dataSource.query(`SELECT count(*)::int AS n FROM ledger.transactions WHERE id = ANY($1::uuid[])`, [[...ids]]);
    expect(row.n).toBe(1);
  });

  it("answers bad input with coded errors and writes nothing", async () => {
    const usd = (amount: string) => ({ amount, currency: "USD" });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ accountId: checking, amount: usd("1.234"), date: "2026-11-01" }, "BAD_USER_INPUT"],
      [{ accountId: checking, amount: { amount: "10", currency: "EUR" }, date: "2026-11-01" }, "BAD_USER_INPUT"],
      [{ accountId: checking, amount: { amount: "10", currency: "ZZZ" }, date: "2026-11-01" }, "BAD_USER_INPUT"],
      [{ accountId: checking, amount: usd("0"), date: "2026-11-01" }, "BAD_USER_INPUT"],
      [{ accountId: checking, amount: usd("10"), date: "2101-01-01" }, "BAD_USER_INPUT"],
      [{ accountId: checking, amount: usd("10"), date: "1899-12-31" }, "BAD_USER_INPUT"],
      [{ accountId: checking, amount: usd("10"), date: "1999-12-31" }, "BAD_USER_INPUT"],
      [{ accountId: checking, amount: usd("10"), date: "2026-11-01", payee: "x".repeat(201) }, "BAD_USER_INPUT"],
      [
        { accountId: checking, amount: usd("10"), date: "2026-11-01", tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
        "BAD_USER_INPUT",
      ],
      [{ accountId: "not-a-uuid", amount: usd("10"), date: "2026-11-01" }, "NOT_FOUND"],
    ];
    const before = await ledger.balance(alice, checking);
    for (const [input, code] of cases) {
      const r = await ledger.post(alice, input);
      expect(r.errors?.[0]?.extensions?.code, JSON.stringify(input).slice(0, 100)).toBe(code);
    }
    expect(await ledger.balance(alice, checking)).toBe(before);
  });

  it("keeps accounts, categories and transactions to their owner, through the gateway and _entities", async () => {
    const aliceTx = (
      await ledger.post(alice, { accountId: checking, amount: { amount: "-1.00", currency: "USD" }, date: "2026-11-08", payee: "Secret" })
    ).data.postTransaction.id;
    const bobAccount = await ledger.account(bob, "USD");
    // Bob cannot book on, read, or categorise with Alice's things: they look like they do not exist.
    expect(
      (await ledger.post(bob, { accountId: checking, amount: { amount: "-1.00", currency: "USD" }, date: "2026-11-08" })).errors?.[0]
        ?.extensions?.code,
    ).toBe("NOT_FOUND");
    expect(
      (
        await ledger.post(bob, {
          accountId: bobAccount,
          amount: { amount: "-1.00", currency: "USD" },
          date: "2026-11-08",
          categoryId: groceries,
        })
      ).errors?.[0]?.extensions?.code,
    ).toBe("NOT_FOUND");
    const reads = await ledger.ok(
      bob,
      `query($a: ID!, $t: ID!, $c: ID!) { account(id: $a) { id } transaction(id: $t) { id } category(id: $c) { id } transactions { nodes { payee } } }`,
      { a: checking, t: aliceTx, c: groceries },
    );
    expect(reads).toMatchObject({ account: null, transaction: null, category: null });
    expect(reads.transactions.nodes.map((t: { payee: string }) => t.payee)).not.toContain("Secret");
    for (const mutation of [
      `updateTransaction(id: $id, input: { payee: "x" }) { id }`,
      `deleteTransaction(id: $id) { id }`,
      `unlockTransaction(id: $id) { id }`,
    ]) {
      expect((await ledger.call(bob, `mutation($id: ID!) { ${mutation} }`, { id: aliceTx })).errors?.[0]?.extensions?.code).toBe(
        "NOT_FOUND",
      );
    }
    expect(
      (await ledger.call(bob, `mutation($id: ID!) { archiveAccount(id: $id) { id } }`, { id: checking })).errors?.[0]?.extensions?.code,
    ).toBe("NOT_FOUND");

    const signer = new InternalTokenSigner(sg.all.platform.internalKeys.privateKey!);
    const asBob = { [INTERNAL_TOKEN_HEADER]: await signer.sign({ userId: bob.id, scopes: ["*"] }, "t") };
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Transaction { id } ... on Account { id } ... on Category { id } ... on User { id } } }`;
    const r = await postGraphQL(
      sg.all.urls.ledger!,
      {
        query: entities,
        variables: {
          r: [
            { __typename: "Transaction", id: aliceTx },
            { __typename: "Account", id: checking },
            { __typename: "Category", id: groceries },
            { __typename: "User", id: alice.id },
          ],
        },
      },
      asBob,
    );
    expect(r.data._entities).toEqual([null, null, null, null]);
  });

  it("keeps the ledger's fields behind ledger:read and its writes behind ledger:write, on User too", async () => {
    const created = await ledger.ok(
      alice,
      `mutation { createApiKey(input: { name: "budget widget", scopes: ["budgets:read"] }) { secret } }`,
    );
    const key = { "x-api-key": created.createApiKey.secret };
    expect((await sg.query(`{ me { id } }`, {}, key)).data.me.id).toBe(alice.id);
    const read = await sg.query(`{ me { id netWorth { amount } transactions { nodes { id } } } }`, {}, key);
    // transactions is non-null, so its denial nulls `me`; nothing of the ledger leaks.
    expect(read.data?.me ?? null).toBeNull();
    expect(read.errors?.map((e) => e.path?.join("."))).toEqual(expect.arrayContaining(["me.netWorth", "me.transactions"]));
    const write = await sg.query(
      `mutation($a: ID!) { postTransaction(input: { accountId: $a, amount: { amount: "-1.00", currency: "USD" }, date: "2026-11-01" }) { id } }`,
      { a: checking },
      key,
    );
    expect(write.data).toBeNull();
  });

  it("archives an account: no new transactions on it, balance and history kept", async () => {
    const old = await ledger.account(alice, "USD", "50.00");
    await ledger.ok(alice, `mutation($id: ID!) { archiveAccount(id: $id) { archived } }`, { id: old });
    expect((await ledger.ok(alice, `{ accounts { id } }`)).accounts.map((a: { id: string }) => a.id)).not.toContain(old);
    expect((await ledger.ok(alice, `{ accounts(includeArchived: true) { id } }`)).accounts.map((a: { id: string }) => a.id)).toContain(old);
    expect(
      (await ledger.post(alice, { accountId: old, amount: { amount: "-1.00", currency: "USD" }, date: "2026-11-08" })).errors?.[0]
        ?.extensions?.code,
    ).toBe("BAD_USER_INPUT");
    expect(await ledger.balance(alice, old)).toBe("50.00");
    await ledger.ok(alice, `mutation($id: ID!) { unarchiveAccount(id: $id) { archived } }`, { id: old });
    expect(
      (await ledger.post(alice, { accountId: old, amount: { amount: "-1.00", currency: "USD" }, date: "2026-11-08" })).errors,
    ).toBeUndefined();
  });

  it("merges categories and deletes one with reassignment, moving its transactions", async () => {
    const kind = "EXPENSE";
    const a = (await ledger.ok(alice, `mutation { createCategory(input: { name: "Coffee", kind: ${kind} }) { id } }`)).createCategory.id;
    const b = (await ledger.ok(alice, `mutation { createCategory(input: { name: "Cafes", kind: ${kind}, color: "#AA3300" }) { id } }`))
      .createCategory.id;
    const dup = await ledger.call(alice, `mutation { createCategory(input: { name: "coffee", kind: ${kind} }) { id } }`);
    expect(dup.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const tx = (
      await ledger.post(alice, { accountId: checking, amount: { amount: "-3.20", currency: "USD" }, date: "2026-11-09", categoryId: a })
    ).data.postTransaction.id;
    const merged = await ledger.ok(alice, `mutation($s: ID!, $t: ID!) { mergeCategories(sourceId: $s, targetId: $t) { id } }`, {
      s: a,
      t: b,
    });
    expect(merged.mergeCategories.id).toBe(b);
    expect(
      (await ledger.ok(alice, `query($id: ID!) { transaction(id: $id) { category { id } } }`, { id: tx })).transaction.category.id,
    ).toBe(b);
    await ledger.ok(alice, `mutation($id: ID!, $to: ID) { deleteCategory(id: $id, reassignTo: $to) }`, { id: b, to: groceries });
    expect(
      (await ledger.ok(alice, `query($id: ID!) { transaction(id: $id) { category { id } } }`, { id: tx })).transaction.category.id,
    ).toBe(groceries);
    const parentOfItself = await ledger.call(
      alice,
      `mutation($id: ID!) { createCategory(input: { name: "Deep", kind: EXPENSE, parentId: $id }) { id } }`,
      { id: groceries },
    );
    expect(parentOfItself.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "parentId" });
  });

  it("filters, searches, totals and pages with cursors", async () => {
    const acc = await ledger.account(alice, "EUR", "0");
    const food = await ledger.categoryId(alice, "Food");
    const rows = [
      ["-12.00", "2026-10-01", "Organic Grocer", ["weekly"], groceries],
      ["-30.00", "2026-10-02", "Pizza Palace", ["friends", "weekly"], null],
      ["-7.50", "2026-10-03", "Organic Grocer", [], groceries],
      ["1500.00", "2026-10-04", "Employer", [], null],
    ] as const;
    for (const [amount, date, payee, tags, categoryId] of rows) {
      const r = await ledger.post(alice, {
        accountId: acc,
        amount: { amount, currency: "EUR" },
        date,
        payee,
        tags: [...tags],
        categoryId,
        notes: payee === "Pizza Palace" ? "birthday dinner" : "",
      });
      expect(r.errors).toBeUndefined();
    }
    const q = `query($f: TransactionFilter, $first: Int, $after: String) { transactions(filter: $f, first: $first, after: $after) { nodes { payee amount { amount } } pageInfo { hasNextPage endCursor } totals { count byCurrency { currency income { amount } expense { amount } net { amount } } } } }`;
    const inAcc = { accountIds: [acc] };
    const all = (await ledger.ok(alice, q, { f: inAcc })).transactions;
    expect(all.nodes.map((n: { payee: string }) => n.payee)).toEqual(["Employer", "Organic Grocer", "Pizza Palace", "Organic Grocer"]);
    expect(all.totals).toEqual({
      count: 4,
      byCurrency: [{ currency: "EUR", income: { amount: "1500.00" }, expense: { amount: "-49.50" }, net: { amount: "1450.50" } }],
    });
    // Food includes its subcategory Groceries.
    expect((await ledger.ok(alice, q, { f: { ...inAcc, categoryIds: [food] } })).transactions.totals.count).toBe(2);
    expect(
      (await ledger.ok(alice, q, { f: { ...inAcc, search: "birthday" } })).transactions.nodes.map((n: { payee: string }) => n.payee),
    ).toEqual(["Pizza Palace"]);
    expect((await ledger.ok(alice, q, { f: { ...inAcc, search: "organic grocer" } })).transactions.totals.count).toBe(2);
    expect((await ledger.ok(alice, q, { f: { ...inAcc, tags: ["weekly"] } })).transactions.totals.count).toBe(2);
    expect(
      (await ledger.ok(alice, q, { f: { ...inAcc, amount: { currency: "EUR", min: "10", max: "30" } } })).transactions.totals.count,
    ).toBe(2);
    expect((await ledger.ok(alice, q, { f: { ...inAcc, dateFrom: "2026-10-02", dateTo: "2026-10-03" } })).transactions.totals.count).toBe(
      2,
    );
    expect((await ledger.ok(alice, q, { f: { ...inAcc, kinds: ["INCOME"] } })).transactions.totals.count).toBe(1);
    expect((await ledger.ok(alice, q, { f: { ...inAcc, uncategorized: true } })).transactions.totals.count).toBe(2);

    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const t: any = (await ledger.ok(alice, q, { f: inAcc, first: 2, after })).transactions;
      seen.push(...t.nodes.map((n: { amount: { amount: string } }) => n.amount.amount));
      after = t.pageInfo.endCursor;
      if (!t.pageInfo.hasNextPage) break;
    }
    expect(seen).toEqual(["1500.00", "-7.50", "-30.00", "-12.00"]);
    expect((await ledger.call(alice, q, { f: inAcc, after: "garbage" })).errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "after",
    });
    expect((await ledger.call(alice, q, { f: inAcc, first: 501 })).errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "first",
    });
  });

  it("finds payees by prefix and substring in any case, keeps full-text for notes, and takes % and _ literally", async () => {
    const acc = await ledger.account(alice, "CHF", "0");
    const rows: Array<[string, string]> = [
      ["Supermarket Centrum", ""],
      ["Tip 100% Club", ""],
      ["Tip 1000 Club", ""],
      ["Bakery off_day", ""],
      ["Bakery offXday", ""],
      ["Cinema", "birthday with friends"],
    ];
    for (let i = 0; i < 10; i++) rows.push([`Corner Shop ${i}`, ""]);
    for (const [payee, notes] of rows) {
      expect(
        (
          await ledger.post(alice, {
            accountId: acc,
            amount: { amount: "-1.00", currency: "CHF" },
            date: "2026-10-05",
            payee,
            notes,
            categoryId: groceries,
          })
        ).errors,
      ).toBeUndefined();
    }
    const q = `query($f: TransactionFilter, $first: Int) { transactions(filter: $f, first: $first) { nodes { payee account { name } category { name } } } }`;
    const payees = async (search: string) =>
      (await ledger.ok(alice, q, { f: { accountIds: [acc], search }, first: 50 })).transactions.nodes
        .map((n: { payee: string }) => n.payee)
        .sort();
    for (const term of ["super", "centrum", "MARKET", "permarket cen", "Supermarket Centrum"])
      expect(await payees(term), term).toEqual(["Supermarket Centrum"]);
    // Unescaped, "100%" would also find "Tip 1000 Club" and "off_day" "Bakery offXday".
    expect(await payees("100%")).toEqual(["Tip 100% Club"]);
    expect(await payees("off_day")).toEqual(["Bakery off_day"]);
    expect(await payees("%")).toEqual(["Tip 100% Club"]);
    expect(await payees("_")).toEqual(["Bakery off_day"]);
    expect(await payees("\\")).toEqual([]);
    // Notes stay full-text: whole words and web-search syntax, no substrings.
    expect(await payees("birthday")).toEqual(["Cinema"]);
    expect(await payees("birthday -friends")).toEqual([]);
    expect(await payees("irthda")).toEqual([]);

    // A page of matches costs the same statements whatever its size.
    const ds = sg.subgraph("ledger").kit.dataSource;
    const count = async (first: number) => {
      let nodes: unknown[] = [];
      const traceId = `search-page-${first}-${randomUUID()}`;
      const statements = await countStatements(ds, traceId, async () => {
        nodes = (await ledger.ok(traced(alice, traceId), q, { f: { accountIds: [acc], search: "shop" }, first })).transactions.nodes;
      });
      expect(nodes).toHaveLength(first);
      return statements;
    };
    const two = await count(2);
    expect(two).toBeGreaterThan(0);
    expect(await count(10)).toBe(two);
    expect(two).toBeLessThanOrEqual(6);
  });

  it("posts a transaction in two statements, five with an idempotency key, and its event carries the base amount", async () => {
    // Account, rules, categories, base currency and rates in one read; transaction, postings, outbox and relay
    // wake-up in one atomic write. A key adds BEGIN, its claim and COMMIT. Each write's round trips are what
    // postTransaction's throughput is made of (bench:ledger): this pins them, so they cannot silently grow back.
    const acc = await ledger.account(alice, "USD", "0");
    const statements = async (idempotencyKey: string | null) => {
      const traceId = `post-${randomUUID()}`;
      let id = "";
      const counted = await countStatements(sg.subgraph("ledger").kit.dataSource, traceId, async () => {
        id = (
          await ledger.ok(traced(alice, traceId), `mutation($i: PostTransactionInput!) { postTransaction(input: $i) { id } }`, {
            i: { accountId: acc, amount: { amount: "-2.50", currency: "USD" }, date: "2026-10-01", payee: "Counted", idempotencyKey },
          })
        ).postTransaction.id;
      });
      return { counted, id };
    };
    expect((await statements(null)).counted).toBe(2);
    const key = `counted-${randomUUID()}`;
    const keyed = await statements(key);
    expect(keyed.counted).toBe(5);
    // A replay is BEGIN, the claim that finds the key, its row, the transaction and postings, COMMIT.
    const replay = await statements(key);
    expect(replay.id).toBe(keyed.id);
    expect(replay.counted).toBeLessThanOrEqual(6);
    const [row] = await sg
      .subgraph("ledger")
      .kit.dataSource.query(`SELECT envelope->'data' AS data FROM ledger.outbox WHERE envelope->'data'->>'transactionId' = $1`, [keyed.id]);
    expect(row?.data ?? null).toMatchObject({ amountMinor: "-250", baseCurrency: "USD", baseAmountMinor: "-250" });
  });

  it("reads a page of 100 transactions with account and category in a constant number of statements", async () => {
    const acc = await ledger.account(alice, "GBP", "0");
    for (let i = 0; i < 100; i++) {
      await ledger.post(alice, {
        accountId: acc,
        amount: { amount: `-${i + 1}.00`, currency: "GBP" },
        date: "2026-09-01",
        payee: `p${i}`,
        categoryId: i % 2 ? groceries : null,
      });
    }
    const q = `query($f: TransactionFilter, $n: Int) { transactions(filter: $f, first: $n) { nodes { id amount { amount } account { name currency } category { name parent { name } } splits { amount { amount } } } } }`;
    const count = async (n: number) => {
      let result: any;
      const traceId = `page-${n}-${randomUUID()}`;
      const statements = await countStatements(sg.subgraph("ledger").kit.dataSource, traceId, async () => {
        result = await ledger.ok(traced(alice, traceId), q, { f: { accountIds: [acc] }, n });
      });
      expect(result.transactions.nodes).toHaveLength(n);
      return statements;
    };
    // Only the read's own statements count (its trace id): the relay, consumers and jobs working
    // at the same moment run under other trace ids.
    const ten = await count(10);
    const hundred = await count(100);
    expect(ten).toBeGreaterThan(0);
    expect(hundred).toBe(ten);
    expect(hundred).toBeLessThanOrEqual(6);
  });

  it("converts to the base currency at the transaction day's rate, and reports a missing rate on that field alone", async () => {
    const eur = await ledger.account(alice, "EUR", "0");
    const tx = (await ledger.post(alice, { accountId: eur, amount: { amount: "-10.00", currency: "EUR" }, date: "2026-08-14" })).data
      .postTransaction.id;
    const q = `query($id: ID!) { transaction(id: $id) { id amountInBaseCurrency { amount currency } } }`;
    const missing = await ledger.call(alice, q, { id: tx });
    expect(missing.data.transaction.id).toBe(tx);
    expect(missing.data.transaction.amountInBaseCurrency).toBeNull();
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: "EXCHANGE_RATE_MISSING", date: "2026-08-14", from: "EUR", to: "USD" });
    // A rate of a neighbouring day is not used.
    await ledger.ok(alice, `mutation { setExchangeRates(rates: [{ date: "2026-08-13", from: "EUR", to: "USD", rate: "1.2" }]) }`);
    expect((await ledger.call(alice, q, { id: tx })).errors?.[0]?.extensions?.code).toBe("EXCHANGE_RATE_MISSING");
    const imported = await ledger.ok(alice, `mutation($c: String!) { importExchangeRates(content: $c) { saved errors { row message } } }`, {
      c: "date,from,to,rate\n2026-08-14,USD,EUR,0.9\n2026-08-15,EUR,EUR,1\nbad,EUR,USD,1.1\n",
    });
    expect(imported.importExchangeRates.saved).toBe(1);
    expect(imported.importExchangeRates.errors.map((e: { row: number }) => e.row)).toEqual([3, 4]);
    // Only USD→EUR is known that day: divided, rounded once: 10 / 0.9 = 11.11.
    expect((await ledger.ok(alice, q, { id: tx })).transaction.amountInBaseCurrency).toEqual({ amount: "-11.11", currency: "USD" });
    // Setting the rate re-announced that day's transaction, now priced, for read models such as budgets.
    const [repriced] = await sg
      .subgraph("ledger")
      .kit.dataSource.query(
        `SELECT envelope->'data'->'after' AS after FROM ledger.outbox WHERE type = 'TransactionUpdated' AND envelope->'data'->>'transactionId' = $1 ORDER BY seq DESC LIMIT 1`,
        [tx],
      );
    expect(repriced.after).toMatchObject({ baseCurrency: "USD", baseAmountMinor: "-1111", splits: [{ baseAmountMinor: "-1111" }] });
    await ledger.ok(alice, `mutation { setExchangeRates(rates: [{ date: "2026-08-14", from: "EUR", to: "USD", rate: "1.0812" }]) }`);
    expect((await ledger.ok(alice, q, { id: tx })).transaction.amountInBaseCurrency).toEqual({ amount: "-10.81", currency: "USD" });
    // Events carry the base amounts, split lines allocated so they add up.
    const shopping = await ledger.categoryId(alice, "Shopping");
    const split = (
      await ledger.post(alice, {
        accountId: eur,
        amount: { amount: "-10.00", currency: "EUR" },
        date: "2026-08-14",
        splits: [
          { categoryId: groceries, amount: { amount: "-3.33", currency: "EUR" } },
          { categoryId: shopping, amount: { amount: "-6.67", currency: "EUR" } },
        ],
      })
    ).data.postTransaction.id;
    const [event] = await sg
      .subgraph("ledger")
      .kit.dataSource.query(
        `SELECT envelope->'data' AS data FROM ledger.outbox WHERE type = 'TransactionPosted' AND envelope->'data'->>'transactionId' = $1`,
        [split],
      );
    expect(event.data).toMatchObject({ currency: "EUR", amountMinor: "-1000", baseCurrency: "USD", baseAmountMinor: "-1081" });
    expect(
      event.data.splits.map((l: { baseAmountMinor: string }) => BigInt(l.baseAmountMinor)).reduce((a: bigint, b: bigint) => a + b, 0n),
    ).toBe(-1081n);
    const bad = await ledger.call(
      alice,
      `mutation { setExchangeRates(rates: [{ date: "2026-08-14", from: "EUR", to: "USD", rate: "-1" }]) }`,
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("adds net worth and the ledger's lists to User", async () => {
    const fresh = await sg.register("Carol");
    await eventually(async () => expect((await ledger.ok(fresh, `{ categories { id } }`)).categories.length).toBeGreaterThan(0));
    const a = await ledger.account(fresh, "USD", "100.00");
    await ledger.account(fresh, "USD", "-40.00", { type: "CREDIT_CARD" });
    await ledger.post(fresh, { accountId: a, amount: { amount: "-10.00", currency: "USD" }, date: "2026-11-01" });
    const me = await ledger.ok(
      fresh,
      `{ me { displayName netWorth { amount currency } accounts { id } transactions(first: 5) { nodes { amount { amount } } } } }`,
    );
    expect(me.me).toMatchObject({ displayName: "Carol", netWorth: { amount: "50.00", currency: "USD" } });
    expect(me.me.accounts).toHaveLength(2);
    expect(me.me.transactions.nodes).toEqual([{ amount: { amount: "-10.00" } }]);
    // A currency without a rate fails netWorth alone: the rest of `me` still arrives.
    await ledger.account(fresh, "JPY", "1000");
    const partial = await ledger.call(fresh, `{ me { displayName netWorth { amount } accounts { id } } }`);
    expect(partial.data.me).toEqual({ displayName: "Carol", netWorth: null, accounts: expect.any(Array) });
    expect(partial.data.me.accounts).toHaveLength(3);
    expect(partial.errors).toEqual([
      expect.objectContaining({
        path: ["me", "netWorth"],
        extensions: expect.objectContaining({ code: "EXCHANGE_RATE_MISSING", from: "JPY", to: "USD" }),
      }),
    ]);
  });

  it("purges everything the ledger holds about a user when identity deletes the account", async () => {
    const doomed = await sg.register("Doomed");
    await eventually(async () => expect((await ledger.ok(doomed, `{ categories { id } }`)).categories.length).toBeGreaterThan(0));
    const acc = await ledger.account(doomed, "USD", "5.00");
    await ledger.post(doomed, { accountId: acc, amount: { amount: "-1.00", currency: "USD" }, date: "2026-11-01", idempotencyKey: "k1" });
    const del = await sg.query(`mutation($p: String!) { deleteAccount(password: $p) }`, { p: doomed.password }, doomed.headers);
    expect(del.errors).toBeUndefined();
    const ds = sg.subgraph("ledger").kit.dataSource;
    await eventually(async () => {
      for (const table of ["accounts", "categories", "transactions", "postings", "idempotency_keys", "user_settings"]) {
        const [row] = await ds.query(`SELECT count(*)::int AS n FROM ledger.${table} WHERE user_id = $1`, [doomed.id]);
        expect(row.n, table).toBe(0);
      }
    });
  });
});
