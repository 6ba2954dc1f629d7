import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { addDays, FixedClock } from "../../../platform/time/index.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import type { InsightsDeps } from "../insights.deps.js";
import { insightsClient } from "./insights-client.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

const SUBSCRIPTIONS = `{ subscriptions { id merchant cadence typicalAmount { amount } lastAmount { amount } nextExpectedDate yearlyCost { amount } active priceIncreases { date from { amount } to { amount } } transactionIds } }`;
const ANOMALIES = `query($d: Boolean!) { anomalies(includeDismissed: $d) { id kind explanation date transactionIds dismissedAt } }`;
const RECOMMENDATIONS = `{ recommendations { id kind title figures { label value } } }`;

// Today is 2026-06-20. Alice has six months of groceries, a streaming subscription whose price went
// up in April, one grocery bill far above the rest, a double charge, and little cash.
describe.each(modes)("recurring charges, anomalies and recommendations on %s", (_mode, config) => {
  let sg: TestSupergraph;
  let api: ReturnType<typeof insightsClient>;
  let deps: InsightsDeps;
  let alice: RegisteredUser;
  let account: string;
  let big: string;
  let double: string;
  let posted = 0;

  beforeAll(async () => {
    sg = await startTestSupergraph(config(), { clock: new FixedClock("2026-06-20T12:00:00Z") });
    api = insightsClient(sg);
    deps = sg.subgraph<InsightsDeps>("insights").deps;
    alice = await sg.register("Alice");
    account = await api.account(alice, "Everyday", "3000.00");
    const groceries = await api.category(alice, "Food shop", "EXPENSE");
    const streaming = await api.category(alice, "Streaming", "EXPENSE");
    const pay = await api.category(alice, "Wages", "INCOME");
    const post = async (amount: string, date: string, categoryId: string, payee: string) => {
      posted++;
      return api.post(alice, { accountId: account, amount, date, categoryId, payee });
    };
    // 15.49 on the 3rd of January to March, then 17.99 from April.
    for (const [month, price] of [
      ["01", "15.49"],
      ["02", "15.49"],
      ["03", "15.49"],
      ["04", "17.99"],
      ["05", "17.99"],
      ["06", "17.99"],
    ]) {
      await post(`-${price}`, `2026-${month}-03`, streaming, "NETFLIX.COM 866-579-7172");
    }
    // Groceries every 6 days since January: 48.00 to 61.50.
    for (let i = 0; i < 28; i++) {
      const cents = 4800 + (i % 10) * 150;
      await post(
        `-${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`,
        addDays("2026-01-02", i * 6),
        groceries,
        `MARKET STORE ${100 + i}`,
      );
    }
    for (const month of ["01", "02", "03", "04", "05", "06"]) await post("2500.00", `2026-${month}-01`, pay, "EMPLOYER PAYROLL");
    big = await post("-420.00", "2026-06-15", groceries, "MARKET STORE 999");
    await post("-23.40", "2026-06-17", groceries, "CORNER DELI");
    double = await post("-23.40", "2026-06-18", groceries, "CORNER DELI");
    await eventually(async () => {
      const n = (await deps.transactions.between(alice.id, "2026-01-01", "2026-06-20")).length;
      expect(n).toBe(posted);
    });
    await deps.anomalyJob.runPending();
  });

  afterAll(async () => {
    await sg?.close();
  });

  it("finds the monthly subscription, its next date, yearly cost and price increase", async () => {
    const subs = (await api.ok(alice, SUBSCRIPTIONS)).subscriptions;
    const netflix = subs.find((s: { merchant: string }) => s.merchant.startsWith("NETFLIX"));
    expect(netflix).toMatchObject({
      cadence: "MONTHLY",
      typicalAmount: { amount: "17.99" },
      lastAmount: { amount: "17.99" },
      nextExpectedDate: "2026-07-03",
      // 17.99 × 12.
      yearlyCost: { amount: "215.88" },
      active: true,
      priceIncreases: [{ date: "2026-04-03", from: { amount: "15.49" }, to: { amount: "17.99" } }],
    });
    expect(netflix.transactionIds).toHaveLength(6);
    // The salary is income: left out unless asked for.
    expect(subs.some((s: { merchant: string }) => s.merchant.startsWith("EMPLOYER"))).toBe(false);
  });

  it("flags the unusual grocery bill and the double charge once each, says why, and lets them be dismissed", async () => {
    const found = (await api.ok(alice, ANOMALIES, { d: false })).anomalies;
    const unusual = found.find(
      (a: { kind: string; transactionIds: string[] }) => a.kind === "UNUSUAL_AMOUNT" && a.transactionIds.includes(big),
    );
    const duplicate = found.find((a: { kind: string }) => a.kind === "DUPLICATE_CHARGE");
    expect(unusual?.explanation).toMatch(/420\.00/);
    expect(duplicate?.transactionIds.at(-1)).toBe(double);
    const announced = await sg
      .subgraph("insights")
      .kit.dataSource.query(`SELECT envelope->'data'->>'kind' AS kind FROM insights.outbox WHERE type = 'AnomalyDetected' AND key = $1`, [
        alice.id,
      ]);
    expect(announced.filter((a: { kind: string }) => a.kind === "DUPLICATE_CHARGE")).toHaveLength(1);
    // Scanning again finds nothing new to store or announce.
    await deps.anomalies.markDirty(sg.subgraph("insights").kit.dataSource.manager, alice.id);
    await deps.anomalyJob.runPending();
    expect((await api.ok(alice, ANOMALIES, { d: false })).anomalies).toHaveLength(found.length);

    const dismissed = (await api.ok(alice, `mutation($id: ID!) { dismissAnomaly(id: $id) { id dismissedAt } }`, { id: duplicate.id }))
      .dismissAnomaly;
    expect(dismissed.dismissedAt).not.toBeNull();
    expect((await api.ok(alice, ANOMALIES, { d: false })).anomalies.map((a: { id: string }) => a.id)).not.toContain(duplicate.id);
    expect((await api.ok(alice, ANOMALIES, { d: true })).anomalies.map((a: { id: string }) => a.id)).toContain(duplicate.id);
    const bob = await sg.register("Bob");
    expect(await api.outcome(bob, `mutation($id: ID!) { dismissAnomaly(id: $id) { id } }`, { id: unusual.id })).toBe("NOT_FOUND");
    expect((await api.ok(bob, ANOMALIES, { d: true })).anomalies).toEqual([]);
  });

  it("recommends with the figures behind each, and a dismissed recommendation stays hidden", async () => {
    const recs = (await api.ok(alice, RECOMMENDATIONS)).recommendations;
    const kinds = recs.map((r: { kind: string }) => r.kind);
    expect(kinds).toContain("SUBSCRIPTION_PRICE_INCREASE");
    const increase = recs.find((r: { kind: string }) => r.kind === "SUBSCRIPTION_PRICE_INCREASE");
    // 2.50 more a month: 30.00 a year.
    expect(increase.figures).toEqual([
      { label: "before", value: "15.49 USD" },
      { label: "now", value: "17.99 USD" },
      { label: "more a year", value: "30.00 USD" },
    ]);
    expect(await api.ok(alice, `mutation($id: ID!) { dismissRecommendation(id: $id) }`, { id: increase.id })).toEqual({
      dismissRecommendation: true,
    });
    expect((await api.ok(alice, RECOMMENDATIONS)).recommendations.map((r: { id: string }) => r.id)).not.toContain(increase.id);
    expect(await api.outcome(alice, `mutation($id: ID!) { dismissRecommendation(id: $id) }`, { id: "no-such-advice" })).toBe("NOT_FOUND");
  });
});
