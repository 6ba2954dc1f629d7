import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { INTERNAL_TOKEN_HEADER, InternalTokenSigner } from "../../../platform/auth/internal-token.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import { ledgerClient } from "../../../test/harness/ledger-client.js";
import { postGraphQL, type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import { budgetsKnowsAccount } from "./budgets-accounts.js";

const GOAL = `id name target { amount currency } saved { amount currency } remaining { amount } percent targetDate linkedAccountId requiredPerMonth { amount currency } status archived`;
const CREATE = `mutation($input: CreateSavingsGoalInput!) { createSavingsGoal(input: $input) { ${GOAL} } }`;
const READ = `query($id: ID!) { savingsGoal(id: $id) { ${GOAL} movements { amount { amount } source sourceTransactionId note date } } }`;
const CONTRIBUTE = `mutation($id: ID!, $amount: MoneyInput!, $date: String, $note: String, $key: String) {
  contributeToGoal(id: $id, amount: $amount, date: $date, note: $note, idempotencyKey: $key) { id amount { amount currency } date source note goal { saved { amount } } } }`;
const WITHDRAW = `mutation($id: ID!, $amount: MoneyInput!, $key: String) {
  withdrawFromGoal(id: $id, amount: $amount, idempotencyKey: $key) { id amount { amount currency } goal { saved { amount } } } }`;
const RULE = `mutation($input: CreateAutoSaveRuleInput!) { createAutoSaveRule(input: $input) { id mode percentBasisPoints amount { amount } accountId enabled goal { id } } }`;
const usd = (amount: string) => ({ amount, currency: "USD" });

describe("savings goals on real PostgreSQL, Redis and Kafka", () => {
  // Goals count days in UTC from this clock; it only moves inside the status test, which puts it back.
  const clock = new FixedClock("2026-11-15T09:00:00Z");
  let sg: TestSupergraph;
  let api: ReturnType<typeof ledgerClient>;
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  let trip: string;

  const code = async (user: RegisteredUser, query: string, variables: Record<string, unknown>) =>
    (await api.call(user, query, variables)).errors?.[0]?.extensions?.code;
  const saved = async (user: RegisteredUser, id: string) => (await api.ok(user, READ, { id })).savingsGoal.saved.amount as string;
  const movementCount = async (goalId: string) =>
    (
      await sg
        .subgraph("budgets")
        .kit.dataSource.query(`SELECT count(*)::int AS n FROM budgets.goal_movements WHERE goal_id = $1`, [goalId])
    )[0].n as number;

  beforeAll(async () => {
    sg = await startTestSupergraph(realServicesConfig(), { clock });
    api = ledgerClient(sg);
    alice = await sg.register("Alice");
    bob = await sg.register("Bob");
    // The ledger has the base currency once the default categories exist (one event, one transaction).
    await eventually(async () => expect((await api.ok(alice, `{ categories { id } }`)).categories.length).toBeGreaterThan(0));
  });

  afterAll(async () => {
    await sg?.close();
  });

  it("keeps a goal in the base currency (USD by default) once the preferences have reached budgets", async () => {
    // Until identity's event arrives budgets answers PREFERENCES_UNKNOWN; then the currency is checked.
    await eventually(async () =>
      expect(await code(alice, CREATE, { input: { name: "Trip", target: { amount: "1200.00", currency: "EUR" } } })).toBe("BAD_USER_INPUT"),
    );
    for (const input of [
      { name: "", target: usd("10") },
      { name: "x", target: usd("0") },
      { name: "x", target: usd("-5.00") },
      { name: "x", target: usd("1.001") },
      { name: "x", target: usd("10"), targetDate: "2026-11-14" },
      { name: "x", target: usd("10"), targetDate: "2027-02-30" },
      { name: "x", target: usd("10"), linkedAccountId: "not-an-id" },
    ]) {
      expect(await code(alice, CREATE, { input }), JSON.stringify(input)).toBe("BAD_USER_INPUT");
    }
    const created = (await api.ok(alice, CREATE, { input: { name: "Trip", target: usd("1200"), targetDate: "2027-05-01" } }))
      .createSavingsGoal;
    trip = created.id;
    // Nov → May: 6 months for 1200.00.
    expect(created).toMatchObject({
      name: "Trip",
      target: usd("1200.00"),
      saved: usd("0.00"),
      remaining: { amount: "1200.00" },
      percent: 0,
      targetDate: "2027-05-01",
      requiredPerMonth: usd("200.00"),
      status: "ON_TRACK",
      archived: false,
    });
    expect(await api.ok(alice, `{ savingsGoals { id } me { savingsGoals { id } } }`)).toEqual({
      savingsGoals: [{ id: trip }],
      me: { savingsGoals: [{ id: trip }] },
    });
  });

  it("contributes and withdraws, and refuses a withdrawal below zero without writing anything", async () => {
    const put = (await api.ok(alice, CONTRIBUTE, { id: trip, amount: usd("100"), note: " first " })).contributeToGoal;
    expect(put).toMatchObject({
      amount: usd("100.00"),
      date: "2026-11-15",
      source: "MANUAL",
      note: "first",
      goal: { saved: { amount: "100.00" } },
    });
    const before = await movementCount(trip);
    expect(await code(alice, WITHDRAW, { id: trip, amount: usd("100.01") })).toBe("BAD_USER_INPUT");
    expect(await code(alice, WITHDRAW, { id: trip, amount: usd("-1.00") })).toBe("BAD_USER_INPUT");
    expect(await code(alice, CONTRIBUTE, { id: trip, amount: { amount: "1.00", currency: "EUR" } })).toBe("BAD_USER_INPUT");
    expect(await movementCount(trip)).toBe(before);
    const taken = (await api.ok(alice, WITHDRAW, { id: trip, amount: usd("40") })).withdrawFromGoal;
    expect(taken).toMatchObject({ amount: usd("-40.00"), goal: { saved: { amount: "60.00" } } });
    // Concurrent withdrawals of the rest cannot overdraw: the goal row is locked while each checks.
    const racing = await Promise.all([1, 2, 3].map(() => code(alice, WITHDRAW, { id: trip, amount: usd("30") })));
    expect(racing.filter((c) => c === undefined)).toHaveLength(2);
    expect(racing.filter((c) => c === "BAD_USER_INPUT")).toHaveLength(1);
    expect(await saved(alice, trip)).toBe("0.00");
    const goal = (await api.ok(alice, READ, { id: trip })).savingsGoal;
    expect(goal.movements.map((m: { amount: { amount: string } }) => m.amount.amount).sort()).toEqual([
      "-30.00",
      "-30.00",
      "-40.00",
      "100.00",
    ]);
  });

  it("replays an idempotency key with the first movement, and refuses it for a different request", async () => {
    const key = `goal-${Math.random()}`;
    const first = (await api.ok(alice, CONTRIBUTE, { id: trip, amount: usd("25.00"), key })).contributeToGoal;
    const again = (await api.ok(alice, CONTRIBUTE, { id: trip, amount: usd("25.00"), key })).contributeToGoal;
    expect(again.id).toBe(first.id);
    expect(await code(alice, CONTRIBUTE, { id: trip, amount: usd("26.00"), key })).toBe("CONFLICT");
    expect(await code(alice, WITHDRAW, { id: trip, amount: usd("25.00"), key })).toBe("CONFLICT");
    expect(await saved(alice, trip)).toBe("25.00");
    // Keys are the caller's own: Bob using the same key is no replay of Alice's.
    const bobs: string = await eventually(
      async () => (await api.ok(bob, CREATE, { input: { name: "Bob's", target: usd("10") } })).createSavingsGoal.id,
    );
    expect((await api.ok(bob, CONTRIBUTE, { id: bobs, amount: usd("1"), key })).contributeToGoal.id).not.toBe(first.id);
  });

  it("auto-saves 10 % of income posted in the ledger, once, however the event comes back", async () => {
    const account = await api.account(alice, "USD");
    const other = await api.account(alice, "USD");
    await budgetsKnowsAccount(sg, account);
    const rule = (await api.ok(alice, RULE, { input: { goalId: trip, mode: "PERCENT", percentBasisPoints: 1000, accountId: account } }))
      .createAutoSaveRule;
    expect(rule).toMatchObject({
      mode: "PERCENT",
      percentBasisPoints: 1000,
      amount: null,
      accountId: account,
      enabled: true,
      goal: { id: trip },
    });
    expect((await api.ok(alice, `{ autoSaveRules { id } }`)).autoSaveRules).toEqual([{ id: rule.id }]);
    for (const input of [
      { goalId: trip, mode: "PERCENT" },
      { goalId: trip, mode: "PERCENT", percentBasisPoints: 10_001 },
      { goalId: trip, mode: "FIXED" },
      { goalId: trip, mode: "FIXED", amount: usd("5"), percentBasisPoints: 10 },
    ]) {
      expect(await code(alice, RULE, { input }), JSON.stringify(input)).toBe("BAD_USER_INPUT");
    }

    const income = (await api.post(alice, { accountId: account, amount: usd("2500.05"), date: "2026-11-15", payee: "ACME payroll" })).data
      .postTransaction.id;
    // 10 % of 2500.05 = 250.005 → 250.01 (half away from zero).
    await eventually(async () => expect(await saved(alice, trip)).toBe("275.01"));
    const goal = (await api.ok(alice, READ, { id: trip })).savingsGoal;
    expect(goal.movements.find((m: { source: string }) => m.source === "AUTO_SAVE")).toMatchObject({
      amount: { amount: "250.01" },
      source: "AUTO_SAVE",
      sourceTransactionId: income,
      date: "2026-11-15",
      note: "Auto-save from ACME payroll",
    });
    // Expenses, income into another account and income dated before the rule feed nothing.
    await api.post(alice, { accountId: account, amount: usd("-80.00"), date: "2026-11-15" });
    await api.post(alice, { accountId: other, amount: usd("900.00"), date: "2026-11-15" });
    await api.post(alice, { accountId: account, amount: usd("900.00"), date: "2026-11-14" });

    // The very same event again, straight onto the bus: the inbox and the unique movement ignore it.
    const ledgerDb = sg.subgraph("ledger").kit.dataSource;
    const [row] = await ledgerDb.query(
      `SELECT topic, key, envelope::text AS envelope FROM ledger.outbox WHERE type = 'TransactionPosted' AND envelope->'data'->>'transactionId' = $1`,
      [income],
    );
    await sg.all.platform.bus.publish([{ topic: row.topic, key: row.key, value: row.envelope, headers: {} }]);
    // Deleted and restored: a new event for the same income; the goal already has it.
    await api.ok(alice, `mutation($id: ID!) { deleteTransaction(id: $id) { id } }`, { id: income });
    await api.ok(alice, `mutation($id: ID!) { restoreTransaction(id: $id) { id } }`, { id: income });
    // A later income of the same user is ordered after all of that, so once it shows, they were handled.
    await api.post(alice, { accountId: account, amount: usd("10.00"), date: "2026-11-16" });
    await eventually(async () => expect(await saved(alice, trip)).toBe("276.01"));
    const budgetsDb = sg.subgraph("budgets").kit.dataSource;
    const [restored] = await ledgerDb.query(
      `SELECT envelope->>'id' AS id FROM ledger.outbox WHERE type = 'TransactionRestored' AND envelope->'data'->>'transactionId' = $1`,
      [income],
    );
    await eventually(async () => {
      const [seen] = await budgetsDb.query(
        `SELECT count(*)::int AS n FROM budgets.inbox WHERE consumer = 'goals-auto-save' AND event_id = $1`,
        [restored.id],
      );
      expect(seen.n).toBe(1);
    });
    const [once] = await budgetsDb.query(`SELECT count(*)::int AS n FROM budgets.goal_movements WHERE source_transaction_id = $1`, [
      income,
    ]);
    expect(once.n).toBe(1);
    const [inbox] = await budgetsDb.query(
      `SELECT count(*)::int AS n FROM budgets.inbox WHERE consumer = 'goals-auto-save' AND event_id = $1`,
      [JSON.parse(row.envelope).id],
    );
    expect(inbox.n).toBe(1);
    expect(await saved(alice, trip)).toBe("276.01");
    // Every change of the goal told live subscribers, keyed by its owner: create, 4 manual movements,
    // 1 keyed contribution (its replay and refusals wrote nothing), 2 auto-saves.
    const events = await budgetsDb.query(
      `SELECT key, envelope->'data' AS data FROM budgets.outbox WHERE type = 'SavingsGoalUpdated' AND envelope->'data'->>'goalId' = $1 ORDER BY seq`,
      [trip],
    );
    expect(events).toHaveLength(8);
    expect(events[0]).toEqual({ key: alice.id, data: { goalId: trip, userId: alice.id } });

    expect(await api.ok(alice, `mutation($id: ID!) { deleteAutoSaveRule(id: $id) }`, { id: rule.id })).toEqual({
      deleteAutoSaveRule: true,
    });
    expect(await saved(alice, trip)).toBe("276.01");
  });

  it("announces SavingsGoalReached once per goal, in the write's transaction, however saved moves afterwards", async () => {
    const reached = async (goalId: string) =>
      sg
        .subgraph("budgets")
        .kit.dataSource.query(
          `SELECT key, envelope->'data' AS data FROM budgets.outbox WHERE type = 'SavingsGoalReached' AND envelope->'data'->>'goalId' = $1 ORDER BY seq`,
          [goalId],
        );
    const bike = (await api.ok(alice, CREATE, { input: { name: "Bike", target: usd("100") } })).createSavingsGoal.id as string;
    await api.ok(alice, CONTRIBUTE, { id: bike, amount: usd("60") });
    expect(await reached(bike)).toEqual([]);
    await api.ok(alice, CONTRIBUTE, { id: bike, amount: usd("50") });
    const [first, ...more] = await reached(bike);
    expect(more).toEqual([]);
    expect(first).toEqual({
      key: alice.id,
      data: {
        goalId: bike,
        userId: alice.id,
        name: "Bike",
        targetMinor: "10000",
        savedMinor: "11000",
        currency: "USD",
        reachedAt: clock.now().toISOString(),
      },
    });
    // Dipping below the target and reaching it again is the same goal reached: no second event.
    await api.ok(alice, WITHDRAW, { id: bike, amount: usd("30") });
    await api.ok(alice, CONTRIBUTE, { id: bike, amount: usd("30") });
    await api.ok(alice, CONTRIBUTE, { id: bike, amount: usd("5") });
    expect(await reached(bike)).toHaveLength(1);

    // A target lowered to what is saved reaches the goal too; concurrent contributions announce it once.
    const car = (await api.ok(alice, CREATE, { input: { name: "Car", target: usd("100") } })).createSavingsGoal.id as string;
    await api.ok(alice, CONTRIBUTE, { id: car, amount: usd("40") });
    const UPDATE = `mutation($id: ID!, $input: UpdateSavingsGoalInput!) { updateSavingsGoal(id: $id, input: $input) { id } }`;
    await api.ok(alice, UPDATE, { id: car, input: { target: usd("40") } });
    expect((await reached(car)).map((r: { data: { savedMinor: string } }) => r.data.savedMinor)).toEqual(["4000"]);
    const boat = (await api.ok(alice, CREATE, { input: { name: "Boat", target: usd("100") } })).createSavingsGoal.id as string;
    await Promise.all([1, 2, 3].map(() => api.ok(alice, CONTRIBUTE, { id: boat, amount: usd("50") })));
    expect(await reached(boat)).toHaveLength(1);
  });

  it("works out the monthly amount and the status from the pinned clock", async () => {
    // 167 days from 2026-11-15 to 2027-05-01 for 1670.00: 10.00 a day on the straight line.
    const car = (await api.ok(alice, CREATE, { input: { name: "Car", target: usd("1670"), targetDate: "2027-05-01" } })).createSavingsGoal;
    expect(car).toMatchObject({ requiredPerMonth: usd("278.34"), status: "ON_TRACK" }); // 1670 / 6, rounded up
    await api.ok(alice, CONTRIBUTE, { id: car.id, amount: usd("600") });
    const dueToday = (await api.ok(alice, CREATE, { input: { name: "Today", target: usd("50"), targetDate: "2026-11-15" } }))
      .createSavingsGoal;
    expect(dueToday).toMatchObject({ status: "BEHIND", requiredPerMonth: usd("50.00") });
    const open = (await api.ok(alice, CREATE, { input: { name: "Someday", target: usd("50") } })).createSavingsGoal;
    expect(open).toMatchObject({ status: "ON_TRACK", requiredPerMonth: null });
    await api.ok(alice, CONTRIBUTE, { id: open.id, amount: usd("50") });

    // An API key keeps working while the clock jumps ahead (a session token would have expired).
    const key = {
      "x-api-key": (await api.ok(alice, `mutation { createApiKey(input: { name: "goals", scopes: ["budgets:read"] }) { secret } }`))
        .createApiKey.secret,
    };
    const read = async (id: string) => {
      const r = await sg.query(`query($id: ID!) { savingsGoal(id: $id) { requiredPerMonth { amount } status percent } }`, { id }, key);
      expect(r.errors).toBeUndefined();
      return r.data.savingsGoal;
    };
    try {
      clock.set("2027-01-14T12:00:00Z"); // day 60: 600.00 due, 600.00 saved
      expect(await read(car.id)).toEqual({ requiredPerMonth: { amount: "267.50" }, status: "ON_TRACK", percent: 35.9 }); // 1070 / 4
      clock.set("2027-01-15T12:00:00Z"); // day 61: 610.00 due
      expect(await read(car.id)).toMatchObject({ status: "BEHIND" });
      clock.set("2027-06-01T12:00:00Z"); // past the deadline: all of what remains, in one month
      expect(await read(car.id)).toEqual({ requiredPerMonth: { amount: "1070.00" }, status: "BEHIND", percent: 35.9 });
      expect(await read(open.id)).toEqual({ requiredPerMonth: null, status: "REACHED", percent: 100 });
    } finally {
      clock.set("2026-11-15T09:00:00Z");
    }

    const archived = (await api.ok(alice, `mutation($id: ID!) { archiveSavingsGoal(id: $id) { archived } }`, { id: open.id }))
      .archiveSavingsGoal;
    expect(archived).toEqual({ archived: true });
    expect((await api.ok(alice, `{ savingsGoals { id } }`)).savingsGoals.map((g: { id: string }) => g.id)).not.toContain(open.id);
    expect((await api.ok(alice, `{ savingsGoals(includeArchived: true) { id } }`)).savingsGoals.map((g: { id: string }) => g.id)).toContain(
      open.id,
    );
    expect(await code(alice, CONTRIBUTE, { id: open.id, amount: usd("1") })).toBe("BAD_USER_INPUT");
    const renamed = (
      await api.ok(
        alice,
        `mutation($id: ID!, $input: UpdateSavingsGoalInput!) { updateSavingsGoal(id: $id, input: $input) { name target { amount } targetDate } }`,
        { id: car.id, input: { name: "New car", target: usd("2000"), targetDate: null } },
      )
    ).updateSavingsGoal;
    expect(renamed).toEqual({ name: "New car", target: { amount: "2000.00" }, targetDate: null });
  });

  it("keeps goals to their owner, through the gateway and through _entities", async () => {
    const reads = await api.ok(
      bob,
      `query($id: ID!) { savingsGoal(id: $id) { id } savingsGoals(includeArchived: true) { id } me { savingsGoals(includeArchived: true) { id } } }`,
      { id: trip },
    );
    expect(reads.savingsGoal).toBeNull();
    expect(reads.savingsGoals.map((g: { id: string }) => g.id)).not.toContain(trip);
    expect(reads.me.savingsGoals.map((g: { id: string }) => g.id)).not.toContain(trip);
    const writes: Array<[string, Record<string, unknown>]> = [
      [CONTRIBUTE, { id: trip, amount: usd("1") }],
      [WITHDRAW, { id: trip, amount: usd("1") }],
      [`mutation($id: ID!) { archiveSavingsGoal(id: $id) { id } }`, { id: trip }],
      [`mutation($id: ID!) { updateSavingsGoal(id: $id, input: { name: "mine" }) { id } }`, { id: trip }],
      [RULE, { input: { goalId: trip, mode: "PERCENT", percentBasisPoints: 10_000 } }],
    ];
    for (const [query, variables] of writes) expect(await code(bob, query, variables), query.slice(0, 40)).toBe("NOT_FOUND");
    expect(await saved(alice, trip)).toBe("276.01");
    expect(await code(alice, READ, { id: "'; DROP TABLE x; --" })).toBeUndefined();

    const signer = new InternalTokenSigner(sg.all.platform.internalKeys.privateKey!);
    const as = async (userId: string) => ({ [INTERNAL_TOKEN_HEADER]: await signer.sign({ userId, scopes: ["*"] }, "t") });
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on SavingsGoal { id saved { amount } } ... on User { savingsGoals { id } } } }`;
    const representations = [
      { __typename: "SavingsGoal", id: trip },
      { __typename: "User", id: alice.id },
      { __typename: "SavingsGoal", id: "not-a-uuid" },
      { __typename: "SavingsGoal", id: 42 },
    ];
    const asBob = await postGraphQL(sg.all.urls.budgets!, { query: entities, variables: { r: representations } }, await as(bob.id));
    expect(asBob.errors).toBeUndefined();
    expect(asBob.data._entities).toEqual([null, null, null, null]);
    const asAlice = await postGraphQL(
      sg.all.urls.budgets!,
      { query: entities, variables: { r: representations.slice(0, 1) } },
      await as(alice.id),
    );
    expect(asAlice.data._entities).toEqual([{ id: trip, saved: { amount: "276.01" } }]);
  });
});
