import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import type { EventEnvelope } from "../../../platform/events/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import { CATEGORY_SUGGESTED, type CategorySuggestedV1, INSIGHTS_SUGGESTION_TOPIC } from "../../../schema/events/insights.js";
import type { TransactionUpdatedV1 } from "../../../schema/events/ledger.js";
import { ledgerClient } from "../../../test/harness/ledger-client.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

const NOW = "2026-03-01T12:00:00.000Z";
const TRANSACTION = `query($id: ID!) { transaction(id: $id) { id category { id } categorySuggestion { categoryId confidence appliedAt } } }`;
const SETTINGS = `{ categorySuggestionSettings { autoApply minConfidence } }`;
const SET = `mutation($i: CategorySuggestionSettingsInput!) { setCategorySuggestions(input: $i) { autoApply minConfidence } }`;
const UNDO = `mutation($id: ID!) { undoCategorySuggestion(id: $id) { id category { id } categorySuggestion { categoryId } } }`;
const SUGGEST = `query($p: String!, $a: MoneyInput!) { suggestCategory(payee: $p, amount: $a) { categoryId confidence } }`;

describe.each(modes)("the ledger applies insights' category suggestions, on %s", (_mode, config) => {
  let sg: TestSupergraph;
  let api: ReturnType<typeof ledgerClient>;
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  let account: string;
  const cat: Record<string, string> = {};

  const ledgerDb = () => sg.subgraph("ledger").kit.dataSource;
  const insightsDb = () => sg.subgraph("insights").kit.dataSource;

  const post = async (user: RegisteredUser, accountId: string, payee: string, amount: string, date: string, categoryId?: string) =>
    (
      await api.ok(user, `mutation($i: PostTransactionInput!) { postTransaction(input: $i) { id } }`, {
        i: { accountId, payee, date, amount: { amount, currency: "USD" }, ...(categoryId && { categoryId }) },
      })
    ).postTransaction.id as string;

  const transaction = async (user: RegisteredUser, id: string) => (await api.ok(user, TRANSACTION, { id })).transaction;

  const outcome = async (user: RegisteredUser, query: string, variables: Record<string, unknown>) => {
    const r = await api.call(user, query, variables);
    const error = r.errors?.[0];
    return error ? `${error.extensions?.code}${error.extensions?.field ? `:${error.extensions.field}` : ""}` : "OK";
  };

  /** The suggestion insights announced for a transaction: its envelope, as it went onto the topic. */
  const announced = async (transactionId: string): Promise<EventEnvelope<CategorySuggestedV1>> => {
    let envelope: EventEnvelope<CategorySuggestedV1> | undefined;
    await eventually(async () => {
      const rows: Array<{ envelope: EventEnvelope<CategorySuggestedV1> }> = await insightsDb().query(
        `SELECT envelope FROM insights.outbox WHERE type = $1 AND envelope->'data'->>'transactionId' = $2`,
        [CATEGORY_SUGGESTED, transactionId],
      );
      expect(rows).toHaveLength(1);
      envelope = rows[0]!.envelope;
    });
    return envelope!;
  };

  /** Waits until the ledger's consumer has handled (and committed) event `eventId`. */
  const handled = async (eventId: string) =>
    eventually(async () => {
      const rows = await ledgerDb().query(`SELECT 1 FROM ledger.inbox WHERE consumer = 'category-suggestions' AND event_id = $1`, [
        eventId,
      ]);
      expect(rows).toHaveLength(1);
    });

  /** Puts a suggestion on the topic as if insights had: a new event of `data`, keyed `key`. Returns the message, to send again. */
  const publish = async (data: CategorySuggestedV1, key = data.userId): Promise<EventEnvelope<CategorySuggestedV1>> => {
    const envelope: EventEnvelope<CategorySuggestedV1> = {
      id: randomUUID(),
      type: CATEGORY_SUGGESTED,
      version: 1,
      source: "insights",
      key,
      occurredAt: new Date().toISOString(),
      traceId: `suggestion-test-${randomUUID()}`,
      data,
    };
    await sg.all.platform.bus.publish([{ topic: INSIGHTS_SUGGESTION_TOPIC, key, value: JSON.stringify(envelope), headers: {} }]);
    return envelope;
  };

  /** The ledger's `TransactionUpdated` events of a transaction, oldest first. */
  const updates = async (transactionId: string): Promise<TransactionUpdatedV1[]> =>
    (
      await ledgerDb().query(
        `SELECT envelope->'data' AS data FROM ledger.outbox WHERE type = 'TransactionUpdated' AND envelope->'data'->>'transactionId' = $1 ORDER BY seq`,
        [transactionId],
      )
    ).map((r: { data: TransactionUpdatedV1 }) => r.data);

  const setSettings = (user: RegisteredUser, i: Record<string, unknown>) => api.ok(user, SET, { i });
  /**
   * Every suggestion insights announces (from 0.50) applied: what it learns from the tests' own
   * changes moves its confidence, and these tests are about what else keeps a suggestion off.
   */
  const lenient = () => setSettings(alice, { autoApply: true, minConfidence: "0.50" });

  beforeAll(async () => {
    sg = await startTestSupergraph(config(), { clock: new FixedClock(NOW) });
    api = ledgerClient(sg);
    alice = await sg.register("Alice");
    bob = await sg.register("Bob");
    await eventually(async () => expect((await api.ok(alice, `{ categories { id } }`)).categories.length).toBeGreaterThan(0));
    account = await api.account(alice, "USD");
    for (const [key, name, kind] of [
      ["coffee", "Coffee shops", "EXPENSE"],
      ["fuel", "Car fuel", "EXPENSE"],
      ["rent", "Flat rent", "EXPENSE"],
    ] as const)
      cat[key] = (
        await api.ok(alice, `mutation($i: CreateCategoryInput!) { createCategory(input: $i) { id } }`, { i: { name, kind } })
      ).createCategory.id;
    cat.salary = await api.categoryId(alice, "Salary");
    const history: Array<[string, string, string]> = [
      ["SQ *BLUE BOTTLE 1234 SAN FRANCISCO CA", "-4.50", cat.coffee!],
      ["SQ *BLUE BOTTLE 5521", "-5.25", cat.coffee!],
      ["SQ *BLUE BOTTLE 0042", "-4.75", cat.coffee!],
      ["STARBUCKS STORE 00231", "-6.10", cat.coffee!],
      ["SHELL OIL 57442103", "-48.20", cat.fuel!],
      ["CHEVRON 0203344", "-52.75", cat.fuel!],
      ["SHELL OIL 11190022", "-39.99", cat.fuel!],
      ["PROPERTY MGMT LLC RENT", "-1800.00", cat.rent!],
      ["PROPERTY MGMT LLC RENT", "-1800.00", cat.rent!],
    ];
    for (const [i, [payee, amount, categoryId]] of history.entries())
      await post(alice, account, payee, amount, `2026-01-${String(i + 1).padStart(2, "0")}`, categoryId);
    // Insights has learnt the whole history once a coffee payee is confidently coffee.
    await eventually(async () => {
      const [top] = (await api.ok(alice, SUGGEST, { p: "SQ *BLUE BOTTLE 7777", a: { amount: "-5.00", currency: "USD" } })).suggestCategory;
      expect(top?.categoryId).toBe(cat.coffee);
      expect(Number(top.confidence)).toBeGreaterThanOrEqual(0.9);
    });
  });

  afterAll(async () => {
    await sg?.close();
  });

  it("has the defaults until the user chooses, keeps what is not given, and refuses thresholds outside 0.50 to 1.00", async () => {
    expect((await api.ok(bob, SETTINGS)).categorySuggestionSettings).toEqual({ autoApply: true, minConfidence: "0.90" });
    expect((await setSettings(bob, { minConfidence: "0.8" })).setCategorySuggestions).toEqual({ autoApply: true, minConfidence: "0.80" });
    expect((await setSettings(bob, { autoApply: false })).setCategorySuggestions).toEqual({ autoApply: false, minConfidence: "0.80" });
    expect((await setSettings(bob, { minConfidence: "0.925", autoApply: null })).setCategorySuggestions).toEqual({
      autoApply: false,
      minConfidence: "0.925",
    });
    for (const bad of ["0.49", "1.01", "2", "abc", "", "-0.9", "0.90001", "9e-1"])
      expect(await outcome(bob, SET, { i: { minConfidence: bad } }), bad).toBe("BAD_USER_INPUT:minConfidence");
    expect((await api.ok(bob, SETTINGS)).categorySuggestionSettings).toEqual({ autoApply: false, minConfidence: "0.925" });
    // One user's settings are theirs alone.
    expect((await api.ok(alice, SETTINGS)).categorySuggestionSettings).toEqual({ autoApply: true, minConfidence: "0.90" });
  });

  it("applies a confident suggestion to a new uncategorised transaction, marked, as an ordinary update every reader sees", async () => {
    const id = await post(alice, account, "SQ *BLUE BOTTLE 7777", "-5.00", "2026-02-10");
    const suggestion = await announced(id);
    await handled(suggestion.id);
    expect(suggestion.data).toMatchObject({ userId: alice.id, transactionId: id, categoryId: cat.coffee });
    expect(await transaction(alice, id)).toEqual({
      id,
      category: { id: cat.coffee },
      categorySuggestion: { categoryId: cat.coffee, confidence: suggestion.data.confidence, appliedAt: NOW },
    });
    const [update] = await updates(id);
    expect(update!.before).toMatchObject({ categoryId: null, categorySuggested: false });
    expect(update!.after).toMatchObject({ categoryId: cat.coffee, categorySuggested: true, baseCurrency: "USD", baseAmountMinor: "-500" });
    const inCoffee = await api.ok(alice, `query($f: TransactionFilter) { transactions(filter: $f) { nodes { id } } }`, {
      f: { categoryIds: [cat.coffee], dateFrom: "2026-02-10", dateTo: "2026-02-10" },
    });
    expect(inCoffee.transactions.nodes).toEqual([{ id }]);
    // Insights, fed by the ledger's events, counts it under the category too.
    await eventually(async () => {
      const spent = await api.ok(
        alice,
        `query($r: DateRangeInput!) { spendingByCategory(range: $r) { categories { categoryId transactions } } }`,
        {
          r: { from: "2026-02-10", to: "2026-02-10" },
        },
      );
      expect(spent.spendingByCategory.categories).toEqual([{ categoryId: cat.coffee, transactions: 1 }]);
    });
    // An edit that leaves the category alone keeps the mark.
    await api.ok(alice, `mutation($id: ID!) { updateTransaction(id: $id, input: { notes: "flat white" }) { id } }`, { id });
    expect((await transaction(alice, id)).categorySuggestion).toMatchObject({ categoryId: cat.coffee });
  });

  it("undoes an applied suggestion back to uncategorised, once, for its owner only", async () => {
    await lenient();
    const id = await post(alice, account, "SQ *BLUE BOTTLE 8888", "-4.80", "2026-02-11");
    await handled((await announced(id)).id);
    expect((await transaction(alice, id)).category).toEqual({ id: cat.coffee });
    expect(await outcome(bob, UNDO, { id })).toBe("NOT_FOUND");
    expect(await outcome(alice, UNDO, { id: randomUUID() })).toBe("NOT_FOUND");
    expect(await outcome(alice, UNDO, { id: "not-an-id" })).toBe("NOT_FOUND");
    expect((await api.ok(alice, UNDO, { id })).undoCategorySuggestion).toEqual({ id, category: null, categorySuggestion: null });
    expect(await outcome(alice, UNDO, { id })).toBe("BAD_USER_INPUT:id");
    const last = (await updates(id)).at(-1)!;
    expect(last.before).toMatchObject({ categoryId: cat.coffee, categorySuggested: true });
    expect(last.after).toMatchObject({ categoryId: null, categorySuggested: false });
    // A transaction the user categorised themselves carries no suggestion to undo.
    const own = await post(alice, account, "Corner shop", "-3.00", "2026-02-11", cat.coffee);
    expect(await outcome(alice, UNDO, { id: own })).toBe("BAD_USER_INPUT:id");
  });

  it("ends the mark when the user changes the category, or confirms it", async () => {
    await lenient();
    const changed = await post(alice, account, "SQ *BLUE BOTTLE 9999", "-4.10", "2026-02-12");
    const confirmed = await post(alice, account, "SQ *BLUE BOTTLE 1010", "-4.20", "2026-02-12");
    await handled((await announced(changed)).id);
    await handled((await announced(confirmed)).id);
    for (const id of [changed, confirmed])
      expect((await transaction(alice, id)).categorySuggestion).toMatchObject({ categoryId: cat.coffee });
    const recategorise = `mutation($id: ID!, $c: ID) { updateTransaction(id: $id, input: { categoryId: $c }) { categorySuggestion { categoryId } } }`;
    expect((await api.ok(alice, recategorise, { id: changed, c: cat.fuel })).updateTransaction.categorySuggestion).toBeNull();
    expect((await api.ok(alice, recategorise, { id: confirmed, c: cat.coffee })).updateTransaction.categorySuggestion).toBeNull();
    expect((await transaction(alice, changed)).category).toEqual({ id: cat.fuel });
    expect((await updates(confirmed)).at(-1)!.after).toMatchObject({ categoryId: cat.coffee, categorySuggested: false });
    expect(await outcome(alice, UNDO, { id: changed })).toBe("BAD_USER_INPUT:id");
  });

  it("applies nothing below the user's threshold or when the user turned it off", async () => {
    const payee = "SQ *BLUE BOTTLE 2020";
    const [top] = (await api.ok(alice, SUGGEST, { p: payee, a: { amount: "-4.40", currency: "USD" } })).suggestCategory;
    const above = Number(top.confidence) + 0.0001;
    // A threshold just above what insights will say (unless it is certain: then only turning it off is tried).
    if (above <= 1) {
      await setSettings(alice, { minConfidence: above.toFixed(4) });
      const id = await post(alice, account, payee, "-4.40", "2026-02-13");
      const suggestion = await announced(id);
      await handled(suggestion.id);
      expect(Number(suggestion.data.confidence)).toBeLessThan(above);
      expect(await transaction(alice, id)).toMatchObject({ category: null, categorySuggestion: null });
      expect(await updates(id)).toEqual([]);
    }
    await setSettings(alice, { minConfidence: "0.50", autoApply: false });
    const off = await post(alice, account, payee, "-4.45", "2026-02-13");
    await handled((await announced(off)).id);
    expect(await transaction(alice, off)).toMatchObject({ category: null, categorySuggestion: null });
    expect(await updates(off)).toEqual([]);
  });

  it("leaves alone a transaction the user categorised before the suggestion arrived", async () => {
    await setSettings(alice, { autoApply: false, minConfidence: "0.50" });
    const id = await post(alice, account, "SQ *BLUE BOTTLE 3030", "-4.60", "2026-02-14");
    const suggestion = await announced(id);
    await handled(suggestion.id);
    // The user picks the very category insights suggests: theirs, not a suggestion to mark.
    await api.ok(alice, `mutation($id: ID!, $c: ID) { updateTransaction(id: $id, input: { categoryId: $c }) { id } }`, {
      id,
      c: suggestion.data.categoryId,
    });
    await setSettings(alice, { autoApply: true });
    // The same suggestion, arriving late (a new delivery of insights' payload).
    await handled((await publish(suggestion.data)).id);
    expect(await transaction(alice, id)).toEqual({ id, category: { id: suggestion.data.categoryId }, categorySuggestion: null });
    expect(await updates(id)).toHaveLength(1);
  });

  it("does nothing for a suggestion naming another user's transaction or category, a wrong kind, or a transfer; applies the real one", async () => {
    await setSettings(alice, { autoApply: false, minConfidence: "0.50" });
    const id = await post(alice, account, "SQ *BLUE BOTTLE 4040", "-4.90", "2026-02-15");
    const real = await announced(id);
    await handled(real.id);
    await setSettings(alice, { autoApply: true });
    const bobCategory = await api.categoryId(bob, "Groceries");
    const savings = await api.account(alice, "USD");
    const transfer = (
      await api.ok(alice, `mutation($i: TransferInput!) { transferBetweenAccounts(input: $i) { id } }`, {
        i: { fromAccountId: account, toAccountId: savings, amount: { amount: "10.00", currency: "USD" }, date: "2026-02-15" },
      })
    ).transferBetweenAccounts.id;
    const base = { userId: alice.id, transactionId: id, categoryId: real.data.categoryId, confidence: "0.9900", alternatives: [] };
    const forged = [
      // Bob's suggestion naming Alice's transaction, keyed to either of them.
      await publish({ ...base, userId: bob.id }),
      await publish({ ...base, userId: bob.id }, alice.id),
      await publish({ ...base, userId: bob.id, categoryId: bobCategory }),
      // Alice's, keyed to Bob.
      await publish(base, bob.id),
      // Bob's category, an income category, a transfer, nonsense.
      await publish({ ...base, categoryId: bobCategory }),
      await publish({ ...base, categoryId: cat.salary! }),
      await publish({ ...base, transactionId: transfer }),
      await publish({ ...base, confidence: "1.5" }),
      await publish({ ...base, transactionId: "not-an-id" }),
    ];
    for (const event of forged) await handled(event.id);
    expect(await transaction(alice, id)).toMatchObject({ category: null, categorySuggestion: null });
    expect(await updates(id)).toEqual([]);
    expect(await updates(transfer)).toEqual([]);

    // The real one (same payload, a new event) is applied.
    await handled((await publish(real.data)).id);
    expect((await transaction(alice, id)).categorySuggestion).toMatchObject({
      categoryId: real.data.categoryId,
      confidence: real.data.confidence,
    });
    // Undone, it stays undone: a later suggestion for it is ignored.
    await api.ok(alice, UNDO, { id });
    await handled((await publish(real.data)).id);
    expect(await transaction(alice, id)).toMatchObject({ category: null, categorySuggestion: null });
    expect((await updates(id)).map((u) => [u.before.categoryId, u.after.categoryId])).toEqual([
      [null, real.data.categoryId],
      [real.data.categoryId, null],
    ]);
  });

  it("carries the mark along a category merge and ends it when the category is deleted", async () => {
    await lenient();
    const id = await post(alice, account, "SQ *BLUE BOTTLE 5050", "-4.30", "2026-02-16");
    const suggested = (await announced(id)).data.categoryId;
    await handled((await announced(id)).id);
    expect((await transaction(alice, id)).categorySuggestion).toMatchObject({ categoryId: suggested });
    const cafes = (await api.ok(alice, `mutation { createCategory(input: { name: "Cafés", kind: EXPENSE }) { id } }`)).createCategory.id;
    await api.ok(alice, `mutation($s: ID!, $t: ID!) { mergeCategories(sourceId: $s, targetId: $t) { id } }`, { s: suggested, t: cafes });
    expect(await transaction(alice, id)).toMatchObject({ category: { id: cafes }, categorySuggestion: { categoryId: cafes } });
    await api.ok(alice, `mutation($id: ID!) { deleteCategory(id: $id) }`, { id: cafes });
    expect(await transaction(alice, id)).toMatchObject({ category: null, categorySuggestion: null });
    expect(await outcome(alice, UNDO, { id })).toBe("BAD_USER_INPUT:id");
  });

  it("forgets a deleted user's settings", async () => {
    const carol = await sg.register("Carol");
    await setSettings(carol, { autoApply: false });
    const sql = (q: string) => ledgerDb().query(q, [carol.id]);
    expect(await sql(`SELECT count(*)::int AS n FROM ledger.category_suggestion_settings WHERE user_id = $1`)).toEqual([{ n: 1 }]);
    const deleted = await sg.query(`mutation($p: String!) { deleteAccount(password: $p) }`, { p: carol.password }, carol.headers);
    expect(deleted.data?.deleteAccount).toBe(true);
    await eventually(async () =>
      expect(await sql(`SELECT count(*)::int AS n FROM ledger.category_suggestion_settings WHERE user_id = $1`)).toEqual([{ n: 0 }]),
    );
  });
});
