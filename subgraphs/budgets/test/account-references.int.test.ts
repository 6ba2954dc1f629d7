import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import { ledgerClient } from "../../../test/harness/ledger-client.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import { budgetsKnowsAccount } from "./budgets-accounts.js";

const CREATE_GOAL = `mutation($input: CreateSavingsGoalInput!) { createSavingsGoal(input: $input) { id linkedAccountId } }`;
const UPDATE_GOAL = `mutation($id: ID!, $input: UpdateSavingsGoalInput!) { updateSavingsGoal(id: $id, input: $input) { id linkedAccountId } }`;
const CREATE_RULE = `mutation($input: CreateAutoSaveRuleInput!) { createAutoSaveRule(input: $input) { id accountId } }`;
const target = { amount: "500.00", currency: "USD" };
const UNKNOWN = "5f0c6a8e-0000-4000-8000-000000000001";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

describe.each(modes)("budgets checks ledger account references on %s", (_mode, config) => {
  let sg: TestSupergraph;
  let api: ReturnType<typeof ledgerClient>;
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  let mine: string;
  let bobs: string;
  let goal: string;

  const error = async (user: RegisteredUser, query: string, variables: Record<string, unknown>) => {
    const r = await api.call(user, query, variables);
    const [first] = r.errors ?? [];
    return first ? { code: first.extensions?.code, field: first.extensions?.field } : null;
  };

  beforeAll(async () => {
    sg = await startTestSupergraph(config(), { clock: new FixedClock("2026-11-15T09:00:00Z") });
    api = ledgerClient(sg);
    alice = await sg.register("Alice");
    bob = await sg.register("Bob");
    mine = await api.account(alice, "USD");
    bobs = await api.account(bob, "USD");
    await budgetsKnowsAccount(sg, mine);
    await budgetsKnowsAccount(sg, bobs);
    // Budgets needs Alice's preferences (base currency) before it takes a goal.
    goal = await eventually(
      async () => (await api.ok(alice, CREATE_GOAL, { input: { name: "Plain", target } })).createSavingsGoal.id as string,
    );
  });

  afterAll(async () => {
    await sg?.close();
  });

  it("createSavingsGoal links one of the caller's accounts, and nothing else", async () => {
    const linked = (await api.ok(alice, CREATE_GOAL, { input: { name: "Linked", target, linkedAccountId: mine.toUpperCase() } }))
      .createSavingsGoal;
    expect(linked.linkedAccountId).toBe(mine);
    for (const id of [UNKNOWN, bobs]) {
      expect(await error(alice, CREATE_GOAL, { input: { name: "x", target, linkedAccountId: id } }), id).toEqual({
        code: "NOT_FOUND",
        field: "linkedAccountId",
      });
    }
    const message = (await api.call(alice, CREATE_GOAL, { input: { name: "x", target, linkedAccountId: UNKNOWN } })).errors?.[0]?.message;
    expect(message).toMatch(/account not found.*try again/);
    const names = (await api.ok(alice, `{ savingsGoals { name } }`)).savingsGoals.map((g: { name: string }) => g.name);
    expect(names.sort()).toEqual(["Linked", "Plain"]);
  });

  it("updateSavingsGoal links, refuses unknown and others' accounts, and clears", async () => {
    for (const id of [UNKNOWN, bobs]) {
      expect(await error(alice, UPDATE_GOAL, { id: goal, input: { linkedAccountId: id } }), id).toEqual({
        code: "NOT_FOUND",
        field: "linkedAccountId",
      });
    }
    expect((await api.ok(alice, UPDATE_GOAL, { id: goal, input: { linkedAccountId: mine } })).updateSavingsGoal.linkedAccountId).toBe(mine);
    expect((await api.ok(alice, UPDATE_GOAL, { id: goal, input: { linkedAccountId: null } })).updateSavingsGoal.linkedAccountId).toBeNull();
  });

  it("createAutoSaveRule takes income from one of the caller's accounts only", async () => {
    const rule = (await api.ok(alice, CREATE_RULE, { input: { goalId: goal, mode: "PERCENT", percentBasisPoints: 500, accountId: mine } }))
      .createAutoSaveRule;
    expect(rule.accountId).toBe(mine);
    for (const id of [UNKNOWN, bobs]) {
      expect(
        await error(alice, CREATE_RULE, { input: { goalId: goal, mode: "PERCENT", percentBasisPoints: 500, accountId: id } }),
        id,
      ).toEqual({ code: "NOT_FOUND", field: "accountId" });
    }
    expect((await api.ok(alice, `{ autoSaveRules { id } }`)).autoSaveRules).toEqual([{ id: rule.id }]);
  });

  it("refuses new links to an archived account but keeps the ones it has", async () => {
    const closing = await api.account(alice, "USD");
    // A client that links an account it has just created retries the NOT_FOUND until budgets has seen it.
    const linked = await eventually(
      async () => (await api.ok(alice, CREATE_GOAL, { input: { name: "Closing", target, linkedAccountId: closing } })).createSavingsGoal,
    );
    await api.ok(alice, `mutation($id: ID!) { archiveAccount(id: $id) { id } }`, { id: closing });
    await budgetsKnowsAccount(sg, closing, true);
    expect(await error(alice, CREATE_GOAL, { input: { name: "x", target, linkedAccountId: closing } })).toEqual({
      code: "BAD_USER_INPUT",
      field: "linkedAccountId",
    });
    expect(
      await error(alice, CREATE_RULE, { input: { goalId: goal, mode: "PERCENT", percentBasisPoints: 500, accountId: closing } }),
    ).toEqual({ code: "BAD_USER_INPUT", field: "accountId" });
    // Sending back the account already linked is no change, not an error.
    expect(
      (await api.ok(alice, UPDATE_GOAL, { id: linked.id, input: { name: "Closed", linkedAccountId: closing } })).updateSavingsGoal
        .linkedAccountId,
    ).toBe(closing);
    await api.ok(alice, `mutation($id: ID!) { unarchiveAccount(id: $id) { id } }`, { id: closing });
    await budgetsKnowsAccount(sg, closing, false);
    expect(
      await error(alice, CREATE_RULE, {
        input: { goalId: goal, mode: "FIXED", amount: { amount: "5.00", currency: "USD" }, accountId: closing },
      }),
    ).toBeNull();
  });

  it("learns accounts older than its read model from the ledger's one-off re-announcement", async () => {
    const old = await api.account(alice, "USD");
    await budgetsKnowsAccount(sg, old);
    // As if the account had been created before budgets kept accounts (its event long gone from the topic).
    await sg.subgraph("budgets").kit.dataSource.query(`DELETE FROM budgets.accounts WHERE id = $1`, [old]);
    expect(await error(alice, CREATE_GOAL, { input: { name: "x", target, linkedAccountId: old } })).toEqual({
      code: "NOT_FOUND",
      field: "linkedAccountId",
    });
    // Run through the ledger's own DataSource: budgets' tests never import the ledger's code.
    const ledger = sg.subgraph("ledger").kit.dataSource;
    const announce = ledger.migrations.find((migration) => migration.name === "AnnounceAccounts1764547200250");
    if (!announce) throw new Error("the ledger has no AnnounceAccounts1764547200250 migration");
    const runner = ledger.createQueryRunner();
    try {
      await announce.up(runner);
    } finally {
      await runner.release();
    }
    await budgetsKnowsAccount(sg, old);
    expect(await error(alice, CREATE_GOAL, { input: { name: "Old", target, linkedAccountId: old } })).toBeNull();
  });
});
