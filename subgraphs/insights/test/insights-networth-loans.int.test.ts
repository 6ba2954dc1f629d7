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

const NET_WORTH = `{ netWorthHistory(range: {from: "2026-11-18", to: "2026-11-20"}, interval: DAY) {
  currency netWorth { date value } assets { value } investments { date value } leftOut } }`;
const FORECAST = `query($d: Int!) { cashflowForecast(days: $d) {
  accounts { accountId series { date value } scheduled { date amount { amount } label source } }
  totals { currency startingBalance { amount } series { date value } unassigned { date amount { amount } label source } }
  notes
} }`;
const RECORD = `mutation($i: RecordInvestmentTransactionInput!) { recordInvestmentTransaction(input: $i) { id } }`;
const PORTFOLIO = `mutation($i: CreatePortfolioInput!) { createPortfolio(input: $i) { id } }`;
const LOAN = `mutation($i: CreateLoanInput!) { createLoan(input: $i) { id } }`;
const PAY = `mutation($i: RecordLoanPaymentInput!) { recordLoanPayment(input: $i) { id } }`;

/**
 * Friday 2026-11-20, noon UTC. Alice's ledger: Checking opened with 1,000.00 and Broker cash with
 * 500.00, both USD. Two portfolios hold AAA: Brokerage (on its own) and Linked (its cash held by
 * Broker cash). Investments values each on the day it announces a change, cash left to the
 * ledger when linked; net worth carries each value forward from that day. Then two interest-free
 * loans: Car, borrowed, 1,200.00 over 12 months from Oct 1 (100.00 due on the 1st, the first paid
 * from Checking on Nov 1), and To Sam, lent, 300.00 over 3 months from Nov 10 (100.00 due on the
 * 10th, no payment yet, so no account known).
 */
describe.each(modes)("net worth with investments and a forecast with loan installments on %s", (_mode, config) => {
  let sg: TestSupergraph;
  let api: ReturnType<typeof insightsClient>;
  let deps: InsightsDeps;
  let alice: RegisteredUser;
  let checking: string;
  let brokerCash: string;
  let brokerage: string;
  let linked: string;

  const valuesOf = async (userId: string) =>
    Object.fromEntries((await deps.portfolioValues.history(userId, "2026-12-31")).map((v) => [`${v.portfolioId}@${v.date}`, v.valueMinor]));
  const netWorth = async () => (await api.ok(alice, NET_WORTH)).netWorthHistory;

  beforeAll(async () => {
    sg = await startTestSupergraph(config(), { clock: new FixedClock("2026-11-20T12:00:00Z") });
    api = insightsClient(sg);
    deps = sg.subgraph<InsightsDeps>("insights").deps;
    alice = await sg.register("Alice");
    checking = await api.account(alice, "Checking", "1000.00");
    brokerCash = await api.account(alice, "Broker cash", "500.00");
    brokerage = (await api.ok(alice, PORTFOLIO, { i: { name: "Brokerage", currency: "USD", costBasisMethod: "FIFO" } })).createPortfolio.id;
    // Investments learns of the ledger's account through an event before it can be linked.
    linked = await eventually(
      async () =>
        (
          await api.ok(alice, PORTFOLIO, {
            i: { name: "Linked", currency: "USD", costBasisMethod: "FIFO", ledgerAccountId: brokerCash, idempotencyKey: "linked" },
          })
        ).createPortfolio.id as string,
    );
  });

  afterAll(async () => {
    await sg?.close();
  });

  it("adds each portfolio's value to net worth after a price change and after new activity, the linked one's cash left to the ledger", async () => {
    const trade = (portfolioId: string, input: Record<string, unknown>) => api.ok(alice, RECORD, { i: { portfolioId, ...input } });
    await trade(brokerage, { type: "BUY", symbol: "AAA", quantity: "10", price: usd("100.00"), date: "2026-11-02" });
    await trade(linked, { type: "DEPOSIT", amount: usd("500.00"), date: "2026-11-02" });
    await trade(linked, { type: "BUY", symbol: "AAA", quantity: "2", price: usd("100.00"), date: "2026-11-02" });
    // No close yet: investments cannot value them and says so by leaving the value out.
    const published = await sg
      .subgraph("investments")
      .kit.dataSource.query(
        `SELECT envelope->'data' AS data FROM investments.outbox WHERE type = 'PortfolioUpdated' AND key = $1 ORDER BY seq`,
        [alice.id],
      );
    expect(published.at(-1).data).toEqual({
      portfolioId: linked,
      userId: alice.id,
      change: "ACTIVITY",
      currency: "USD",
      valuedOn: "2026-11-20",
      archived: false,
    });

    // A close of 120.00: Brokerage 10 × 120.00; Linked 2 × 120.00, its 300.00 of cash in Broker cash's balance.
    await api.ok(alice, `mutation($i: SetPricesInput!) { setPrices(input: $i) { date } }`, {
      i: { prices: [{ symbol: "AAA", date: "2026-11-19", close: usd("120.00") }] },
    });
    await eventually(async () =>
      expect(await valuesOf(alice.id)).toEqual({ [`${brokerage}@2026-11-20`]: 120_000n, [`${linked}@2026-11-20`]: 24_000n }),
    );
    let history = await netWorth();
    expect(history.currency).toBe("USD");
    expect(history.leftOut).toBe(0);
    // 1,000.00 + 500.00 + 1,200.00 + 240.00; before today no value was known.
    expect(history.netWorth).toEqual([
      { date: "2026-11-18", value: "1500.00" },
      { date: "2026-11-19", value: "1500.00" },
      { date: "2026-11-20", value: "2940.00" },
    ]);
    expect(history.investments.map((p: { value: string }) => p.value)).toEqual(["0.00", "0.00", "1440.00"]);

    // Five more at 110.00: 15 × 120.00 = 1,800.00 for Brokerage, the day's last value.
    await trade(brokerage, { type: "BUY", symbol: "AAA", quantity: "5", price: usd("110.00"), date: "2026-11-19" });
    await eventually(async () => expect((await valuesOf(alice.id))[`${brokerage}@2026-11-20`]).toBe(180_000n));
    history = await netWorth();
    expect(history.netWorth.at(-1)).toEqual({ date: "2026-11-20", value: "3540.00" });
    expect(history.assets.at(-1)).toEqual({ value: "3540.00" });
    expect(history.investments.at(-1)).toEqual({ date: "2026-11-20", value: "2040.00" });

    // The values come back from the topic when insights rebuilds its read models.
    await sg.subgraph("insights").kit.dataSource.query(`DELETE FROM insights.portfolio_values WHERE user_id = $1`, [alice.id]);
    expect((await netWorth()).netWorth.at(-1).value).toBe("1500.00");
    await api.ok(alice, `mutation { rebuildInsights { events } }`);
    expect(await valuesOf(alice.id)).toEqual({ [`${brokerage}@2026-11-20`]: 180_000n, [`${linked}@2026-11-20`]: 24_000n });
    expect((await netWorth()).netWorth.at(-1).value).toBe("3540.00");
  });

  it("projects each loan installment on its due date, on the account payments go through or in the total only, as counted by hand", async () => {
    const sam = (await api.ok(alice, `mutation($i: CreateContactInput!) { createContact(input: $i) { id } }`, { i: { name: "Sam" } }))
      .createContact.id;
    const terms = { contactId: sam, annualRatePercent: "0", method: "AMORTIZING" };
    const car = (
      await api.ok(alice, LOAN, {
        i: { ...terms, name: "Car", direction: "BORROWED", principal: usd("1200.00"), termMonths: 12, startDate: "2026-10-01" },
      })
    ).createLoan.id;
    // Lending learns of the ledger's account through an event before a payment may name it.
    await eventually(() =>
      api.ok(alice, PAY, {
        i: { loanId: car, amount: usd("100.00"), date: "2026-11-01", ledgerAccountId: checking, idempotencyKey: "car-1" },
      }),
    );
    await api.ok(alice, LOAN, {
      i: { ...terms, name: "To Sam", direction: "LENT", principal: usd("300.00"), termMonths: 3, startDate: "2026-11-10" },
    });
    await eventually(async () => {
      const upcoming = await deps.loans.upcoming(alice.id);
      expect(upcoming.map((l) => [l.name, l.accountId, l.installments.length, l.installments[0]])).toEqual([
        ["Car", checking, 11, { number: 2, dueDate: "2026-12-01", amountMinor: 10_000n }],
        ["To Sam", null, 3, { number: 1, dueDate: "2026-12-10", amountMinor: 10_000n }],
      ]);
      // The ledger booked the payment from Checking.
      expect(await deps.transactions.between(alice.id, "2026-11-01", "2026-11-01")).toHaveLength(1);
    });

    const f = (await api.ok(alice, FORECAST, { d: 30 })).cashflowForecast;
    const account = f.accounts.find((a: { accountId: string }) => a.accountId === checking);
    const on = (series: Array<{ date: string; value: string }>, date: string) => series.find((p) => p.date === date)!.value;
    // Checking: 1,000.00 − the Nov 1 payment = 900.00; the payment is not discretionary spending
    // (no Sunday average); Car's installment 2 takes 100.00 on Dec 1.
    expect(["2026-11-21", "2026-11-30", "2026-12-01", "2026-12-20"].map((d) => on(account.series, d))).toEqual([
      "900.00",
      "900.00",
      "800.00",
      "800.00",
    ]);
    expect(account.scheduled).toEqual([
      { date: "2026-12-01", amount: { amount: "-100.00" }, label: "Car: installment 2", source: "LOAN_INSTALLMENT" },
    ]);
    // USD: 900.00 + 500.00 = 1,400.00; −100.00 on Dec 1; Sam's 100.00 comes in on Dec 10, in the total only.
    const [total] = f.totals;
    expect(total.currency).toBe("USD");
    expect(total.startingBalance).toEqual({ amount: "1400.00" });
    expect(["2026-11-30", "2026-12-01", "2026-12-09", "2026-12-10", "2026-12-20"].map((d) => on(total.series, d))).toEqual([
      "1400.00",
      "1300.00",
      "1300.00",
      "1400.00",
      "1400.00",
    ]);
    expect(total.unassigned).toEqual([
      { date: "2026-12-10", amount: { amount: "100.00" }, label: "To Sam: installment 1", source: "LOAN_INSTALLMENT" },
    ]);
    expect(f.notes).toEqual(["To Sam: no open account is known for its payments, so its installments count in the USD total only."]);
  });

  it("purges a deleted user's portfolio values and loans with the rest of their data", async () => {
    const db = sg.subgraph("insights").kit.dataSource;
    const left = async () =>
      Number(
        (
          await db.query(
            `SELECT (SELECT count(*) FROM insights.portfolio_values WHERE user_id = $1) + (SELECT count(*) FROM insights.loans WHERE user_id = $1) AS n`,
            [alice.id],
          )
        )[0].n,
      );
    expect(await left()).toBeGreaterThan(0);
    expect(
      (await sg.query(`mutation($p: String!) { deleteAccount(password: $p) }`, { p: alice.password }, alice.headers)).data.deleteAccount,
    ).toBe(true);
    await eventually(async () => expect(await left()).toBe(0));
    // Investments' last word on the deleted portfolios carries no value and brings nothing back.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await left()).toBe(0);
  });
});
