import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { addDays, FixedClock } from "../../../platform/time/index.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import { insightsClient } from "./insights-client.js";
import { seededRandom } from "./support/history-generator.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

const cents = (amount: string) => BigInt(amount.replace(".", ""));

describe.each(modes)("insights analytics on %s", (_mode, config) => {
  let sg: TestSupergraph;
  let api: ReturnType<typeof insightsClient>;
  let alice: RegisteredUser;
  const cat: Record<string, string> = {};
  const acc: Record<string, string> = {};
  let posted = 0;

  const spending = async (user: RegisteredUser, from: string, to: string, rollUp = true) =>
    (
      await api.ok(
        user,
        `query($r: DateRangeInput!, $u: Boolean!) { spendingByCategory(range: $r, rollUp: $u) { currency total { amount } categories { categoryId name amount { amount } transactions } unconvertedLines } }`,
        {
          r: { from, to },
          u: rollUp,
        },
      )
    ).spendingByCategory;

  beforeAll(async () => {
    sg = await startTestSupergraph(config(), { clock: new FixedClock("2026-07-01T12:00:00Z") });
    api = insightsClient(sg);
    alice = await sg.register("Alice");
    cat.food = await api.category(alice, "Eating", "EXPENSE");
    cat.restaurants = await api.category(alice, "Dining out", "EXPENSE", cat.food);
    cat.groceries = await api.category(alice, "Supermarket", "EXPENSE", cat.food);
    cat.rent = await api.category(alice, "Flat rent", "EXPENSE");
    cat.salary = await api.category(alice, "Pay", "INCOME");
    acc.checking = await api.account(alice, "Checking", "1000.00");
    acc.savings = await api.account(alice, "Savings", "500.00", "SAVINGS");

    const random = seededRandom(20260701);
    const choices: Array<[string, number, number, string]> = [
      [cat.restaurants, -500, -8_000, "Blue Bottle"],
      [cat.groceries, -2_000, -20_000, "Market"],
      [cat.rent, -120_000, -120_000, "Landlord"],
      [cat.salary, 300_000, 450_000, "Employer"],
      [cat.food, -100, -3_000, "Corner shop"],
    ];
    for (let i = 0; i < 80; i++) {
      const [categoryId, lo, hi, payee] = choices[Math.floor(random() * choices.length)]!;
      const minor = lo + Math.round(random() * (hi - lo));
      const date = addDays("2025-01-01", Math.floor(random() * 546));
      const amount = `${minor < 0 ? "-" : ""}${Math.floor(Math.abs(minor) / 100)}.${String(Math.abs(minor) % 100).padStart(2, "0")}`;
      await api.post(alice, {
        accountId: i % 7 === 0 ? acc.savings! : acc.checking!,
        amount,
        date,
        categoryId,
        payee: `${payee} #${i % 3}`,
      });
      posted++;
    }
    await api.ok(alice, `mutation($i: TransferInput!) { transferBetweenAccounts(input: $i) { id } }`, {
      i: { fromAccountId: acc.checking, toAccountId: acc.savings, amount: { amount: "250.00", currency: "USD" }, date: "2025-06-15" },
    });
    await eventually(async () => {
      const all = await spending(alice, "2025-01-01", "2026-06-30");
      const ledger = await api.ledgerTotals(alice, { dateFrom: "2025-01-01", dateTo: "2026-06-30" });
      expect(cents(all.total.amount)).toBe(-cents(ledger.expense));
    });
  });

  afterAll(async () => {
    await sg?.close();
  });

  it("adds up to the ledger's own totals for any range, by category with subcategories rolled up", async () => {
    const random = seededRandom(7);
    const ranges: Array<[string, string]> = [
      ["2025-01-01", "2026-06-30"],
      ["2025-01-01", "2025-12-31"],
      ["2025-03-01", "2025-03-31"],
    ];
    for (let i = 0; i < 5; i++) {
      const from = addDays("2025-01-01", Math.floor(random() * 500));
      ranges.push([from, addDays(from, Math.floor(random() * 120))]);
    }
    for (const [from, to] of ranges) {
      const ledger = await api.ledgerTotals(alice, { dateFrom: from, dateTo: to });
      const insights = await spending(alice, from, to);
      expect(cents(insights.total.amount), `${from}..${to}`).toBe(-cents(ledger.expense));
      const income = (
        await api.ok(alice, `query($r: DateRangeInput!) { incomeByCategory(range: $r) { total { amount } } }`, { r: { from, to } })
      ).incomeByCategory;
      expect(cents(income.total.amount), `${from}..${to}`).toBe(cents(ledger.income));
      // Food rolls up its two subcategories and its own lines.
      const food = insights.categories.find((c: { categoryId: string }) => c.categoryId === cat.food);
      const ledgerFood = await api.ledgerTotals(alice, {
        dateFrom: from,
        dateTo: to,
        categoryIds: [cat.food, cat.restaurants, cat.groceries],
      });
      expect(cents(food?.amount.amount ?? "0.00"), `food ${from}..${to}`).toBe(-cents(ledgerFood.expense));
      // Unrolled, no Food line includes a subcategory's.
      const flat = await spending(alice, from, to, false);
      expect(flat.categories.reduce((n: bigint, c: { amount: { amount: string } }) => n + cents(c.amount.amount), 0n)).toBe(
        cents(insights.total.amount),
      );
    }
  });

  it("plots monthly trends, compares periods and gives the savings rate", async () => {
    const trend = (
      await api.ok(
        alice,
        `{ monthlyTrend(from: "2025-01", to: "2026-06") { currency income { date value } spending { date value } net { date value } } }`,
      )
    ).monthlyTrend;
    expect(trend.spending).toHaveLength(18);
    expect(trend.spending[0].date).toBe("2025-01-01");
    for (const [i, point] of trend.spending.entries()) {
      const month = point.date.slice(0, 7);
      const last = addDays(`${trend.spending[i + 1]?.date ?? "2026-07-01"}`, -1);
      const ledger = await api.ledgerTotals(alice, { dateFrom: `${month}-01`, dateTo: last });
      expect(cents(point.value), month).toBe(-cents(ledger.expense));
      expect(cents(trend.net[i].value)).toBe(cents(trend.income[i].value) - cents(point.value));
    }
    const mom = (
      await api.ok(
        alice,
        `{ compareMonths(month: "2026-03") { previousFrom previousTo current { amount } previous { amount } change { amount } categories { name change { amount } } } }`,
      )
    ).compareMonths;
    expect([mom.previousFrom, mom.previousTo]).toEqual(["2026-02-01", "2026-02-28"]);
    expect(cents(mom.change.amount)).toBe(cents(mom.current.amount) - cents(mom.previous.amount));
    const sizes = mom.categories.map((c: { change: { amount: string } }) =>
      cents(c.change.amount) < 0n ? -cents(c.change.amount) : cents(c.change.amount),
    );
    expect([...sizes].sort((a, b) => (b > a ? 1 : b < a ? -1 : 0))).toEqual(sizes);
    const yoy = (await api.ok(alice, `{ compareMonths(month: "2026-03", against: SAME_MONTH_LAST_YEAR) { previousFrom previousTo } }`))
      .compareMonths;
    expect([yoy.previousFrom, yoy.previousTo]).toEqual(["2025-03-01", "2025-03-31"]);

    const rate = (
      await api.ok(
        alice,
        `{ savingsRate(range: {from: "2025-01-01", to: "2025-12-31"}) { income { amount } spending { amount } saved { amount } ratePercent } }`,
      )
    ).savingsRate;
    const ledger = await api.ledgerTotals(alice, { dateFrom: "2025-01-01", dateTo: "2025-12-31" });
    expect(rate.income.amount).toBe(ledger.income);
    expect(cents(rate.saved.amount)).toBe(cents(ledger.income) + cents(ledger.expense));
  });

  it("follows net worth over time from the accounts' balances", async () => {
    const history = (
      await api.ok(
        alice,
        `{ netWorthHistory(range: {from: "2024-12-01", to: "2026-06-30"}) { currency netWorth { date value } assets { value } liabilities { value } leftOut } }`,
      )
    ).netWorthHistory;
    expect(history.netWorth[0]).toEqual({ date: "2024-12-31", value: "1500.00" });
    expect(history.netWorth.at(-1).date).toBe("2026-06-30");
    const balances = (await api.ok(alice, `{ accounts { currency balance { amount } } }`)).accounts;
    const total = balances.reduce((n: bigint, a: { balance: { amount: string } }) => n + cents(a.balance.amount), 0n);
    expect(cents(history.netWorth.at(-1).value)).toBe(total);
    expect(history.leftOut).toBe(0);
    expect(posted).toBe(80);
  });

  it("refuses bad ranges with the field named, and shows one user nothing of another's", async () => {
    const bad: Array<[string, string]> = [
      [`{ spendingByCategory(range: {from: "2025-02-01", to: "2025-01-01"}) { currency } }`, "BAD_USER_INPUT:range.from"],
      [`{ spendingByCategory(range: {from: "2025-02-30", to: "2025-03-01"}) { currency } }`, "BAD_USER_INPUT:range.from"],
      [`{ spendingByCategory(range: {from: "1800-01-01", to: "2025-03-01"}) { currency } }`, "BAD_USER_INPUT:range.from"],
      [`{ spendingByPayee(range: {from: "2025-01-01", to: "2025-03-01"}, first: 0) { payee } }`, "BAD_USER_INPUT:first"],
      [`{ monthlyTrend(from: "2010-01", to: "2025-01") { currency } }`, "BAD_USER_INPUT:to"],
      [`{ monthlyTrend(from: "2025-13", to: "2025-01") { currency } }`, "BAD_USER_INPUT:from"],
      [`{ compareMonths(month: "March") { currency } }`, "BAD_USER_INPUT:month"],
      [`{ netWorthHistory(range: {from: "2020-01-01", to: "2025-01-01"}, interval: DAY) { currency } }`, "BAD_USER_INPUT:range"],
    ];
    for (const [query, expected] of bad) expect(await api.outcome(alice, query), query).toBe(expected);
    const bob = await sg.register("Bob");
    const theirs = await spending(bob, "2025-01-01", "2026-06-30");
    expect(theirs.total.amount).toBe("0.00");
    expect(theirs.categories).toEqual([]);
    const payees = (
      await api.ok(alice, `{ spendingByPayee(range: {from: "2025-01-01", to: "2026-06-30"}, first: 3) { payee amount { amount } } }`)
    ).spendingByPayee;
    expect(payees.length).toBeGreaterThan(0);
    expect((await api.ok(bob, `{ spendingByPayee(range: {from: "2025-01-01", to: "2026-06-30"}) { payee } }`)).spendingByPayee).toEqual([]);
  });
});
