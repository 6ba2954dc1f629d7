import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import type { InsightsDeps } from "../insights.deps.js";
import { insightsClient, usd } from "./insights-client.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

const SUGGEST = `query($p: String!, $a: MoneyInput!, $n: String) { suggestCategory(payee: $p, amount: $a, notes: $n) { categoryId name confidence } }`;

describe.each(modes)("the learning categorizer on %s", (_mode, config) => {
  let sg: TestSupergraph;
  let api: ReturnType<typeof insightsClient>;
  let alice: RegisteredUser;
  let account: string;
  const cat: Record<string, string> = {};

  const db = () => sg.subgraph<InsightsDeps>("insights").kit.dataSource;
  const suggestionsFor = async (transactionId: string) =>
    db().query(
      `SELECT envelope->'data'->>'categoryId' AS category, envelope->'data'->>'confidence' AS confidence FROM insights.outbox WHERE type = 'CategorySuggested' AND envelope->'data'->>'transactionId' = $1`,
      [transactionId],
    );

  beforeAll(async () => {
    sg = await startTestSupergraph(config(), { clock: new FixedClock("2026-03-01T12:00:00Z") });
    api = insightsClient(sg);
    alice = await sg.register("Alice");
    account = await api.account(alice, "Everyday", "0.00");
    cat.coffee = await api.category(alice, "Coffee shops", "EXPENSE");
    cat.fuel = await api.category(alice, "Car fuel", "EXPENSE");
    cat.rent = await api.category(alice, "Flat rent", "EXPENSE");
    const history: Array<[string, string, string]> = [
      ["SQ *BLUE BOTTLE 1234 SAN FRANCISCO CA", "-4.50", cat.coffee!],
      ["SQ *BLUE BOTTLE 5521", "-5.25", cat.coffee!],
      ["STARBUCKS STORE 00231", "-6.10", cat.coffee!],
      ["SHELL OIL 57442103", "-48.20", cat.fuel!],
      ["CHEVRON 0203344", "-52.75", cat.fuel!],
      ["SHELL OIL 11190022", "-39.99", cat.fuel!],
      ["PROPERTY MGMT LLC RENT", "-1800.00", cat.rent!],
      ["PROPERTY MGMT LLC RENT", "-1800.00", cat.rent!],
    ];
    for (const [i, [payee, amount, categoryId]] of history.entries()) {
      await api.post(alice, { accountId: account, amount, date: `2026-01-${String(i + 1).padStart(2, "0")}`, categoryId, payee });
    }
    await eventually(async () => {
      const [top] = (await api.ok(alice, SUGGEST, { p: "PROPERTY MGMT LLC", a: usd("-1800.00") })).suggestCategory;
      expect(top?.categoryId).toBe(cat.rent);
    });
  });

  afterAll(async () => {
    await sg?.close();
  });

  it("suggests the three likeliest categories from the user's own history, noisy payees included", async () => {
    const top3 = (await api.ok(alice, SUGGEST, { p: "SQ *BLUE BOTTLE 9876 OAKLAND CA", a: usd("-4.75") })).suggestCategory;
    expect(top3).toHaveLength(3);
    expect(top3[0]).toMatchObject({ categoryId: cat.coffee, name: "Coffee shops" });
    const confidences = top3.map((s: { confidence: string }) => Number(s.confidence));
    expect(confidences[0]).toBeGreaterThan(0.5);
    expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
    expect(confidences.reduce((a: number, b: number) => a + b, 0)).toBeLessThanOrEqual(1);
    expect((await api.ok(alice, SUGGEST, { p: "SHELL 9921", a: usd("-45.00") })).suggestCategory[0].categoryId).toBe(cat.fuel);
  });

  it("announces a suggestion for a new uncategorised transaction, and forgets what an edit takes back", async () => {
    const id = await api.post(alice, { accountId: account, amount: "-5.00", date: "2026-02-10", payee: "SQ *BLUE BOTTLE 7777" });
    await eventually(async () =>
      expect(await suggestionsFor(id)).toEqual([{ category: cat.coffee, confidence: expect.stringMatching(/^0\.\d{4}$|^1\.0000$/) }]),
    );
    // Rent transactions re-filed as fuel: the model follows the edit (untrained, then trained anew).
    const before = (await api.ok(alice, SUGGEST, { p: "PROPERTY MGMT LLC RENT", a: usd("-1800.00") })).suggestCategory[0].categoryId;
    expect(before).toBe(cat.rent);
    const rents = (
      await api.ok(alice, `query($f: TransactionFilter) { transactions(first: 10, filter: $f) { nodes { id } } }`, {
        f: { categoryIds: [cat.rent] },
      })
    ).transactions.nodes;
    for (const t of rents)
      await api.ok(alice, `mutation($id: ID!, $i: UpdateTransactionInput!) { updateTransaction(id: $id, input: $i) { id } }`, {
        id: t.id,
        i: { categoryId: cat.fuel },
      });
    await eventually(async () => {
      const after = (await api.ok(alice, SUGGEST, { p: "PROPERTY MGMT LLC RENT", a: usd("-1800.00") })).suggestCategory;
      expect(after.map((s: { categoryId: string }) => s.categoryId)).not.toContain(cat.rent);
    });
  });

  it("rebuilds the user's read models from the topics to the same results, and announces nothing again", async () => {
    const read = async () => ({
      suggestions: (await api.ok(alice, SUGGEST, { p: "SQ *BLUE BOTTLE 4321", a: usd("-4.80") })).suggestCategory,
      spending: (
        await api.ok(
          alice,
          `{ spendingByCategory(range: {from: "2026-01-01", to: "2026-02-28"}) { total { amount } categories { categoryId amount { amount } transactions } } }`,
        )
      ).spendingByCategory,
      payees: (await api.ok(alice, `{ spendingByPayee(range: {from: "2026-01-01", to: "2026-02-28"}) { payee amount { amount } } }`))
        .spendingByPayee,
      worth: (await api.ok(alice, `{ netWorthHistory(range: {from: "2026-01-01", to: "2026-02-28"}) { netWorth { date value } } }`))
        .netWorthHistory,
    });
    const before = await read();
    const announced = async () =>
      (await db().query(`SELECT count(*)::int AS n FROM insights.outbox WHERE type = 'CategorySuggested' AND key = $1`, [alice.id]))[0].n;
    const suggestionsBefore = await announced();
    // A read model gone wrong: the lines lost. The rebuild restores them from the events.
    await db().query(`DELETE FROM insights.lines WHERE user_id = $1`, [alice.id]);
    const rebuilt = (await api.ok(alice, `mutation { rebuildInsights { events } }`)).rebuildInsights;
    expect(rebuilt.events).toBeGreaterThan(10);
    expect(await read()).toEqual(before);
    expect(await announced()).toBe(suggestionsBefore);
    // Bob's rebuild touches nothing of Alice's.
    const bob = await sg.register("Bob rebuilds");
    await api.ok(bob, `mutation { rebuildInsights { events } }`);
    expect(await read()).toEqual(before);
  });

  it("keeps what it learnt to the user, and refuses bad input", async () => {
    const bob = await sg.register("Bob");
    expect((await api.ok(bob, SUGGEST, { p: "SQ *BLUE BOTTLE 1234", a: usd("-4.50") })).suggestCategory).toEqual([]);
    expect(await api.outcome(alice, SUGGEST, { p: "x".repeat(401), a: usd("-1.00") })).toBe("BAD_USER_INPUT:payee");
    expect(await api.outcome(alice, SUGGEST, { p: "Shop", a: { amount: "1.234", currency: "USD" } })).toMatch(/^BAD_USER_INPUT/);
  });
});
