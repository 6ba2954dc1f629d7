import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import { buy, cur, investmentsClient, usd } from "./investments-client.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

const eur = cur("EUR");
const PERFORMANCE = `query($id: ID!, $from: String!, $to: String!) { portfolio(id: $id) { performance(from: $from, to: $to) {
  timeWeightedReturn moneyWeightedReturn startValue { amount currency } endValue { amount } netContributions { amount } gain { amount }
  dividends { amount } fees { amount } } } }`;
const HISTORY = `query($id: ID!, $from: String!, $to: String!, $interval: ValueInterval!) { portfolio(id: $id) {
  valueHistory(from: $from, to: $to, interval: $interval) { date value { amount } netContributions { amount } missingPrice { symbol } missingRate } } }`;
const ALLOCATION = `query($id: ID!, $by: AllocationDimension!) { portfolio(id: $id) { allocation(by: $by) { key label value { amount currency } percent } } }`;

describe.each(modes)("valuation and performance on %s", (_mode, config) => {
  const clock = new FixedClock("2025-07-01T12:00:00Z");
  let sg: TestSupergraph;
  let api: ReturnType<typeof investmentsClient>;
  let alice: RegisteredUser;
  let growth: string;

  beforeAll(async () => {
    sg = await startTestSupergraph(config(), { clock });
    api = investmentsClient(sg);
    alice = await sg.register("Alice");
    // Two buys of PPP at the day's close, a dividend between them and the end: see the figures below.
    growth = (await api.createPortfolio(alice, { name: "Growth" })).id;
    await api.recordAll(alice, growth, [
      buy("PPP", "10", "100.00", "2025-01-01"),
      buy("PPP", "10", "110.00", "2025-02-01", "1.00"),
      { type: "DIVIDEND", symbol: "PPP", amount: usd("5.00"), date: "2025-02-10" },
    ]);
    await api.setPrices(alice, [
      { symbol: "PPP", date: "2025-01-01", close: usd("100.00") },
      { symbol: "PPP", date: "2025-01-15", close: usd("110.00") },
      { symbol: "PPP", date: "2025-02-01", close: usd("110.00") },
      { symbol: "PPP", date: "2025-02-15", close: usd("121.00") },
    ]);
  });

  afterAll(async () => {
    await sg?.close();
  });

  it("values holdings at the latest close on or before today and says how old it is", async () => {
    const [holding] = await api.holdings(
      alice,
      growth,
      false,
      "quantity costBasis { amount } price { amount } priceDate marketValue { amount } unrealizedGain { amount }",
    );
    expect(holding).toEqual({
      quantity: "20",
      costBasis: { amount: "2101.00" },
      price: { amount: "121.00" },
      priceDate: "2025-02-15",
      marketValue: { amount: "2420.00" },
      unrealizedGain: { amount: "319.00" },
    });
    expect((await api.portfolio(alice, growth, "value { amount currency }")).value).toEqual({ amount: "2420.00", currency: "USD" });
    // A close replaced for a day already priced is seen at once (valuations keep price histories in memory).
    await api.setPrices(alice, [{ symbol: "PPP", date: "2025-02-15", close: usd("125.00") }]);
    expect((await api.portfolio(alice, growth, "value { amount }")).value).toEqual({ amount: "2500.00" });
    await api.setPrices(alice, [{ symbol: "PPP", date: "2025-02-15", close: usd("121.00") }]);
    expect((await api.portfolio(alice, growth, "value { amount }")).value).toEqual({ amount: "2420.00" });
  });

  it("measures time- and money-weighted returns by their textbook definitions", async () => {
    // Sub-periods split at each flow: 1,000 → 1,100 (+10%); 1,100 + 1,101 in → 2,205 with the dividend paid out at the end of
    // 10 Feb; 2,205 − 5 → 2,420 (+10%). TWR = 1.1 × 2205/2201 × 2420/2200 − 1 = 21.2199%.
    // XIRR of −1,000 (1 Jan), −1,101 (1 Feb), +5 (10 Feb), +2,420 (2 Mar: the end of 1 Mar) = 227.708%.
    const year = (await api.ok(alice, PERFORMANCE, { id: growth, from: "2025-01-01", to: "2025-03-01" })).portfolio.performance;
    expect(year).toEqual({
      timeWeightedReturn: "21.22",
      moneyWeightedReturn: "227.71",
      startValue: { amount: "0.00", currency: "USD" },
      endValue: { amount: "2420.00" },
      netContributions: { amount: "2096.00" },
      gain: { amount: "324.00" },
      dividends: { amount: "5.00" },
      fees: { amount: "1.00" },
    });
    // From 1 Feb: the start value is the close of 31 Jan (1,100.00), netted with that day's buy for XIRR.
    const feb = (await api.ok(alice, PERFORMANCE, { id: growth, from: "2025-02-01", to: "2025-03-01" })).portfolio.performance;
    expect(feb).toMatchObject({
      timeWeightedReturn: "10.20",
      moneyWeightedReturn: "239.28",
      startValue: { amount: "1100.00" },
      netContributions: { amount: "1096.00" },
      gain: { amount: "224.00" },
    });
    for (const [from, to, expected] of [
      ["2025-03-02", "2025-03-01", "BAD_USER_INPUT:from"],
      ["2025-01-01", "2025-07-02", "BAD_USER_INPUT:to"],
      ["2025-02-30", "2025-03-01", "BAD_USER_INPUT:from"],
    ])
      expect(await api.outcome(alice, PERFORMANCE, { id: growth, from, to }), `${from}..${to}`).toBe(expected);
  });

  it("charts the value at each interval's end, with contributions, and reports a missing price instead of guessing", async () => {
    const weeks = (await api.ok(alice, HISTORY, { id: growth, from: "2025-01-01", to: "2025-02-01", interval: "WEEK" })).portfolio
      .valueHistory;
    expect(weeks.map((p: any) => [p.date, p.value.amount, p.netContributions.amount])).toEqual([
      ["2025-01-01", "1000.00", "1000.00"],
      ["2025-01-08", "1000.00", "1000.00"],
      ["2025-01-15", "1100.00", "1000.00"],
      ["2025-01-22", "1100.00", "1000.00"],
      ["2025-01-29", "1100.00", "1000.00"],
      ["2025-02-01", "2200.00", "2101.00"],
    ]);
    const months = (await api.ok(alice, HISTORY, { id: growth, from: "2025-01-31", to: "2025-04-15", interval: "MONTH" })).portfolio
      .valueHistory;
    expect(months.map((p: any) => p.date)).toEqual(["2025-01-31", "2025-02-28", "2025-03-31", "2025-04-15"]);
    const days = (await api.ok(alice, HISTORY, { id: growth, from: "2025-01-01", to: "2025-07-01", interval: "DAY" })).portfolio
      .valueHistory;
    expect(days).toHaveLength(182);

    // A security bought without any close: its days have no value, and performance says why.
    const fresh = (await api.createPortfolio(alice, { name: "Fresh" })).id;
    await api.record(alice, { portfolioId: fresh, ...buy("NOPRICE", "1", "10.00", "2025-06-01") });
    const gap = (await api.ok(alice, HISTORY, { id: fresh, from: "2025-05-31", to: "2025-06-01", interval: "DAY" })).portfolio.valueHistory;
    expect(gap).toEqual([
      { date: "2025-05-31", value: { amount: "0.00" }, netContributions: { amount: "0.00" }, missingPrice: null, missingRate: null },
      { date: "2025-06-01", value: null, netContributions: { amount: "10.00" }, missingPrice: { symbol: "NOPRICE" }, missingRate: null },
    ]);
    const missing = await api.call(alice, PERFORMANCE, { id: fresh, from: "2025-06-01", to: "2025-06-30" });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: "PRICE_MISSING", symbol: "NOPRICE", date: "2025-06-30" });
    const value = await api.call(alice, `query($id: ID!) { portfolio(id: $id) { name value { amount } } }`, { id: fresh });
    expect(value.data.portfolio).toEqual({ name: "Fresh", value: null });
    expect(value.errors?.[0]?.extensions).toMatchObject({ code: "PRICE_MISSING", symbol: "NOPRICE" });
    const [holding] = await api.holdings(
      alice,
      fresh,
      false,
      "price { amount } priceDate marketValue { amount } unrealizedGain { amount }",
    );
    expect(holding).toEqual({ price: null, priceDate: null, marketValue: null, unrealizedGain: null });
  });

  it("allocates by security, kind and currency with cash as its own slice, converting at the day's rate", async () => {
    const mixed = (await api.createPortfolio(alice, { name: "Mixed" })).id;
    await api.recordAll(alice, mixed, [
      { type: "DEPOSIT", amount: usd("1000.00"), date: "2025-01-01" },
      buy("PPP", "5", "100.00", "2025-01-01"),
      { type: "DEPOSIT", amount: eur("100.00"), date: "2025-02-01" },
      { type: "BUY", symbol: "EEE", quantity: "10", price: eur("10.00"), date: "2025-02-01" },
    ]);
    await api.setPrices(alice, [{ symbol: "EEE", date: "2025-02-01", close: eur("10.00") }]);
    const byCurrency = await api.call(alice, ALLOCATION, { id: mixed, by: "CURRENCY" });
    expect(byCurrency.errors?.[0]?.extensions).toMatchObject({ code: "EXCHANGE_RATE_MISSING", from: "EUR", to: "USD" });
    await api.ok(alice, `mutation($i: SetFxRatesInput!) { setFxRates(input: $i) { rate } }`, {
      i: { rates: [{ base: "EUR", quote: "USD", date: "2025-01-01", rate: "1.1" }] },
    });
    const slices = async (by: string) =>
      (await api.ok(alice, ALLOCATION, { id: mixed, by })).portfolio.allocation.map((s: any) => [s.label, s.value.amount, s.percent]);
    // PPP 5 × 121.00 = 605.00, EEE 10 × 10.00 EUR = 110.00 USD, cash 500.00 USD and 0 EUR: 1,215.00.
    expect(await slices("SECURITY")).toEqual([
      ["PPP", "605.00", "49.79"],
      ["Cash", "500.00", "41.15"],
      ["EEE", "110.00", "9.05"],
    ]);
    expect(await slices("CURRENCY")).toEqual([
      ["USD", "1105.00", "90.95"],
      ["EUR", "110.00", "9.05"],
    ]);
    expect(await slices("KIND")).toEqual([
      ["OTHER", "715.00", "58.85"],
      ["CASH", "500.00", "41.15"],
    ]);
    expect((await api.portfolio(alice, mixed, "value { amount } cash { amount currency } tracksCash")).value).toEqual({
      amount: "1215.00",
    });
    // With cash, trades are internal: only the deposits are flows (the EUR one at 1.1).
    const performance = (await api.ok(alice, PERFORMANCE, { id: mixed, from: "2025-01-01", to: "2025-07-01" })).portfolio.performance;
    expect(performance).toMatchObject({
      netContributions: { amount: "1110.00" },
      endValue: { amount: "1215.00" },
      gain: { amount: "105.00" },
    });
  });

  it("adds every portfolio's value in the base currency for net worth", async () => {
    const dora = await sg.register("Dora");
    const api2 = investmentsClient(sg);
    const euros = (await api2.createPortfolio(dora, { name: "Euro", currency: "EUR" })).id;
    await api2.record(dora, { portfolioId: euros, type: "BUY", symbol: "EUX", quantity: "2", price: eur("50.00"), date: "2025-03-01" });
    await api2.setPrices(dora, [{ symbol: "EUX", date: "2025-03-01", close: eur("60.00") }]);
    const dollars = (await api2.createPortfolio(dora, { name: "Dollar" })).id;
    await api2.record(dora, { portfolioId: dollars, type: "DEPOSIT", amount: usd("40.00"), date: "2025-03-01" });
    const worth = `{ me { investmentsValue { amount currency } portfolios { name } } }`;
    // Identity's preferences (base currency USD) reach investments through an event.
    await eventually(async () => expect((await api2.call(dora, worth)).errors?.[0]?.extensions?.code).toBe("EXCHANGE_RATE_MISSING"));
    const partial = await api2.call(dora, worth);
    // The rest of the user still resolves (the fixed clock gives both portfolios one creation instant).
    expect(partial.data.me.investmentsValue).toBeNull();
    expect(partial.data.me.portfolios.map((p: any) => p.name).sort()).toEqual(["Dollar", "Euro"]);
    await api2.ok(dora, `mutation($i: SetFxRatesInput!) { setFxRates(input: $i) { rate } }`, {
      i: { rates: [{ base: "EUR", quote: "USD", date: "2025-03-01", rate: "1.25" }] },
    });
    // 120.00 EUR × 1.25 + 40.00 USD of cash.
    expect((await api2.ok(dora, worth)).me.investmentsValue).toEqual({ amount: "190.00", currency: "USD" });
  });
});
