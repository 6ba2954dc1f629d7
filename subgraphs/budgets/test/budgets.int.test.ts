import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { INTERNAL_TOKEN_HEADER, InternalTokenSigner } from "../../../platform/auth/internal-token.js";
import type { PlatformConfig } from "../../../platform/config/index.js";
import type { ContractEvent } from "../../../platform/events/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import { type LedgerTransactionEvents, TRANSACTION_DELETED, TRANSACTION_UPDATED } from "../../../schema/events/ledger.js";
import { ledgerClient } from "../../../test/harness/ledger-client.js";
import { liveClients } from "../../../test/harness/live-client.js";
import { postGraphQL, type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import { linesOf } from "../spending/spending-lines.js";

const CREATE = `mutation($input: CreateBudgetInput!) { createBudget(input: $input) { id startDate } }`;
const PROGRESS = `query($id: ID!, $date: String) { budget(id: $id) { progress(date: $date) { periodStart periodEnd budgeted { amount } carriedIn { amount } available { amount } spent { amount } remaining { amount } percentUsed daysRemaining averageDailySpend { amount } projectedSpend { amount } status } } }`;
const UPDATE_TX = `mutation($id: ID!, $input: UpdateTransactionInput!) { updateTransaction(id: $id, input: $input) { id } }`;

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

describe.each(modes)("budgets on %s", (_mode, config) => {
  const clock = new FixedClock("2026-11-10T12:00:00Z");
  let sg: TestSupergraph;
  let ledger: ReturnType<typeof ledgerClient>;
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  let checking: string;
  let savings: string;
  let groceries: string;
  let shopping: string;
  let food: string;
  const live = liveClients(() => sg);
  const subscribe = live.subscribe;

  const progress = async (id: string, date?: string) => (await ledger.ok(alice, PROGRESS, { id, date })).budget.progress;
  const spend = async (amount: string, date: string, categoryId: string | null = groceries, user = alice, account = checking) => {
    const r = await ledger.post(user, {
      accountId: account,
      amount: { amount: `-${amount}`, currency: "USD" },
      date,
      payee: "Shop",
      categoryId,
    });
    expect(r.errors).toBeUndefined();
    return r.data.postTransaction.id as string;
  };
  const budgetsOutbox = async (type: string, budgetId: string) =>
    sg
      .subgraph("budgets")
      .kit.dataSource.query(
        `SELECT envelope->'data' AS data FROM budgets.outbox WHERE type = $1 AND envelope->'data'->>'budgetId' = $2 ORDER BY seq`,
        [type, budgetId],
      );

  beforeAll(async () => {
    sg = await startTestSupergraph(config(), { clock });
    ledger = ledgerClient(sg);
    alice = await sg.register("Alice");
    bob = await sg.register("Bob");
    checking = await ledger.account(alice, "USD", "5000.00");
    savings = await ledger.account(alice, "USD", "0");
    await eventually(async () => expect((await ledger.ok(alice, `{ categories { id } }`)).categories.length).toBeGreaterThan(10));
    groceries = await ledger.categoryId(alice, "Groceries");
    shopping = await ledger.categoryId(alice, "Shopping");
    food = await ledger.categoryId(alice, "Food");
    // Budgets learns categories and preferences from events; wait until it can take a budget.
    await eventually(async () => {
      const r = await ledger.call(alice, CREATE, {
        input: { name: "probe", categoryIds: [groceries], period: "MONTHLY", amount: { amount: "1.00", currency: "USD" } },
      });
      expect(r.errors).toBeUndefined();
      await ledger.ok(alice, `mutation($id: ID!) { archiveBudget(id: $id) { id } }`, { id: r.data.createBudget.id });
    });
  });

  afterAll(async () => {
    await live.closeAll();
    await sg?.close();
  });

  it("refuses bad budgets with codes: amounts, currency, thresholds, other users' and income categories", async () => {
    const base = { name: "Food", categoryIds: [groceries], period: "MONTHLY", amount: { amount: "300.00", currency: "USD" } };
    const salary = await ledger.categoryId(alice, "Salary");
    const bobCategory = await ledger.categoryId(bob, "Groceries");
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ ...base, amount: { amount: "0", currency: "USD" } }, "BAD_USER_INPUT", "amount"],
      [{ ...base, amount: { amount: "-5.00", currency: "USD" } }, "BAD_USER_INPUT", "amount"],
      [{ ...base, amount: { amount: "300.00", currency: "EUR" } }, "BAD_USER_INPUT", "amount"],
      [{ ...base, warningPercent: 0 }, "BAD_USER_INPUT", "warningPercent"],
      [{ ...base, criticalPercent: 1001 }, "BAD_USER_INPUT", "criticalPercent"],
      [{ ...base, warningPercent: 90, criticalPercent: 80 }, "BAD_USER_INPUT", "warningPercent"],
      [{ ...base, categoryIds: [salary] }, "BAD_USER_INPUT", "categoryIds"],
      [{ ...base, categoryIds: [bobCategory] }, "NOT_FOUND", ""],
      [{ ...base, name: "" }, "BAD_USER_INPUT", "name"],
    ];
    const before = (await ledger.ok(alice, `{ budgets(includeArchived: true) { id } }`)).budgets.length;
    for (const [input, code, field] of cases) {
      const r = await ledger.call(alice, CREATE, { input });
      expect(r.errors?.[0]?.extensions?.code, JSON.stringify(input)).toBe(code);
      if (field) expect(r.errors?.[0]?.extensions?.field).toBe(field);
    }
    expect((await ledger.ok(alice, `{ budgets(includeArchived: true) { id } }`)).budgets).toHaveLength(before);
  });

  it("tracks spending from ledger events: splits per line, transfers ignored, progress with projection and status", async () => {
    const { id } = (
      await ledger.ok(alice, CREATE, {
        input: { name: "Food", categoryIds: [food], period: "MONTHLY", amount: { amount: "300.00", currency: "USD" } },
      })
    ).createBudget;
    await spend("100.00", "2026-11-03");
    // A split: 20.00 of it is groceries (a child of Food), 30.00 shopping.
    await ledger.post(alice, {
      accountId: checking,
      amount: { amount: "-50.00", currency: "USD" },
      date: "2026-11-04",
      splits: [
        { categoryId: groceries, amount: { amount: "-20.00", currency: "USD" } },
        { categoryId: shopping, amount: { amount: "-30.00", currency: "USD" } },
      ],
    });
    await ledger.ok(alice, `mutation($i: TransferInput!) { transferBetweenAccounts(input: $i) { id } }`, {
      i: { fromAccountId: checking, toAccountId: savings, amount: { amount: "500.00", currency: "USD" }, date: "2026-11-05" },
    });
    await eventually(async () => expect((await progress(id)).spent.amount).toBe("120.00"));
    expect(await progress(id)).toEqual({
      periodStart: "2026-11-01",
      periodEnd: "2026-11-30",
      budgeted: { amount: "300.00" },
      carriedIn: { amount: "0.00" },
      available: { amount: "300.00" },
      spent: { amount: "120.00" },
      remaining: { amount: "180.00" },
      percentUsed: 40,
      daysRemaining: 21,
      averageDailySpend: { amount: "12.00" },
      projectedSpend: { amount: "360.00" },
      status: "WARNING",
    });
    const { categories } = (await ledger.ok(alice, `query($id: ID!) { budget(id: $id) { categories { id name budgets { id } } } }`, { id }))
      .budget;
    expect(categories).toEqual([{ id: food, name: "Food", budgets: expect.arrayContaining([{ id }]) }]);
  });

  it("moves spending when a transaction's amount, category or date changes, and on delete and restore", async () => {
    const { id } = (
      await ledger.ok(alice, CREATE, {
        input: {
          name: "Groceries",
          categoryIds: [groceries],
          period: "MONTHLY",
          amount: { amount: "200.00", currency: "USD" },
          startDate: "2026-10-01",
        },
      })
    ).createBudget;
    await eventually(async () => expect((await progress(id)).spent.amount).toBe("120.00"));
    const tx = await spend("10.00", "2026-11-06");
    await eventually(async () => expect((await progress(id)).spent.amount).toBe("130.00"));
    await ledger.ok(alice, UPDATE_TX, { id: tx, input: { amount: { amount: "-15.00", currency: "USD" } } });
    await eventually(async () => expect((await progress(id)).spent.amount).toBe("135.00"));
    await ledger.ok(alice, UPDATE_TX, { id: tx, input: { date: "2026-10-20" } });
    await eventually(async () => expect((await progress(id)).spent.amount).toBe("120.00"));
    expect((await progress(id, "2026-10-15")).spent.amount).toBe("15.00");
    await ledger.ok(alice, UPDATE_TX, { id: tx, input: { date: "2026-11-06", categoryId: shopping } });
    await eventually(async () => expect((await progress(id, "2026-10-15")).spent.amount).toBe("0.00"));
    expect((await progress(id)).spent.amount).toBe("120.00");
    await ledger.ok(alice, UPDATE_TX, { id: tx, input: { categoryId: groceries } });
    await eventually(async () => expect((await progress(id)).spent.amount).toBe("135.00"));
    await ledger.ok(alice, `mutation($id: ID!) { deleteTransaction(id: $id) { id } }`, { id: tx });
    await eventually(async () => expect((await progress(id)).spent.amount).toBe("120.00"));
    await ledger.ok(alice, `mutation($id: ID!) { restoreTransaction(id: $id) { id } }`, { id: tx });
    await eventually(async () => expect((await progress(id)).spent.amount).toBe("135.00"));
    await ledger.ok(alice, `mutation($id: ID!) { deleteTransaction(id: $id) { id } }`, { id: tx });
    await eventually(async () => expect((await progress(id)).spent.amount).toBe("120.00"));
  });

  it("rolls over by mode, and a backdated transaction in a closed period moves the carry forward", async () => {
    const shop = (await ledger.ok(alice, `mutation { createCategory(input: { name: "Hobbies", kind: EXPENSE }) { id } }`)).createCategory
      .id;
    const make = async (rollover: string) =>
      (
        await ledger.ok(alice, CREATE, {
          input: {
            name: `Hobbies ${rollover}`,
            categoryIds: [shop],
            period: "MONTHLY",
            rollover,
            amount: { amount: "100.00", currency: "USD" },
            startDate: "2026-09-15",
          },
        })
      ).createBudget.id as string;
    const ids = await eventually(async () => ({
      none: await make("NONE"),
      leftover: await make("LEFTOVER"),
      envelope: await make("ENVELOPE"),
    }));
    await spend("60.00", "2026-08-25", shop); // before the first period (September): never counted
    await spend("70.00", "2026-09-20", shop); // September: 30 left
    await spend("130.00", "2026-10-05", shop); // October: 100 (+30 carried) − 130
    await eventually(async () => expect((await progress(ids.envelope, "2026-10-01")).spent.amount).toBe("130.00"));
    const carried = async (id: string) => (await progress(id)).carriedIn.amount;
    // October: NONE 100 − 130 = −30; LEFTOVER 130 − 130 = 0; ENVELOPE 130 − 130 = 0 → November carries.
    expect([await carried(ids.none), await carried(ids.leftover), await carried(ids.envelope)]).toEqual(["0.00", "0.00", "0.00"]);
    expect((await progress(ids.leftover, "2026-10-01")).carriedIn.amount).toBe("30.00");
    await spend("20.00", "2026-10-25", shop); // a late entry for October
    await eventually(async () => expect(await carried(ids.envelope)).toBe("-20.00"));
    expect(await carried(ids.leftover)).toBe("0.00");
    expect((await progress(ids.envelope)).available.amount).toBe("80.00");
    const history = (
      await ledger.ok(
        alice,
        `query($id: ID!) { budget(id: $id) { history(last: 5) { periodStart carriedIn { amount } spent { amount } remaining { amount } } } }`,
        { id: ids.envelope },
      )
    ).budget.history;
    expect(history.map((h: { periodStart: string }) => h.periodStart)).toEqual(["2026-09-01", "2026-10-01", "2026-11-01"]);
  });

  it("fires each alert once per period and level, re-arms it when spending falls back, and pushes it live", async () => {
    const cat = (await ledger.ok(alice, `mutation { createCategory(input: { name: "Games", kind: EXPENSE }) { id } }`)).createCategory.id;
    const id = await eventually(
      async () =>
        (
          await ledger.ok(alice, CREATE, {
            input: { name: "Games", categoryIds: [cat], period: "MONTHLY", amount: { amount: "100.00", currency: "USD" } },
          })
        ).createBudget.id as string,
    );
    const alerts = subscribe(alice, `subscription { budgetAlerts { level budgetId spent { amount } budget { name } } }`);
    const bobAlerts = subscribe(bob, `subscription { budgetAlerts { level } }`);
    await eventually(() => expect(sg.gateway.liveStats().subscriptions).toBeGreaterThanOrEqual(2));
    await spend("85.00", "2026-11-07", cat);
    await eventually(async () => expect(await budgetsOutbox("BudgetThresholdReached", id)).toHaveLength(1));
    await spend("5.00", "2026-11-07", cat);
    const big = await spend("20.00", "2026-11-08", cat);
    await eventually(async () => expect(await budgetsOutbox("BudgetExceeded", id)).toHaveLength(1));
    expect(await budgetsOutbox("BudgetThresholdReached", id)).toHaveLength(1);
    await ledger.ok(alice, `mutation($id: ID!) { deleteTransaction(id: $id) { id } }`, { id: big });
    await eventually(async () => {
      const listed = (await ledger.ok(alice, `{ budgetAlerts { budgetId level rearmed } }`)).budgetAlerts.filter(
        (a: { budgetId: string }) => a.budgetId === id,
      );
      expect(listed).toEqual(expect.arrayContaining([expect.objectContaining({ level: "CRITICAL", rearmed: true })]));
    });
    await spend("30.00", "2026-11-09", cat);
    await eventually(async () => expect(await budgetsOutbox("BudgetExceeded", id)).toHaveLength(2));
    await eventually(() => expect(alerts.results.filter((r) => r.data?.budgetAlerts?.budgetId === id)).toHaveLength(3));
    expect(alerts.results.find((r) => r.data?.budgetAlerts?.level === "WARNING").data.budgetAlerts).toEqual({
      level: "WARNING",
      budgetId: id,
      spent: { amount: "85.00" },
      budget: { name: "Games" },
    });
    expect(bobAlerts.results).toEqual([]);
  });

  it("pushes budgetUpdated end to end (ledger mutation → Kafka → budgets → Kafka → gateway → client) with the ledger's category name, to its owner only", async () => {
    const { id } = (
      await ledger.ok(alice, CREATE, {
        input: { name: "Live", categoryIds: [groceries], period: "MONTHLY", amount: { amount: "500.00", currency: "USD" } },
      })
    ).createBudget;
    const query = `subscription($id: ID!) { budgetUpdated(id: $id) { id progress { spent { amount } status } categories { name } } }`;
    const mine = subscribe(alice, query, { id });
    const theirs = subscribe(bob, query, { id });
    await eventually(() => expect(sg.gateway.liveStats().subscriptions).toBeGreaterThanOrEqual(4));
    const before = (await progress(id)).spent.amount;
    await spend("7.00", "2026-11-10");
    await eventually(() => expect(mine.results.some((r) => r.data?.budgetUpdated?.progress?.spent?.amount !== before)).toBe(true));
    const last = mine.results.at(-1);
    expect(last.data.budgetUpdated).toEqual({
      id,
      progress: { spent: { amount: (Number(before) + 7).toFixed(2) }, status: "ON_TRACK" },
      categories: [{ name: "Groceries" }],
    });
    expect(theirs.results).toEqual([]);
  });

  it("counts a foreign-currency expense once the ledger knows the day's rate", async () => {
    const euros = await ledger.account(alice, "EUR");
    const travel = (await ledger.ok(alice, `mutation { createCategory(input: { name: "Travel", kind: EXPENSE }) { id } }`)).createCategory
      .id;
    const id = await eventually(
      async () =>
        (
          await ledger.ok(alice, CREATE, {
            input: { name: "Abroad", categoryIds: [travel], period: "MONTHLY", amount: { amount: "900.00", currency: "USD" } },
          })
        ).createBudget.id as string,
    );
    const figures = async () =>
      (await ledger.ok(alice, `query($id: ID!) { budget(id: $id) { progress { spent { amount } unconvertedTransactions } } }`, { id }))
        .budget.progress;
    await ledger.post(alice, { accountId: euros, amount: { amount: "-10.00", currency: "EUR" }, date: "2026-11-09", categoryId: travel });
    await eventually(async () => expect(await figures()).toEqual({ spent: { amount: "0.00" }, unconvertedTransactions: 1 }));
    await ledger.ok(alice, `mutation { setExchangeRates(rates: [{ date: "2026-11-09", from: "EUR", to: "USD", rate: "1.1" }]) }`);
    await eventually(async () => expect(await figures()).toEqual({ spent: { amount: "11.00" }, unconvertedTransactions: 0 }));
  });

  it("aligns periods to the user's month start day and first day of week, following identity's changes", async () => {
    const carol = await sg.register("Carol");
    const cat = await eventually(async () => ledger.categoryId(carol, "Groceries"));
    const changed = await ledger.call(
      carol,
      `mutation { updateFinancialPreferences(input: { monthStartDay: 25, firstDayOfWeek: 7 }) { id } }`,
    );
    expect(changed.errors).toBeUndefined();
    const make = (period: string) =>
      ledger.call(carol, CREATE, { input: { name: period, categoryIds: [cat], period, amount: { amount: "10.00", currency: "USD" } } });
    // Once budgets has the new preferences, today (Tuesday 2026-11-10) falls in these periods.
    await eventually(async () => {
      const monthly = (await make("MONTHLY")).data.createBudget.id;
      const weekly = (await make("WEEKLY")).data.createBudget.id;
      const q = `query($id: ID!) { budget(id: $id) { progress { periodStart periodEnd } } }`;
      expect((await ledger.ok(carol, q, { id: monthly })).budget.progress).toEqual({ periodStart: "2026-10-25", periodEnd: "2026-11-24" });
      expect((await ledger.ok(carol, q, { id: weekly })).budget.progress).toEqual({ periodStart: "2026-11-08", periodEnd: "2026-11-14" });
    });
    // "Today" is the user's own day: at 12:00 UTC on the 10th it is already the 11th in Kiritimati.
    const days = async () =>
      (await ledger.ok(carol, `{ budgets { name progress { daysRemaining } } }`)).budgets.find(
        (b: { name: string }) => b.name === "MONTHLY",
      ).progress.daysRemaining;
    expect(await days()).toBe(15);
    expect(
      (await ledger.call(carol, `mutation { updateProfile(input: { timezone: "Pacific/Kiritimati" }) { id } }`)).errors,
    ).toBeUndefined();
    await eventually(async () => expect(await days()).toBe(14));
  });

  it("keeps budgets to their owner through the gateway and _entities", async () => {
    const { id } = (
      await ledger.ok(alice, CREATE, {
        input: { name: "Private", categoryIds: [], period: "WEEKLY", amount: { amount: "50.00", currency: "USD" } },
      })
    ).createBudget;
    expect((await ledger.ok(bob, `query($id: ID!) { budget(id: $id) { id } }`, { id })).budget).toBeNull();
    expect((await ledger.ok(bob, `{ budgets { id } }`)).budgets).toEqual([]);
    for (const m of [`updateBudget(id: $id, input: { name: "x" }) { id }`, `archiveBudget(id: $id) { id }`]) {
      expect((await ledger.call(bob, `mutation($id: ID!) { ${m} }`, { id })).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    }
    const signer = new InternalTokenSigner(sg.all.platform.internalKeys.privateKey!);
    const asBob = { [INTERNAL_TOKEN_HEADER]: await signer.sign({ userId: bob.id, scopes: ["*"] }, "t") };
    const r = await postGraphQL(
      sg.all.urls.budgets!,
      {
        query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Budget { id } ... on Category { id } ... on User { id } } }`,
        variables: {
          r: [
            { __typename: "Budget", id },
            { __typename: "Category", id: groceries },
            { __typename: "User", id: alice.id },
          ],
        },
      },
      asBob,
    );
    expect(r.data._entities).toEqual([null, null, null]);
  });

  it("edits amounts from the next period and keeps past periods; an archived budget cannot be edited", async () => {
    const { id } = (
      await ledger.ok(alice, CREATE, {
        input: {
          name: "Edits",
          categoryIds: [groceries],
          period: "MONTHLY",
          amount: { amount: "100.00", currency: "USD" },
          startDate: "2026-10-01",
        },
      })
    ).createBudget;
    await ledger.ok(
      alice,
      `mutation($id: ID!) { updateBudget(id: $id, input: { amount: { amount: "150.00", currency: "USD" }, applyFrom: NEXT_PERIOD }) { id } }`,
      { id },
    );
    expect((await progress(id)).budgeted.amount).toBe("100.00");
    expect((await progress(id, "2026-12-05")).budgeted.amount).toBe("150.00");
    expect((await ledger.call(alice, PROGRESS, { id, date: "2026-09-30" })).errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "date",
    });
    await ledger.ok(
      alice,
      `mutation($id: ID!) { updateBudget(id: $id, input: { amount: { amount: "120.00", currency: "USD" } }) { id } }`,
      { id },
    );
    expect([
      (await progress(id, "2026-10-05")).budgeted.amount,
      (await progress(id)).budgeted.amount,
      (await progress(id, "2026-12-05")).budgeted.amount,
    ]).toEqual(["100.00", "120.00", "120.00"]);
    await ledger.ok(alice, `mutation($id: ID!) { archiveBudget(id: $id) { archived } }`, { id });
    expect(
      (await ledger.call(alice, `mutation($id: ID!) { updateBudget(id: $id, input: { name: "x" }) { id } }`, { id })).errors?.[0]
        ?.extensions?.code,
    ).toBe("BAD_USER_INPUT");
  });

  it("summarises the month: income, budgeted, spent and what is left to budget", async () => {
    const salary = await ledger.categoryId(alice, "Salary");
    await ledger.post(alice, {
      accountId: checking,
      amount: { amount: "3000.00", currency: "USD" },
      date: "2026-11-01",
      categoryId: salary,
    });
    await eventually(async () =>
      expect((await ledger.ok(alice, `{ budgetSummary { income { amount } } }`)).budgetSummary.income.amount).toBe("3000.00"),
    );
    const summary = (
      await ledger.ok(
        alice,
        `{ budgetSummary(date: "2026-11-15") { periodStart periodEnd income { amount } totalBudgeted { amount } spent { amount } leftToBudget { amount } } }`,
      )
    ).budgetSummary;
    expect(summary.periodStart).toBe("2026-11-01");
    expect(BigInt(summary.leftToBudget.amount.replace(".", ""))).toBe(
      BigInt(summary.income.amount.replace(".", "")) - BigInt(summary.totalBudgeted.amount.replace(".", "")),
    );
  });

  it("matches the ledger's history exactly when it is replayed from the beginning", async () => {
    // Let every event reach budgets, then rebuild the lines from the ledger's own record of events.
    const ledgerDs = sg.subgraph("ledger").kit.dataSource;
    const budgetsDs = sg.subgraph("budgets").kit.dataSource;
    await eventually(async () =>
      expect((await ledgerDs.query(`SELECT count(*)::int AS n FROM ledger.outbox WHERE published_at IS NULL`))[0].n).toBe(0),
    );
    const events: Array<ContractEvent<LedgerTransactionEvents>> = await ledgerDs.query(
      `SELECT type, envelope->'data' AS data FROM ledger.outbox WHERE topic LIKE '%ledger.transaction.v1' AND key = $1 ORDER BY seq`,
      [alice.id],
    );
    const replayed = new Map<string, ReturnType<typeof linesOf>>();
    for (const event of events) {
      const snapshot = event.type === TRANSACTION_UPDATED ? event.data.after : event.data;
      replayed.set(snapshot.transactionId, event.type === TRANSACTION_DELETED ? [] : linesOf(snapshot));
    }
    const expected = [...replayed.values()]
      .flat()
      .map((l) => `${l.transactionId}/${l.line}/${l.categoryId}/${l.date}/${l.baseAmountMinor}`)
      .sort();
    await eventually(async () => {
      const kept: Array<{ k: string }> = await budgetsDs.query(
        `SELECT transaction_id || '/' || line || '/' || coalesce(category_id::text, 'null') || '/' || to_char(date, 'YYYY-MM-DD') || '/' || coalesce(base_amount_minor::text, 'null') AS k FROM budgets.spending_lines WHERE user_id = $1`,
        [alice.id],
      );
      expect(kept.map((r) => r.k).sort()).toEqual(expected);
    });
    expect(expected.length).toBeGreaterThan(10);
  });

  it("purges budgets' data when identity deletes the user", async () => {
    const doomed = await sg.register("Doomed");
    const acc = await ledger.account(doomed, "USD");
    const cat = await eventually(async () => ledger.categoryId(doomed, "Groceries"));
    await eventually(async () =>
      expect(
        (
          await ledger.call(doomed, CREATE, {
            input: { name: "b", categoryIds: [cat], period: "MONTHLY", amount: { amount: "10.00", currency: "USD" } },
          })
        ).errors,
      ).toBeUndefined(),
    );
    await spend("20.00", "2026-11-02", cat, doomed, acc);
    await eventually(async () =>
      expect(
        (
          await sg
            .subgraph("budgets")
            .kit.dataSource.query(`SELECT count(*)::int AS n FROM budgets.budget_alerts WHERE user_id = $1`, [doomed.id])
        )[0].n,
      ).toBeGreaterThan(0),
    );
    await eventually(async () =>
      expect(
        (
          await sg
            .subgraph("budgets")
            .kit.dataSource.query(`SELECT count(*)::int AS n FROM budgets.accounts WHERE user_id = $1`, [doomed.id])
        )[0].n,
      ).toBe(1),
    );
    await sg.query(`mutation($p: String!) { deleteAccount(password: $p) }`, { p: doomed.password }, doomed.headers);
    await eventually(async () => {
      for (const table of ["budgets", "budget_alerts", "spending_lines", "categories", "user_settings", "accounts"]) {
        const [row] = await sg
          .subgraph("budgets")
          .kit.dataSource.query(`SELECT count(*)::int AS n FROM budgets.${table} WHERE user_id = $1`, [doomed.id]);
        expect(row.n, table).toBe(0);
      }
    });
  });
});
