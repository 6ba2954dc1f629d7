import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { eventually } from "../../../platform/testing/eventually.js";
import { realServicesConfig } from "../../../platform/testing/services.js";
import { ledgerClient } from "../../../test/harness/ledger-client.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";

const CREATE = `mutation($input: RuleInput!) { createRule(input: $input) { id position conditions { payee { operator value } amountMin currency } actions { setCategoryId renamePayee addTags } } }`;

describe("ledger rules on real PostgreSQL, Redis and Kafka", () => {
  let sg: TestSupergraph;
  let ledger: ReturnType<typeof ledgerClient>;
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  let account: string;
  let groceries: string;
  let restaurants: string;

  beforeAll(async () => {
    sg = await startTestSupergraph(realServicesConfig());
    ledger = ledgerClient(sg);
    alice = await sg.register("Alice");
    bob = await sg.register("Bob");
    await eventually(async () => expect((await ledger.ok(alice, `{ categories { id } }`)).categories.length).toBeGreaterThan(0));
    account = await ledger.account(alice, "USD");
    groceries = await ledger.categoryId(alice, "Groceries");
    restaurants = await ledger.categoryId(alice, "Restaurants");
  });

  afterAll(async () => {
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
    const applied = await ledger.ok(
      alice,
      `mutation { applyRules(filter: { dateFrom: "2026-10-01", dateTo: "2026-10-01" }) { examined changed } }`,
    );
    expect(applied.applyRules).toEqual({ examined: 2, changed: 1 });
    const read = await ledger.ok(
      alice,
      `query($a: ID!, $b: ID!) { a: transaction(id: $a) { category { id } } b: transaction(id: $b) { category { id } } }`,
      { a: before.id, b: eur.id },
    );
    expect(read).toEqual({ a: { category: { id: restaurants } }, b: { category: null } });
    // Running again changes nothing.
    expect(
      (await ledger.ok(alice, `mutation { applyRules(filter: { dateFrom: "2026-10-01", dateTo: "2026-10-01" }) { changed } }`)).applyRules
        .changed,
    ).toBe(0);
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
});
