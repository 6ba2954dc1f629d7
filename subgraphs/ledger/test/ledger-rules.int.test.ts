import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { ledgerClient, RULE_APPLICATION_FIELDS } from "../../../test/harness/ledger-client.js";
import { liveClients } from "../../../test/harness/live-client.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";

const CREATE = `mutation($input: RuleInput!) { createRule(input: $input) { id position conditions { payee { operator value } amountMin currency } actions { setCategoryId renamePayee addTags } } }`;
const APPLY = `mutation($filter: TransactionFilter) { applyRules(filter: $filter) { ${RULE_APPLICATION_FIELDS} } }`;
const MAPPING = { date: "Date", amount: "Amount", payee: "Payee", dateFormat: "yyyy-MM-dd" };

/** `rows` expenses on distinct days and amounts, payees "Shop 1" ... "Shop <rows>". */
function statement(rows: number): string {
  const lines = ["Date,Payee,Amount"];
  for (let i = 1; i <= rows; i++) {
    const day = new Date(Date.UTC(2024, 0, 1) + (i % 700) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${day},Shop ${i},-${(i % 90) + 1}.${String(i % 100).padStart(2, "0")}`);
  }
  return lines.join("\n");
}

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

describe.each(modes)("ledger rules on %s", (_mode, config) => {
  let sg: TestSupergraph;
  let ledger: ReturnType<typeof ledgerClient>;
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  let account: string;
  let groceries: string;
  let restaurants: string;

  const live = liveClients(() => sg);
  const subscribe = live.subscribe;

  const runner = () => sg.subgraph("ledger").jobs!;
  const sql = (query: string, params: unknown[] = []) => sg.subgraph("ledger").kit.dataSource.query(query, params);
  /** applyRules while the ledger's job runner is stopped, so the application stays QUEUED until the test starts it. */
  const queued = async (user: RegisteredUser, filter: Record<string, unknown> | null) => {
    await runner().stop();
    return (await ledger.ok(user, APPLY, { filter })).applyRules;
  };

  beforeAll(async () => {
    sg = await startTestSupergraph(config());
    ledger = ledgerClient(sg);
    alice = await sg.register("Alice");
    bob = await sg.register("Bob");
    await eventually(async () => expect((await ledger.ok(alice, `{ categories { id } }`)).categories.length).toBeGreaterThan(0));
    account = await ledger.account(alice, "USD");
    groceries = await ledger.categoryId(alice, "Groceries");
    restaurants = await ledger.categoryId(alice, "Restaurants");
  });

  afterAll(async () => {
    await live.closeAll();
    await sg?.close();
  });

  it("applies ordered rules on create, recording which touched the transaction; a hand-picked category wins", async () => {
    const rename = (
      await ledger.ok(alice, CREATE, {
        input: { name: "Amazon", conditions: { payee: { operator: "REGEX", value: "^AMZN\\s*MKTP" } }, actions: { renamePayee: "Amazon" } },
      })
    ).createRule;
    const categorise = (
      await ledger.ok(alice, CREATE, {
        input: {
          name: "Amazon is shopping",
          conditions: { payee: { operator: "EQUALS", value: "amazon" } },
          actions: { setCategoryId: groceries, addTags: ["online"] },
        },
      })
    ).createRule;
    expect([rename.position, categorise.position]).toEqual([0, 1]);
    const keyed = {
      name: "Keyed",
      conditions: { payee: { operator: "EQUALS", value: "nothing-matches-this" } },
      actions: { addTags: ["k"] },
      idempotencyKey: `rule-${Math.random()}`,
    };
    const once = (await ledger.ok(alice, CREATE, { input: keyed })).createRule;
    expect((await ledger.ok(alice, CREATE, { input: keyed })).createRule.id).toBe(once.id);
    await ledger.ok(alice, `mutation($id: ID!) { deleteRule(id: $id) }`, { id: once.id });
    const posted = await ledger.post(
      alice,
      { accountId: account, amount: { amount: "-25.00", currency: "USD" }, date: "2026-11-01", payee: "AMZN MKTP US*2K3" },
      "payee tags category { id } appliedRuleIds",
    );
    expect(posted.data.postTransaction).toEqual({
      payee: "Amazon",
      tags: ["online"],
      category: { id: groceries },
      appliedRuleIds: [rename.id, categorise.id],
    });
    const chosen = await ledger.post(
      alice,
      { accountId: account, amount: { amount: "-5.00", currency: "USD" }, date: "2026-11-01", payee: "amzn mktp", categoryId: restaurants },
      "payee category { id } appliedRuleIds",
    );
    expect(chosen.data.postTransaction).toMatchObject({ payee: "Amazon", category: { id: restaurants } });
  });

  it("matches amount ranges in one currency only, and runs rules over existing transactions on demand", async () => {
    const other = await ledger.account(alice, "EUR");
    const before = (
      await ledger.post(
        alice,
        { accountId: account, amount: { amount: "-150.00", currency: "USD" }, date: "2026-10-01", payee: "Steakhouse" },
        "id category { id }",
      )
    ).data.postTransaction;
    const eur = (
      await ledger.post(
        alice,
        { accountId: other, amount: { amount: "-150.00", currency: "EUR" }, date: "2026-10-01", payee: "Steakhouse" },
        "id",
      )
    ).data.postTransaction;
    expect(before.category).toBeNull();
    await ledger.ok(alice, CREATE, {
      input: {
        name: "Big dinners",
        conditions: { payee: { operator: "CONTAINS", value: "steak" }, amountMin: "-200.00", amountMax: "-100.00", currency: "USD" },
        actions: { setCategoryId: restaurants },
      },
    });
    const applied = await ledger.applyRulesAndWait(alice, { dateFrom: "2026-10-01", dateTo: "2026-10-01" }, "examined changed");
    expect(applied).toEqual({ status: "COMPLETED", examined: 2, changed: 1 });
    const read = await ledger.ok(
      alice,
      `query($a: ID!, $b: ID!) { a: transaction(id: $a) { category { id } } b: transaction(id: $b) { category { id } } }`,
      { a: before.id, b: eur.id },
    );
    expect(read).toEqual({ a: { category: { id: restaurants } }, b: { category: null } });
    // Running again changes nothing.
    expect((await ledger.applyRulesAndWait(alice, { dateFrom: "2026-10-01", dateTo: "2026-10-01" }, "changed")).changed).toBe(0);
  });

  it("keeps a catastrophic regex harmless and refuses broken rules with field codes", async () => {
    const evil = await ledger.call(alice, CREATE, {
      input: { name: "evil", conditions: { notes: { operator: "REGEX", value: "(a+)+$" } }, actions: { addTags: ["x"] } },
    });
    expect(evil.errors).toBeUndefined();
    const r = await ledger.post(
      alice,
      { accountId: account, amount: { amount: "-1.00", currency: "USD" }, date: "2026-11-02", notes: `${"a".repeat(1990)}!` },
      "tags appliedRuleIds",
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.postTransaction.appliedRuleIds).not.toContain(evil.data.createRule.id);
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ name: "x", conditions: {}, actions: { addTags: ["a"] } }, "BAD_USER_INPUT"],
      [{ name: "x", conditions: { payee: { operator: "REGEX", value: "(" } }, actions: { addTags: ["a"] } }, "BAD_USER_INPUT"],
      [{ name: "x", conditions: { payee: { operator: "REGEX", value: "(a)\\1" } }, actions: { addTags: ["a"] } }, "BAD_USER_INPUT"],
      [{ name: "x", conditions: { amountMin: "10" }, actions: { addTags: ["a"] } }, "BAD_USER_INPUT"],
      [{ name: "x", conditions: { payee: { operator: "CONTAINS", value: "a" } }, actions: {} }, "BAD_USER_INPUT"],
    ];
    for (const [input, code] of bad)
      expect((await ledger.call(alice, CREATE, { input })).errors?.[0]?.extensions?.code, JSON.stringify(input)).toBe(code);
    // Another user's category or account cannot be named in a rule.
    const bobAccount = await ledger.account(bob, "USD");
    expect(
      (
        await ledger.call(bob, CREATE, {
          input: { name: "x", conditions: { payee: { operator: "CONTAINS", value: "a" } }, actions: { setCategoryId: groceries } },
        })
      ).errors?.[0]?.extensions?.code,
    ).toBe("NOT_FOUND");
    expect(
      (await ledger.call(alice, CREATE, { input: { name: "x", conditions: { accountIds: [bobAccount] }, actions: { addTags: ["a"] } } }))
        .errors?.[0]?.extensions?.code,
    ).toBe("NOT_FOUND");
    expect((await ledger.ok(bob, `{ rules { id } }`)).rules).toEqual([]);
  });

  it("reorders, deletes, and follows a merged category", async () => {
    const { rules } = await ledger.ok(alice, `{ rules { id } }`);
    const reversed = rules.map((r: { id: string }) => r.id).reverse();
    const reordered = await ledger.ok(alice, `mutation($ids: [ID!]!) { reorderRules(ids: $ids) { id position } }`, { ids: reversed });
    expect(reordered.reorderRules.map((r: { id: string }) => r.id)).toEqual(reversed);
    expect(
      (await ledger.call(alice, `mutation($ids: [ID!]!) { reorderRules(ids: $ids) { id } }`, { ids: reversed.slice(1) })).errors?.[0]
        ?.extensions?.code,
    ).toBe("BAD_USER_INPUT");
    const merged = (await ledger.ok(alice, `mutation { createCategory(input: { name: "Eating out", kind: EXPENSE }) { id } }`))
      .createCategory.id;
    await ledger.ok(alice, `mutation($s: ID!, $t: ID!) { mergeCategories(sourceId: $s, targetId: $t) { id } }`, {
      s: restaurants,
      t: merged,
    });
    const after = await ledger.ok(alice, `{ rules { name actions { setCategoryId } } }`);
    expect(after.rules.find((r: { name: string }) => r.name === "Big dinners").actions.setCategoryId).toBe(merged);
    const first = reversed[0];
    expect(await ledger.ok(alice, `mutation($id: ID!) { deleteRule(id: $id) }`, { id: first })).toEqual({ deleteRule: true });
    const positions = (await ledger.ok(alice, `{ rules { position } }`)).rules.map((r: { position: number }) => r.position);
    expect(positions).toEqual(positions.map((_: number, i: number) => i));
  });

  it("answers applyRules at once with the application QUEUED, then runs it in the background to COMPLETED", async () => {
    const fresh = await ledger.account(alice, "USD");
    const bakery = (
      await ledger.post(alice, {
        accountId: fresh,
        amount: { amount: "-3.00", currency: "USD" },
        date: "2026-09-01",
        payee: "Corner bakery",
      })
    ).data.postTransaction;
    await ledger.ok(alice, CREATE, {
      input: { name: "Bakeries", conditions: { payee: { operator: "CONTAINS", value: "bakery" } }, actions: { addTags: ["bread"] } },
    });
    const tags = async () =>
      (await ledger.ok(alice, `query($id: ID!) { transaction(id: $id) { tags } }`, { id: bakery.id })).transaction.tags;
    const started = performance.now();
    const accepted = await queued(alice, { accountIds: [fresh] });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(accepted).toMatchObject({ status: "QUEUED", examined: 0, changed: 0, error: null, startedAt: null, finishedAt: null });
    expect(Number.isNaN(Date.parse(accepted.createdAt))).toBe(false);
    expect(await tags()).toEqual([]);
    await runner().start();
    const done = await ledger.ruleApplicationFinished(alice, accepted.id);
    expect(done).toMatchObject({ id: accepted.id, status: "COMPLETED", examined: 1, changed: 1, error: null });
    expect(done.startedAt).not.toBeNull();
    expect(done.finishedAt).not.toBeNull();
    expect(await tags()).toEqual(["bread"]);
    // A bad filter is refused at once, and nothing is stored or queued for it.
    const [{ n }] = await sql(`SELECT count(*)::int AS n FROM ledger.rule_applications WHERE user_id = $1`, [alice.id]);
    expect((await ledger.call(alice, APPLY, { filter: { dateFrom: "2026-13-01" } })).errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await sql(`SELECT count(*)::int AS n FROM ledger.rule_applications WHERE user_id = $1`, [alice.id])).toEqual([{ n }]);
  });

  it("keeps an application to its owner: another user's id is null, and their subscription hears nothing", async () => {
    const mine = await queued(alice, { dateFrom: "2026-09-01", dateTo: "2026-09-01" });
    const read = `query($id: ID!) { ruleApplication(id: $id) { id status } }`;
    expect((await ledger.ok(bob, read, { id: mine.id })).ruleApplication).toBeNull();
    expect((await ledger.ok(alice, read, { id: mine.id })).ruleApplication).toEqual({ id: mine.id, status: "QUEUED" });
    expect((await ledger.ok(alice, read, { id: "not-an-id" })).ruleApplication).toBeNull();
    const query = `subscription($id: ID!) { ruleApplicationUpdated(id: $id) { id status examined changed } }`;
    const before = sg.gateway.liveStats().subscriptions;
    const aliceLive = subscribe(alice, query, { id: mine.id });
    const bobLive = subscribe(bob, query, { id: mine.id });
    await eventually(() => expect(sg.gateway.liveStats().subscriptions).toBe(before + 2));
    await runner().start();
    await eventually(() => expect(aliceLive.results.at(-1)?.data?.ruleApplicationUpdated?.status).toBe("COMPLETED"), { timeoutMs: 60_000 });
    // The bakery already carries the rule's tag: examined, not changed.
    expect(aliceLive.results.at(-1).data.ruleApplicationUpdated).toEqual({ id: mine.id, status: "COMPLETED", examined: 1, changed: 0 });
    expect(bobLive.results).toEqual([]);
  });

  it("resumes after a stop mid-way from the last committed page: the same result as an uninterrupted run", async () => {
    const rows = 3_000;
    const content = statement(rows);
    const whole = await ledger.account(alice, "USD");
    const interrupted = await ledger.account(alice, "USD");
    for (const accountId of [whole, interrupted])
      expect(await ledger.importAndWait(alice, { accountId, format: "CSV", content, mapping: MAPPING }, "imported")).toEqual({
        status: "COMPLETED",
        imported: rows,
      });
    // Two reconciled (locked) transactions in each account: the rules leave them alone.
    await sql(`UPDATE ledger.transactions SET locked = true WHERE account_id = ANY($1::uuid[]) AND payee IN ('Shop 10', 'Shop 1500')`, [
      [whole, interrupted],
    ]);
    const rule = (
      await ledger.ok(alice, CREATE, {
        input: {
          name: "Shop 1x",
          conditions: { payee: { operator: "CONTAINS", value: "Shop 1" } },
          actions: { setCategoryId: groceries, addTags: ["ones"] },
        },
      })
    ).createRule;
    const expected = await ledger.applyRulesAndWait(alice, { accountIds: [whole] });
    expect(expected).toMatchObject({ status: "COMPLETED", examined: rows - 2 });
    expect(expected.changed).toBeGreaterThan(1_000);

    const { id } = await queued(alice, { accountIds: [interrupted] });
    await runner().start();
    await eventually(
      async () => expect((await sql(`SELECT examined FROM ledger.rule_applications WHERE id = $1`, [id]))[0].examined).toBeGreaterThan(0),
      { intervalMs: 2 },
    );
    await runner().stop();
    const paused = (await ledger.ok(alice, `query($id: ID!) { ruleApplication(id: $id) { ${RULE_APPLICATION_FIELDS} } }`, { id }))
      .ruleApplication;
    expect(paused.status).toBe("RUNNING");
    expect(paused.examined).toBeLessThan(rows - 2);
    // What was committed is whole pages: the changed transactions, the counts and the job's cursor agree.
    const [{ n }] = await sql(
      `SELECT count(*)::int AS n FROM ledger.transactions WHERE account_id = $1 AND cardinality(applied_rule_ids) > 0`,
      [interrupted],
    );
    expect(n).toBe(paused.changed);
    const [job] = await sql(`SELECT status, cursor FROM ledger.jobs WHERE payload->>'applicationId' = $1`, [id]);
    expect(job).toEqual({ status: "QUEUED", cursor: { after: expect.any(String), examined: paused.examined, changed: paused.changed } });

    await runner().start();
    const resumed = await ledger.ruleApplicationFinished(alice, id);
    expect(resumed).toMatchObject({ status: "COMPLETED", examined: expected.examined, changed: expected.changed });
    const outcome = async (accountId: string) =>
      (await sql(
        `SELECT t.payee, t.tags, t.applied_rule_ids AS rules, t.locked, p.category_id AS category
         FROM ledger.transactions t JOIN ledger.postings p ON p.transaction_id = t.id AND p.role = 'CATEGORY'
         WHERE t.account_id = $1 ORDER BY t.payee`,
        [accountId],
      )) as Array<{ payee: string; tags: string[]; rules: string[]; locked: boolean; category: string | null }>;
    const [fromWhole, fromInterrupted] = [await outcome(whole), await outcome(interrupted)];
    expect(fromInterrupted).toHaveLength(rows);
    expect(fromInterrupted).toEqual(fromWhole);
    expect(fromInterrupted.find((t) => t.payee === "Shop 1")).toMatchObject({ tags: ["ones"], rules: [rule.id], category: groceries });
    expect(fromInterrupted.find((t) => t.payee === "Shop 10")).toMatchObject({ locked: true, tags: [], rules: [], category: null });
    expect(fromInterrupted.find((t) => t.payee === "Shop 2")).toMatchObject({ tags: [], rules: [], category: null });
  }, 300_000);

  it("marks an application FAILED, with its reason and finish time, when its job fails on an error written for the user", async () => {
    const { id } = await queued(alice, { dateFrom: "2026-09-01" });
    // A stored filter the job cannot prepare (nothing the API accepts leads here; it stands in for any client error in a step).
    await sql(`UPDATE ledger.rule_applications SET filter = '{"dateFrom": "2026-02-30"}'::jsonb WHERE id = $1`, [id]);
    await runner().start();
    const failed = await ledger.ruleApplicationFinished(alice, id);
    expect(failed).toMatchObject({ status: "FAILED", examined: 0, changed: 0, error: expect.stringContaining("dateFrom") });
    expect(failed.finishedAt).not.toBeNull();
    expect(await sql(`SELECT status FROM ledger.jobs WHERE payload->>'applicationId' = $1`, [id])).toEqual([{ status: "FAILED" }]);
  });

  it("removes a deleted user's rule applications and their jobs", async () => {
    const carol = await sg.register("Carol");
    const { id } = await queued(carol, null);
    expect(await sql(`SELECT count(*)::int AS n FROM ledger.rule_applications WHERE id = $1`, [id])).toEqual([{ n: 1 }]);
    expect(await sql(`SELECT count(*)::int AS n FROM ledger.jobs WHERE user_id = $1`, [carol.id])).toEqual([{ n: 1 }]);
    const deleted = await sg.query(`mutation($p: String!) { deleteAccount(password: $p) }`, { p: carol.password }, carol.headers);
    expect(deleted.data?.deleteAccount).toBe(true);
    await eventually(async () => {
      expect(await sql(`SELECT count(*)::int AS n FROM ledger.jobs WHERE user_id = $1`, [carol.id])).toEqual([{ n: 0 }]);
      expect(await sql(`SELECT count(*)::int AS n FROM ledger.rule_applications WHERE user_id = $1`, [carol.id])).toEqual([{ n: 0 }]);
    });
    await runner().start();
  });
});
