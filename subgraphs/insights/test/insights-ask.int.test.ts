import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import { insightsClient } from "./insights-client.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

const ASK = `query($q: String!) { ask(question: $q) {
  understood text interpretation problem unmatched
  query { kind measure from to fromB toB categoryIds categoryNames payee limit }
  data { currency total { amount } totalB { amount } change { amount } changePercent income { amount } spending { amount } ratePercent
         items { label amount { amount } date transactionId categoryId sharePercent } unconvertedLines }
  capabilities { kind description examples }
} }`;

describe.each(modes)("ask in plain words on %s", (_mode, config) => {
  let sg: TestSupergraph;
  let api: ReturnType<typeof insightsClient>;
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  const cat: Record<string, string> = {};
  const tx: Record<string, string> = {};

  const ask = async (user: RegisteredUser, q: string) => (await api.ok(user, ASK, { q })).ask;

  beforeAll(async () => {
    // Sunday 2026-11-15: "last month" is October, "this month" November 1 to 15.
    sg = await startTestSupergraph(config(), { clock: new FixedClock("2026-11-15T12:00:00Z") });
    api = insightsClient(sg);
    alice = await sg.register("Alice");
    bob = await sg.register("Bob");
    // The ledger gives every new user its default categories (Food > Groceries, Restaurants; Housing > Rent; Salary...).
    const categories = await eventually(async () => {
      const list = (await api.ok(alice, `{ categories { id name } }`)).categories as Array<{ id: string; name: string }>;
      expect(list.length).toBeGreaterThan(0);
      return list;
    });
    for (const name of ["Food", "Groceries", "Restaurants", "Rent", "Salary"]) cat[name] = categories.find((c) => c.name === name)!.id;
    const account = await api.account(alice, "Everyday", "0.00");
    const post = (key: string, date: string, amount: string, categoryId: string, payee: string) =>
      api.post(alice, { accountId: account, date, amount, categoryId, payee }).then((id) => (tx[key] = id));
    await post("rent", "2026-10-01", "-1500.00", cat.Rent!, "Landlord");
    await post("bb1", "2026-10-03", "-4.50", cat.Restaurants!, "SQ *BLUE BOTTLE 1234");
    await post("wf1", "2026-10-05", "-85.40", cat.Groceries!, "Whole Foods Market");
    await post("bb2", "2026-10-10", "-5.25", cat.Restaurants!, "SQ *BLUE BOTTLE 5678");
    await post("corner", "2026-10-12", "-3.00", cat.Food!, "Corner shop");
    await post("wf2", "2026-10-19", "-64.10", cat.Groceries!, "Whole Foods Market");
    await post("chez", "2026-10-20", "-120.00", cat.Restaurants!, "Chez Panisse");
    await post("salary", "2026-10-25", "4000.00", cat.Salary!, "ACME Corp");
    await post("wf3", "2026-11-02", "-50.00", cat.Groceries!, "Whole Foods Market");
    await post("bb3", "2026-11-04", "-6.00", cat.Restaurants!, "SQ *BLUE BOTTLE 1234");
    await post("wf4", "2026-11-09", "-70.00", cat.Groceries!, "Whole Foods Market");
    await post("september", "2026-09-10", "-100.00", cat.Groceries!, "Whole Foods Market");
    await eventually(async () => {
      const insights = (await api.ok(alice, `{ spendingByCategory(range: {from: "2026-09-01", to: "2026-11-15"}) { total { amount } } }`))
        .spendingByCategory;
      expect(insights.total.amount).toBe("2008.25");
      expect((await api.ledgerTotals(alice, { dateFrom: "2026-09-01", dateTo: "2026-11-15" })).expense).toBe("-2008.25");
    });
  });

  afterAll(async () => {
    await sg?.close();
  });

  it("answers a category total, subcategories rolled up, as the ledger counts it", async () => {
    const restaurants = await ask(alice, "How much did I spend on restaurants last month?");
    expect(restaurants).toMatchObject({
      understood: true,
      text: "You spent 129.75 USD on Restaurants from 2026-10-01 to 2026-10-31.",
      interpretation: "Spending in Restaurants from 2026-10-01 to 2026-10-31",
      problem: null,
      capabilities: [],
      query: {
        kind: "SPENDING_TOTAL",
        measure: null,
        from: "2026-10-01",
        to: "2026-10-31",
        fromB: null,
        categoryIds: [cat.Restaurants],
        categoryNames: ["Restaurants"],
        payee: null,
        limit: null,
      },
      data: { currency: "USD", total: { amount: "129.75" }, totalB: null, items: [], unconvertedLines: 0 },
    });
    const ledger = await api.ledgerTotals(alice, { dateFrom: "2026-10-01", dateTo: "2026-10-31", categoryIds: [cat.Restaurants] });
    expect(ledger.expense).toBe("-129.75");

    const food = await ask(alice, "how much did I spend on food last month");
    const ledgerFood = await api.ledgerTotals(alice, {
      dateFrom: "2026-10-01",
      dateTo: "2026-10-31",
      categoryIds: [cat.Food, cat.Groceries, cat.Restaurants],
    });
    expect(food.data.total.amount).toBe("282.25");
    expect(ledgerFood.expense).toBe("-282.25");

    const income = await ask(alice, "How much did I earn in October?");
    expect(income.text).toBe("You received 4000.00 USD from 2026-10-01 to 2026-10-31.");
    expect((await api.ledgerTotals(alice, { dateFrom: "2026-10-01", dateTo: "2026-10-31" })).income).toBe("4000.00");
  });

  it("lists the largest expenses with their transactions", async () => {
    const top = await ask(alice, "What were my biggest expenses in October?");
    expect(top.query).toMatchObject({ kind: "TOP_EXPENSES", from: "2026-10-01", to: "2026-10-31", limit: 10 });
    expect(top.data.items.map((i: { label: string; amount: { amount: string }; date: string; transactionId: string }) => i)).toEqual([
      {
        label: "Landlord",
        amount: { amount: "1500.00" },
        date: "2026-10-01",
        transactionId: tx.rent,
        categoryId: null,
        sharePercent: null,
      },
      {
        label: "Chez Panisse",
        amount: { amount: "120.00" },
        date: "2026-10-20",
        transactionId: tx.chez,
        categoryId: null,
        sharePercent: null,
      },
      {
        label: "Whole Foods Market",
        amount: { amount: "85.40" },
        date: "2026-10-05",
        transactionId: tx.wf1,
        categoryId: null,
        sharePercent: null,
      },
      {
        label: "Whole Foods Market",
        amount: { amount: "64.10" },
        date: "2026-10-19",
        transactionId: tx.wf2,
        categoryId: null,
        sharePercent: null,
      },
      {
        label: "SQ *BLUE BOTTLE 5678",
        amount: { amount: "5.25" },
        date: "2026-10-10",
        transactionId: tx.bb2,
        categoryId: null,
        sharePercent: null,
      },
      {
        label: "SQ *BLUE BOTTLE 1234",
        amount: { amount: "4.50" },
        date: "2026-10-03",
        transactionId: tx.bb1,
        categoryId: null,
        sharePercent: null,
      },
      {
        label: "Corner shop",
        amount: { amount: "3.00" },
        date: "2026-10-12",
        transactionId: tx.corner,
        categoryId: null,
        sharePercent: null,
      },
    ]);
    expect(top.text).toMatch(
      /^Your 7 largest expenses from 2026-10-01 to 2026-10-31: 1500\.00 USD at Landlord on 2026-10-01; .*; and 2 more\.$/,
    );
    const one = await ask(alice, "what was my biggest expense on restaurants last month");
    expect(one.text).toBe(
      "Your largest expense on Restaurants from 2026-10-01 to 2026-10-31 was 120.00 USD at Chez Panisse on 2026-10-20.",
    );
  });

  it("compares like for like, and finds a payee however the bank printed it", async () => {
    const groceries = await ask(alice, "Compare groceries this month vs last month");
    expect(groceries.query).toMatchObject({
      kind: "COMPARE",
      measure: "SPENDING",
      from: "2026-11-01",
      to: "2026-11-15",
      fromB: "2026-10-01",
      toB: "2026-10-15",
      categoryIds: [cat.Groceries],
    });
    // 50.00 + 70.00 against 85.40: 34.60 more, 34.60 / 85.40 = 40.52 %.
    expect(groceries.data).toMatchObject({
      total: { amount: "120.00" },
      totalB: { amount: "85.40" },
      change: { amount: "34.60" },
      changePercent: "40.52",
    });
    expect(groceries.text).toBe(
      "You spent 120.00 USD on Groceries from 2026-11-01 to 2026-11-15, against 85.40 USD from 2026-10-01 to 2026-10-15: 34.60 USD more (+40.52 %).",
    );
    for (const [from, to, amount] of [
      ["2026-11-01", "2026-11-15", "-120.00"],
      ["2026-10-01", "2026-10-15", "-85.40"],
    ] as const) {
      expect((await api.ledgerTotals(alice, { dateFrom: from, dateTo: to, categoryIds: [cat.Groceries] })).expense).toBe(amount);
    }

    // "Blue Bottle" is the most used of its payees; both store numbers are the same merchant: 4.50 + 5.25.
    const blueBottle = await ask(alice, "What did I spend at Blue Bottle last month?");
    expect(blueBottle.query).toMatchObject({ kind: "SPENDING_TOTAL", payee: "SQ *BLUE BOTTLE 1234", categoryIds: [] });
    expect(blueBottle.text).toBe("You spent 9.75 USD at SQ *BLUE BOTTLE 1234 from 2026-10-01 to 2026-10-31.");
  });

  it("breaks spending down by category and gives the savings rate", async () => {
    const where = await ask(alice, "Where did my money go last month?");
    // Rent rolls up into Housing, Groceries and Restaurants into Food: 1500.00 / 1782.25 = 84.16 %.
    expect(where.data.total.amount).toBe("1782.25");
    expect(
      where.data.items.map((i: { label: string; amount: { amount: string }; sharePercent: string; categoryId: string }) => [
        i.label,
        i.amount.amount,
        i.sharePercent,
      ]),
    ).toEqual([
      ["Housing", "1500.00", "84.16"],
      ["Food", "282.25", "15.84"],
    ]);
    expect(where.text).toBe(
      "You spent 1782.25 USD from 2026-10-01 to 2026-10-31: Housing 1500.00 USD (84.16 %) and Food 282.25 USD (15.84 %).",
    );

    const rate = await ask(alice, "What was my savings rate last month?");
    // (4000.00 − 1782.25) / 4000.00 = 55.44 %.
    expect(rate.data).toMatchObject({
      total: { amount: "2217.75" },
      income: { amount: "4000.00" },
      spending: { amount: "1782.25" },
      ratePercent: "55.44",
    });
    expect(rate.text).toBe(
      "From 2026-10-01 to 2026-10-31 you received 4000.00 USD and spent 1782.25 USD: you saved 2217.75 USD, 55.44 % of your income.",
    );
  });

  it("says what can be asked when it does not understand, and never errs", async () => {
    const unrelated = await ask(alice, "Who painted the Mona Lisa?");
    expect(unrelated).toMatchObject({ understood: false, problem: "NOT_UNDERSTOOD", query: null, data: null, interpretation: null });
    expect(unrelated.capabilities.map((c: { kind: string }) => c.kind)).toEqual([
      "SPENDING_TOTAL",
      "INCOME_TOTAL",
      "TOP_EXPENSES",
      "COMPARE",
      "SPENDING_BY_CATEGORY",
      "SAVINGS_RATE",
    ]);
    expect(unrelated.capabilities[0].examples).toContain("How much did I spend on restaurants last month?");

    const tooLong = await ask(alice, `How much did I spend ${"on food and ".repeat(30)}last month?`);
    expect(tooLong).toMatchObject({ understood: false, problem: "TOO_LONG" });
    expect(tooLong.capabilities).toHaveLength(6);
    expect(await ask(alice, "How much did I spend on yachts last month?")).toMatchObject({
      understood: false,
      problem: "UNKNOWN_CATEGORY",
      unmatched: "yachts",
    });
    expect(await ask(alice, "How much will I spend next month?")).toMatchObject({ understood: false, problem: "FUTURE_PERIOD" });
  });

  it("shows one user nothing of another's", async () => {
    const restaurants = await ask(bob, "How much did I spend on restaurants last month?");
    expect(restaurants.data.total.amount).toBe("0.00");
    expect(restaurants.query.categoryIds).not.toContain(cat.Restaurants);
    expect((await ask(bob, "What were my biggest expenses in October?")).data.items).toEqual([]);
    // Alice's payees are not Bob's to match.
    expect(await ask(bob, "What did I spend at Blue Bottle last month?")).toMatchObject({ understood: false, problem: "UNKNOWN_PAYEE" });
    expect((await ask(bob, "What was my savings rate last month?")).text).toBe(
      "From 2026-10-01 to 2026-10-31 you had no income and spent 0.00 USD, so there is no savings rate.",
    );
  });
});
