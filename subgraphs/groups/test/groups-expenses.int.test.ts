import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import type { RegisteredUser, TestSupergraph } from "../../../test/harness/supergraph.js";
import { startTestSupergraph } from "../../../test/harness/supergraph.js";
import { equalExpense, EXPENSE, groupsClient } from "./groups-client.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

const sum = (amounts: string[]) => amounts.reduce((total, a) => total + BigInt(a.replace(".", "")), 0n);

describe.each(modes)("group expenses, balances and settle-up on %s", (_mode, config) => {
  let sg: TestSupergraph;
  let api: ReturnType<typeof groupsClient>;
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  let carol: RegisteredUser;
  let trip: string;
  let a: string;
  let b: string;
  let c: string;
  let dan: string;

  beforeAll(async () => {
    sg = await startTestSupergraph(config(), { clock: new FixedClock("2026-11-20T10:00:00Z") });
    api = groupsClient(sg);
    [alice, bob, carol] = [await sg.register("Alice"), await sg.register("Bob"), await sg.register("Carol")];
    const group = await api.createGroup(alice, "Trip", "EUR", "Alice");
    trip = group.id;
    a = group.members[0].id;
    b = await api.addUser(alice, trip, bob, "Bob");
    c = await api.addUser(alice, trip, carol, "Carol");
    dan = await api.placeholder(alice, trip, "Dan");
  });

  afterAll(async () => {
    await sg?.close();
  });

  it("splits exactly in every mode: shares add up to the amount, the odd cent to the earliest member whatever the order", async () => {
    const equal = await api.expense(alice, equalExpense(trip, a, [c, a, b], "100.00"));
    expect(equal.shares.map((s: any) => [s.member.id, s.amount.amount])).toEqual([
      [a, "33.34"],
      [b, "33.33"],
      [c, "33.33"],
    ]);
    const percent = await api.expense(bob, {
      ...equalExpense(trip, b, [], "10.00"),
      split: {
        mode: "PERCENT",
        parts: [
          { memberId: a, value: "3333" },
          { memberId: b, value: "3333" },
          { memberId: c, value: "3334" },
        ],
      },
    });
    expect(percent.shares.map((s: any) => s.amount.amount)).toEqual(["3.33", "3.33", "3.34"]);
    const shares = await api.expense(carol, {
      ...equalExpense(trip, c, [], "90.00"),
      split: {
        mode: "SHARES",
        parts: [
          { memberId: a, value: "1" },
          { memberId: dan, value: "2" },
        ],
      },
    });
    expect(shares.shares.map((s: any) => [s.member.id, s.amount.amount])).toEqual([
      [a, "30.00"],
      [dan, "60.00"],
    ]);
    // Two payers, an exact split.
    const exact = await api.expense(alice, {
      ...equalExpense(trip, a, [], "50.00"),
      paidBy: [
        { memberId: a, amount: "20.00" },
        { memberId: b, amount: "30.00" },
      ],
      split: {
        mode: "EXACT",
        parts: [
          { memberId: c, value: "45.50" },
          { memberId: dan, value: "4.50" },
        ],
      },
    });
    expect(exact.paidBy.map((p: any) => [p.member.id, p.amount.amount])).toEqual([
      [a, "20.00"],
      [b, "30.00"],
    ]);
    for (const expense of [equal, percent, shares, exact])
      expect(sum(expense.shares.map((s: any) => s.amount.amount))).toBe(sum([expense.amount.amount]));
  });

  it("keeps both amounts of an expense in another currency, each adding up exactly", async () => {
    const input = { ...equalExpense(trip, a, [a, b, c], "1000", "JPY"), description: "Sushi" };
    expect((await api.addExpense(alice, input)).errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "exchangeRate" });
    const sushi = await api.expense(alice, { ...input, exchangeRate: "0.0061" });
    expect(sushi).toMatchObject({
      amount: { amount: "1000", currency: "JPY" },
      groupAmount: { amount: "6.10", currency: "EUR" },
      exchangeRate: "0.0061",
    });
    expect(sushi.shares.map((s: any) => s.amount.amount)).toEqual(["334", "333", "333"]);
    expect(sushi.shares.map((s: any) => s.groupAmount.amount)).toEqual(["2.04", "2.03", "2.03"]);
  });

  it("refuses bad expenses with a code and the field, writing nothing", async () => {
    const other = await api.createGroup(bob, "Bob's other group");
    const cases: Array<[Record<string, unknown>, string]> = [
      [equalExpense(trip, a, [a, b], "10.001"), "BAD_USER_INPUT:amount"],
      [equalExpense(trip, a, [a, b], "0"), "BAD_USER_INPUT:amount"],
      [equalExpense(trip, a, [a, b], "-5.00"), "BAD_USER_INPUT:amount"],
      [{ ...equalExpense(trip, a, [a, b], "10.00"), paidBy: [{ memberId: a, amount: "9.00" }] }, "BAD_USER_INPUT:paidBy"],
      [
        {
          ...equalExpense(trip, a, [a, b], "10.00"),
          split: {
            mode: "EXACT",
            parts: [
              { memberId: a, value: "4.00" },
              { memberId: b, value: "5.00" },
            ],
          },
        },
        "BAD_USER_INPUT:split.parts",
      ],
      [
        {
          ...equalExpense(trip, a, [a, b], "10.00"),
          split: {
            mode: "PERCENT",
            parts: [
              { memberId: a, value: "5000" },
              { memberId: b, value: "4999" },
            ],
          },
        },
        "BAD_USER_INPUT:split.parts",
      ],
      [{ ...equalExpense(trip, a, [a, b], "10.00"), split: { mode: "EQUAL", parts: [] } }, "BAD_USER_INPUT:split.parts"],
      [{ ...equalExpense(trip, a, [a, a], "10.00") }, "BAD_USER_INPUT:split.parts"],
      [equalExpense(trip, a, [a, other.members[0].id], "10.00"), "BAD_USER_INPUT:split.parts"],
      [equalExpense(trip, other.members[0].id, [a], "10.00"), "BAD_USER_INPUT:paidBy"],
      [equalExpense(trip, a, [a, "not-a-member"], "10.00"), "BAD_USER_INPUT:split.parts"],
      [{ ...equalExpense(trip, a, [a], "10.00"), date: "2026-02-30" }, "BAD_USER_INPUT:date"],
      [{ ...equalExpense(trip, a, [a], "10.00"), description: "" }, "BAD_USER_INPUT:description"],
      [{ ...equalExpense(trip, a, [a], "10.00"), exchangeRate: "1.2" }, "BAD_USER_INPUT:exchangeRate"],
    ];
    const before = await api.group(alice, trip, `expenses(first: 200) { nodes { id } }`);
    for (const [input, expected] of cases) {
      const r = await api.addExpense(alice, input);
      const e = r.errors?.[0]?.extensions;
      expect(`${e?.code}:${e?.field}`, JSON.stringify(input)).toBe(expected);
    }
    expect((await api.group(alice, trip, `expenses(first: 200) { nodes { id } }`)).expenses.nodes).toEqual(before.expenses.nodes);
  });

  it("records a keyed expense once, however often and however concurrently it is retried", async () => {
    const input = { ...equalExpense(trip, b, [a, b], "12.00"), description: "Taxi", idempotencyKey: "taxi-1" };
    const results = await Promise.all(Array.from({ length: 6 }, () => api.expense(bob, input)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect((await api.addExpense(bob, { ...input, amount: { amount: "13.00", currency: "EUR" } })).errors?.[0]?.extensions?.code).toBe(
      "CONFLICT",
    );
    const taxis = await api.group(bob, trip, `expenses(filter: { search: "taxi" }) { nodes { id } }`);
    expect(taxis.expenses.nodes).toEqual([{ id: results[0].id }]);
  });

  it("edits and deletes (softly), moving balances, and lists with filters and cursors", async () => {
    const dinner = await api.expense(carol, { ...equalExpense(trip, c, [b, c], "40.00"), description: "Dinner", date: "2026-11-18" });
    const edited = (
      await api.ok(bob, `mutation($id: ID!, $i: UpdateGroupExpenseInput!) { updateGroupExpense(id: $id, input: $i) { ${EXPENSE} } }`, {
        id: dinner.id,
        i: {
          amount: { amount: "60.00", currency: "EUR" },
          paidBy: [{ memberId: c, amount: "60.00" }],
          split: { mode: "EQUAL", parts: [{ memberId: a }, { memberId: b }, { memberId: c }] },
        },
      })
    ).updateGroupExpense;
    expect(edited.shares.map((s: any) => s.amount.amount)).toEqual(["20.00", "20.00", "20.00"]);
    expect(edited.description).toBe("Dinner");
    const page1 = (
      await api.group(alice, trip, `expenses(first: 2, filter: { memberId: "${c}" }) { nodes { id } pageInfo { hasNextPage endCursor } }`)
    ).expenses;
    expect(page1.nodes).toHaveLength(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (
      await api.group(
        alice,
        trip,
        `expenses(first: 200, after: "${page1.pageInfo.endCursor}", filter: { memberId: "${c}" }) { nodes { id } }`,
      )
    ).expenses;
    expect(page2.nodes.map((n: any) => n.id)).not.toContain(page1.nodes[0].id);
    const ranged = (await api.group(alice, trip, `expenses(filter: { from: "2026-11-18", to: "2026-11-18" }) { nodes { id } }`)).expenses
      .nodes;
    expect(ranged).toEqual([{ id: dinner.id }]);

    const before = await api.balances(alice, trip);
    const deleted = (await api.ok(alice, `mutation($id: ID!) { deleteGroupExpense(id: $id) { deleted } }`, { id: dinner.id }))
      .deleteGroupExpense;
    expect(deleted.deleted).toBe(true);
    const after = await api.balances(alice, trip);
    expect(BigInt(after[c]!.replace(".", "")) - BigInt(before[c]!.replace(".", ""))).toBe(-4000n);
    expect(
      (await api.group(alice, trip, `expenses(filter: { from: "2026-11-18", to: "2026-11-18" }) { nodes { id } }`)).expenses.nodes,
    ).toEqual([]);
    expect(
      (await api.group(alice, trip, `expenses(filter: { from: "2026-11-18", to: "2026-11-18", includeDeleted: true }) { nodes { id } }`))
        .expenses.nodes,
    ).toEqual([{ id: dinner.id }]);
    expect(await api.outcome(alice, `query { group(id: "${trip}") { expenses(first: 0) { nodes { id } } } }`)).toBe("BAD_USER_INPUT:first");
    expect(await api.outcome(alice, `query { group(id: "${trip}") { expenses(after: "garbage") { nodes { id } } } }`)).toBe(
      "BAD_USER_INPUT:after",
    );
  });

  it("keeps balances summing to zero and settles them with the fewest transfers, after which every balance is zero", async () => {
    const balances = await api.balances(alice, trip);
    expect(sum(Object.values(balances))).toBe(0n);
    const plan = (await api.group(alice, trip, `settlementPlan { from { id } to { id } amount { amount currency } }`)).settlementPlan;
    const nonZero = Object.values(balances).filter((v) => sum([v]) !== 0n).length;
    expect(plan.length).toBeLessThanOrEqual(nonZero - 1);
    for (const [i, t] of plan.entries()) {
      await api.ok(alice, `mutation($i: RecordSettlementInput!) { recordSettlement(input: $i) { id } }`, {
        i: {
          groupId: trip,
          fromMemberId: t.from.id,
          toMemberId: t.to.id,
          amount: t.amount,
          date: "2026-11-21",
          idempotencyKey: `settle-${i}`,
        },
      });
    }
    expect(Object.values(await api.balances(alice, trip)).every((v) => sum([v]) === 0n)).toBe(true);
    expect((await api.group(alice, trip, `settlementPlan { amount { amount } }`)).settlementPlan).toEqual([]);
    const record = `mutation($i: RecordSettlementInput!) { recordSettlement(input: $i) { id } }`;
    const base = { groupId: trip, fromMemberId: a, toMemberId: b, amount: { amount: "5.00", currency: "EUR" }, date: "2026-11-21" };
    expect(await api.outcome(alice, record, { i: { ...base, toMemberId: a } })).toBe("BAD_USER_INPUT:toMemberId");
    expect(await api.outcome(alice, record, { i: { ...base, amount: { amount: "5.00", currency: "USD" } } })).toBe(
      "BAD_USER_INPUT:amount.currency",
    );
    expect(await api.outcome(alice, record, { i: { ...base, amount: { amount: "-5.00", currency: "EUR" } } })).toBe(
      "BAD_USER_INPUT:amount",
    );
    // Paying more than is owed is allowed: the balances flip, and the plan evens them out.
    await api.ok(alice, record, { i: base });
    expect(await api.balances(alice, trip)).toMatchObject({ [a]: "5.00", [b]: "-5.00" });
  });

  it("books an expense paid from a member's own ledger account in the ledger, once, and follows edits and deletes", async () => {
    const account = await sg.createAccount(alice, "EUR", "Travel card");
    const expenseInput = { ...equalExpense(trip, a, [a, b], "24.00"), description: "Museum", ledgerAccountId: account };
    // The account reaches groups through the ledger's events.
    const museum = await eventually(async () => {
      const r = await api.addExpense(alice, expenseInput);
      expect(r.errors).toBeUndefined();
      return r.data.addGroupExpense;
    });
    const postings = async (deleted = false) =>
      (
        await api.ok(
          alice,
          `query($id: ID!, $d: Boolean) { transactions(filter: { accountIds: [$id], deleted: $d }) { nodes { id amount { amount currency } payee date } } }`,
          {
            id: account,
            d: deleted,
          },
        )
      ).transactions.nodes as any[];
    await eventually(async () =>
      expect((await postings()).map((t) => [t.amount.amount, t.payee, t.date])).toEqual([["-24.00", "Museum", "2026-11-20"]]),
    );
    await api.ok(alice, `mutation($id: ID!, $i: UpdateGroupExpenseInput!) { updateGroupExpense(id: $id, input: $i) { id } }`, {
      id: museum.id,
      i: { amount: { amount: "30.00", currency: "EUR" }, paidBy: [{ memberId: a, amount: "30.00" }] },
    });
    await eventually(async () => expect((await postings()).map((t) => t.amount.amount)).toEqual(["-30.00"]));
    await api.ok(alice, `mutation($id: ID!) { deleteGroupExpense(id: $id) { id } }`, { id: museum.id });
    await eventually(async () => expect(await postings()).toEqual([]));
    expect((await postings(true)).map((t) => t.amount.amount)).toEqual(["-30.00"]);

    // A settlement Alice receives lands on her account as money in.
    await api.ok(alice, `mutation($i: RecordSettlementInput!) { recordSettlement(input: $i) { id } }`, {
      i: {
        groupId: trip,
        fromMemberId: b,
        toMemberId: a,
        amount: { amount: "7.50", currency: "EUR" },
        date: "2026-11-22",
        ledgerAccountId: account,
      },
    });
    await eventually(async () => expect((await postings()).map((t) => [t.amount.amount, t.date])).toEqual([["7.50", "2026-11-22"]]));

    // Someone else's account, or one in another currency, is refused before anything is written.
    const bobAccount = await sg.createAccount(bob, "EUR");
    const usd = await sg.createAccount(alice, "USD");
    await eventually(async () =>
      expect(
        await api.outcome(alice, `mutation($i: AddGroupExpenseInput!) { addGroupExpense(input: $i) { id } }`, {
          i: { ...expenseInput, ledgerAccountId: usd },
        }),
      ).toBe("BAD_USER_INPUT:ledgerAccountId"),
    );
    expect(
      await api.outcome(alice, `mutation($i: AddGroupExpenseInput!) { addGroupExpense(input: $i) { id } }`, {
        i: { ...expenseInput, ledgerAccountId: bobAccount },
      }),
    ).toBe("NOT_FOUND:ledgerAccountId");
    // Only what you paid can come from your account.
    expect(
      await api.outcome(bob, `mutation($i: AddGroupExpenseInput!) { addGroupExpense(input: $i) { id } }`, {
        i: { ...expenseInput, ledgerAccountId: bobAccount },
      }),
    ).toBe("BAD_USER_INPUT:ledgerAccountId");
  });
});
