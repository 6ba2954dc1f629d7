import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import { buy, cur, investmentsClient, sell, usd } from "./investments-client.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

const FIGURES = `quantity costBasis { amount } averageCost { amount } realizedGain { amount } dividends { amount } fees { amount }
  lots { acquiredOn quantity cost { amount } } realizedLots { acquiredOn soldOn quantity cost { amount } proceeds { amount } gain { amount } term }`;
const UPDATE = `mutation($id: ID!, $i: UpdateInvestmentTransactionInput!) { updateInvestmentTransaction(id: $id, input: $i) { id quantity price { amount } date } }`;
const DELETE = `mutation($id: ID!) { deleteInvestmentTransaction(id: $id) { id } }`;
const IMPORT = `mutation($p: ID!, $csv: String!, $k: String) { importInvestmentTransactions(portfolioId: $p, csv: $csv, idempotencyKey: $k) {
  imported failed errors { row field code } portfolio { id } } }`;

describe.each(modes)("investment activity on %s", (_mode, config) => {
  const clock = new FixedClock("2025-07-01T12:00:00Z");
  let sg: TestSupergraph;
  let api: ReturnType<typeof investmentsClient>;
  let alice: RegisteredUser;

  beforeAll(async () => {
    sg = await startTestSupergraph(config(), { clock });
    api = investmentsClient(sg);
    alice = await sg.register("Alice");
  });

  afterAll(async () => {
    await sg?.close();
  });

  const count = async (portfolioId: string): Promise<number> =>
    (await api.ok(alice, `query($id: ID!) { portfolio(id: $id) { transactions(first: 200) { nodes { id } } } }`, { id: portfolioId }))
      .portfolio.transactions.nodes.length;

  // Two buys of 10 (100.00 and 120.00, 5.00 fee each), then a sale of 15 at 130.00 with a 10.00 fee: net proceeds 1,940.00.
  const trades = [
    buy("AAA", "10", "100.00", "2025-01-10", "5.00"),
    buy("AAA", "10", "120.00", "2025-03-10", "5.00"),
    sell("AAA", "15", "130.00", "2025-06-10", "10.00"),
  ];

  it("closes lots first in, first out, fees in cost and out of proceeds, split by holding term", async () => {
    const fifo = await api.createPortfolio(alice, { costBasisMethod: "FIFO" });
    const [firstBuy, , sale] = await api.recordAll(alice, fifo.id, [...trades, buy("AAA", "1", "100.00", "2024-05-01")]);
    const [holding] = await api.holdings(alice, fifo.id, false, FIGURES);
    // The 2024 lot (100.00) goes first and is held over a year: LONG. Then 10 of lot 1 (1,005.00) and 4 of lot 2 (4/10 × 1,205.00 = 482.00).
    // Proceeds 1,940.00 split by quantity 1 : 10 : 4, the cent left over to the first part (equal remainders): 129.34, 1,293.33, 517.33.
    expect(holding.realizedLots).toEqual([
      {
        acquiredOn: "2024-05-01",
        soldOn: "2025-06-10",
        quantity: "1",
        cost: { amount: "100.00" },
        proceeds: { amount: "129.34" },
        gain: { amount: "29.34" },
        term: "LONG",
      },
      {
        acquiredOn: "2025-01-10",
        soldOn: "2025-06-10",
        quantity: "10",
        cost: { amount: "1005.00" },
        proceeds: { amount: "1293.33" },
        gain: { amount: "288.33" },
        term: "SHORT",
      },
      {
        acquiredOn: "2025-03-10",
        soldOn: "2025-06-10",
        quantity: "4",
        cost: { amount: "482.00" },
        proceeds: { amount: "517.33" },
        gain: { amount: "35.33" },
        term: "SHORT",
      },
    ]);
    expect(holding).toMatchObject({
      quantity: "6",
      costBasis: { amount: "723.00" },
      averageCost: { amount: "120.50" },
      realizedGain: { amount: "353.00" },
      fees: { amount: "20.00" },
      lots: [{ acquiredOn: "2025-03-10", quantity: "6", cost: { amount: "723.00" } }],
    });
    // The sale's lots are published for tax with the sale; the buy back-dated before it restates them.
    const outbox = (type: string) =>
      sg
        .subgraph("investments")
        .kit.dataSource.query(`SELECT envelope->'data' AS data FROM investments.outbox WHERE type = $1 AND key = $2 ORDER BY seq`, [
          type,
          alice.id,
        ]);
    const lots = (realizedLots: any[]) =>
      realizedLots.map((l) => [l.openedBy === firstBuy ? "first" : "other", l.quantity, l.gainMinor, l.term]);
    const recorded = (await outbox("InvestmentTransactionRecorded")).find((r: any) => r.data.transaction.transactionId === sale);
    expect(lots(recorded.data.realizedLots)).toEqual([
      ["first", "10", "28833", "SHORT"],
      ["other", "5", "4417", "SHORT"],
    ]);
    const restated = (await outbox("RealizedGainsRestated")).filter((r: any) => r.data.portfolioId === fifo.id);
    expect(restated).toHaveLength(1);
    expect(restated[0].data).toMatchObject({ from: "2024-05-01", currency: "USD", sales: [{ transactionId: sale, date: "2025-06-10" }] });
    expect(lots(restated[0].data.sales[0].realizedLots)).toEqual([
      ["other", "1", "2934", "LONG"],
      ["first", "10", "28833", "SHORT"],
      ["other", "4", "3533", "SHORT"],
    ]);
  });

  it("pools cost under average cost: the same sale realizes the average", async () => {
    const average = await api.createPortfolio(alice, { costBasisMethod: "AVERAGE_COST" });
    await api.recordAll(alice, average.id, trades);
    const [holding] = await api.holdings(alice, average.id, false, FIGURES);
    // 20 units for 2,210.00: 110.50 each; 15 sold cost 1,657.50, proceeds 1,940.00.
    expect(holding).toMatchObject({
      quantity: "5",
      costBasis: { amount: "552.50" },
      averageCost: { amount: "110.50" },
      realizedGain: { amount: "282.50" },
    });
    expect(holding.realizedLots.reduce((sum: number, l: any) => sum + Math.round(Number(l.cost.amount) * 100), 0)).toBe(165750);
  });

  it("keeps cost through a split and dividends apart from gains; a closed position keeps both", async () => {
    const portfolio = await api.createPortfolio(alice);
    await api.recordAll(alice, portfolio.id, [
      buy("BBB", "10", "50.00", "2025-01-02", "1.00"),
      { type: "SPLIT", symbol: "BBB", splitRatio: "2", date: "2025-02-01" },
      { type: "DIVIDEND", symbol: "bbb", amount: usd("12.34"), fee: usd("1.85"), date: "2025-02-15" },
    ]);
    const [split] = await api.holdings(alice, portfolio.id, false, FIGURES);
    expect(split).toMatchObject({
      quantity: "20",
      costBasis: { amount: "501.00" },
      averageCost: { amount: "25.05" },
      lots: [{ acquiredOn: "2025-01-02", quantity: "20", cost: { amount: "501.00" } }],
      dividends: { amount: "12.34" },
      realizedGain: { amount: "0.00" },
    });
    await api.record(alice, { portfolioId: portfolio.id, ...sell("BBB", "20", "30.00", "2025-03-01") });
    expect(await api.holdings(alice, portfolio.id, false, "quantity")).toEqual([]);
    const [closed] = await api.holdings(alice, portfolio.id, true, `${FIGURES} marketValue { amount }`);
    expect(closed).toMatchObject({
      quantity: "0",
      costBasis: { amount: "0.00" },
      averageCost: null,
      marketValue: { amount: "0.00" },
      realizedGain: { amount: "99.00" },
      dividends: { amount: "12.34" },
      fees: { amount: "2.85" },
    });
  });

  it("refuses a sale of more than is held, a sale before any buy included, with nothing written", async () => {
    const portfolio = await api.createPortfolio(alice);
    await api.recordAll(alice, portfolio.id, [buy("CCC", "20", "10.00", "2025-02-01")]);
    const before = await api.outboxCount("InvestmentTransactionRecorded", alice.id);
    const over = await api.recordRaw(alice, { portfolioId: portfolio.id, ...sell("CCC", "20.000000000000000001", "10.00", "2025-03-01") });
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: "INSUFFICIENT_QUANTITY", field: "quantity" });
    expect(await api.recordOutcome(alice, { portfolioId: portfolio.id, ...sell("CCC", "1", "10.00", "2025-01-31") })).toBe(
      "INSUFFICIENT_QUANTITY:quantity",
    );
    expect(await api.recordOutcome(alice, { portfolioId: portfolio.id, ...sell("NEVERHELD", "1", "10.00", "2025-03-01") })).toBe(
      "INSUFFICIENT_QUANTITY:quantity",
    );
    expect(await count(portfolio.id)).toBe(1);
    expect(await api.outboxCount("InvestmentTransactionRecorded", alice.id)).toBe(before);
    // The user-defined security the refused sale would have created went with it.
    expect((await api.ok(alice, `{ securities(search: "NEVERHELD") { symbol } }`)).securities).toEqual([]);
  });

  it("refuses bad input with its code and field", async () => {
    const portfolio = await api.createPortfolio(alice);
    await api.record(alice, { portfolioId: portfolio.id, ...buy("DDD", "1", "10.00", "2025-02-01") });
    const p = portfolio.id;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...buy("DDD", "0", "10", "2025-02-01") }, "BAD_USER_INPUT:quantity"],
      [{ ...buy("DDD", "-1", "10", "2025-02-01") }, "BAD_USER_INPUT:quantity"],
      [{ ...buy("DDD", "1.0000000000000000001", "10", "2025-02-01") }, "BAD_USER_INPUT:quantity"],
      [{ ...buy("DDD", "1e3", "10", "2025-02-01") }, "BAD_USER_INPUT:quantity"],
      [{ ...buy("DDD", "1", "0", "2025-02-01") }, "BAD_USER_INPUT:price"],
      [{ ...buy("DDD", "1", "-5", "2025-02-01") }, "BAD_USER_INPUT:price"],
      [{ ...buy("DDD", "1", "1.001", "2025-02-01") }, "BAD_USER_INPUT:price"],
      [{ ...buy("DDD", "1", "1", "2025-02-01"), price: cur("EUR")("1") }, "BAD_USER_INPUT:price.currency"],
      [{ ...buy("DDD", "1", "1", "2025-02-01"), price: cur("XXY")("1") }, "BAD_USER_INPUT:price.currency"],
      [{ ...buy("DDD", "1", "1", "2025-02-01", "-1") }, "BAD_USER_INPUT:fee"],
      [{ ...buy("DDD", "1", "1", "2025-02-01"), fee: cur("EUR")("1") }, "BAD_USER_INPUT:fee.currency"],
      [{ ...buy("DDD", "1", "1", "2025-07-02") }, "BAD_USER_INPUT:date"],
      [{ ...buy("DDD", "1", "1", "1899-12-31") }, "BAD_USER_INPUT:date"],
      [{ ...buy("DDD", "1", "1", "2025-02-30") }, "BAD_USER_INPUT:date"],
      [{ ...buy("DDD", "1", "1", "2025-02-01"), symbol: null }, "BAD_USER_INPUT:symbol"],
      [{ ...buy("DDD", "1", "1", "2025-02-01"), amount: usd("1") }, "BAD_USER_INPUT:amount"],
      [{ type: "SPLIT", symbol: "DDD", splitRatio: "0", date: "2025-02-01" }, "BAD_USER_INPUT:splitRatio"],
      [{ type: "SPLIT", symbol: "DDD", date: "2025-02-01" }, "BAD_USER_INPUT:splitRatio"],
      [{ type: "DIVIDEND", symbol: "NOSUCH", amount: usd("1"), date: "2025-02-01" }, "BAD_USER_INPUT:symbol"],
      [{ type: "DIVIDEND", symbol: "DDD", date: "2025-02-01" }, "BAD_USER_INPUT:amount"],
      [{ type: "DIVIDEND", symbol: "DDD", amount: usd("0"), date: "2025-02-01" }, "BAD_USER_INPUT:amount"],
      [{ type: "DIVIDEND", symbol: "DDD", amount: usd("1"), quantity: "1", date: "2025-02-01" }, "BAD_USER_INPUT:quantity"],
      [{ type: "DIVIDEND", symbol: "DDD", amount: cur("EUR")("1"), date: "2025-02-01" }, "BAD_USER_INPUT:amount.currency"],
      [{ type: "DEPOSIT", symbol: "DDD", amount: usd("1"), date: "2025-02-01" }, "BAD_USER_INPUT:symbol"],
      [{ type: "DEPOSIT", amount: usd("1"), price: usd("1"), date: "2025-02-01" }, "BAD_USER_INPUT:price"],
      [{ ...buy("DDD", "1", "1", "2025-02-01"), idempotencyKey: "" }, "BAD_USER_INPUT:idempotencyKey"],
    ];
    for (const [input, expected] of cases)
      expect(await api.recordOutcome(alice, { portfolioId: p, ...input }), JSON.stringify(input)).toBe(expected);
    expect(await count(p)).toBe(1);

    const first = await api.record(alice, { portfolioId: p, ...buy("DDD", "2", "10.00", "2025-02-02"), idempotencyKey: "buy-ddd" });
    const replay = await api.record(alice, { portfolioId: p, ...buy("DDD", "2", "10.00", "2025-02-02"), idempotencyKey: "buy-ddd" });
    expect(replay.id).toBe(first.id);
    expect(await api.recordOutcome(alice, { portfolioId: p, ...buy("DDD", "3", "10.00", "2025-02-02"), idempotencyKey: "buy-ddd" })).toBe(
      "CONFLICT:idempotencyKey",
    );
    expect(await count(p)).toBe(2);
  });

  it("recomputes everything after an edit or a deletion, and refuses one that would oversell, with nothing changed", async () => {
    const portfolio = await api.createPortfolio(alice);
    const [firstBuy, secondBuy, sale] = await api.recordAll(alice, portfolio.id, trades);
    const realized = async () => (await api.holdings(alice, portfolio.id, true, "realizedGain { amount } quantity"))[0];
    expect(await realized()).toEqual({ realizedGain: { amount: "332.50" }, quantity: "5" });

    // The first lot bought at 90.00 instead: 905.00, so 100.00 more gain on the later sale.
    const restatedBefore = await api.outboxCount("RealizedGainsRestated", alice.id);
    expect((await api.ok(alice, UPDATE, { id: firstBuy, i: { price: usd("90.00") } })).updateInvestmentTransaction).toMatchObject({
      quantity: "10",
      price: { amount: "90.00" },
    });
    expect(await realized()).toEqual({ realizedGain: { amount: "432.50" }, quantity: "5" });
    expect(await api.outboxCount("RealizedGainsRestated", alice.id)).toBe(restatedBefore + 1);

    // Each of these would leave the sale of 15 selling more than is held on its day.
    expect(await api.outcome(alice, UPDATE, { id: firstBuy, i: { quantity: "4" } })).toBe("INSUFFICIENT_QUANTITY:quantity");
    expect(await api.outcome(alice, UPDATE, { id: sale, i: { date: "2025-02-01" } })).toBe("INSUFFICIENT_QUANTITY:quantity");
    expect(
      await api.outcome(alice, UPDATE, { id: secondBuy, i: { type: "DIVIDEND", quantity: null, price: null, amount: usd("5") } }),
    ).toBe("INSUFFICIENT_QUANTITY:quantity");
    expect(await api.outcome(alice, DELETE, { id: secondBuy })).toBe("INSUFFICIENT_QUANTITY:quantity");
    expect(await api.outcome(alice, UPDATE, { id: secondBuy, i: { date: "2026-01-01" } })).toBe("BAD_USER_INPUT:date");
    expect(await realized()).toEqual({ realizedGain: { amount: "432.50" }, quantity: "5" });
    expect(await count(portfolio.id)).toBe(3);

    // The sale goes: nothing realized, everything held again.
    expect((await api.ok(alice, DELETE, { id: sale })).deleteInvestmentTransaction.id).toBe(portfolio.id);
    expect(await realized()).toEqual({ realizedGain: { amount: "0.00" }, quantity: "20" });
    expect(await api.outcome(alice, DELETE, { id: sale })).toBe("NOT_FOUND:id");
  });

  it("imports activity from CSV, reporting each bad line with its code and field", async () => {
    const portfolio = await api.createPortfolio(alice);
    const csv = [
      "Date,Type,Symbol,Quantity,Price,Fee,Amount,Currency",
      "2025-01-02,BUY,IMP,10,20.00,1.00,,USD",
      "2025-01-03,sell,IMP,4,25.00,,,USD",
      "2025-01-04,SELL,IMP,7,25.00,,,USD",
      "2025-01-05,BUY,IMP,abc,20.00,,,USD",
      "2025-01-06,DIVIDEND,IMP,,,,3.00,",
      "2025-13-01,BUY,IMP,1,1,,,USD",
      "2025-01-07,TRANSFER,IMP,1,1,,,USD",
      "2025-01-08,DEPOSIT,,,,,100,",
    ].join("\n");
    const result = (await api.ok(alice, IMPORT, { p: portfolio.id, csv, k: "import-1" })).importInvestmentTransactions;
    expect(result).toMatchObject({ imported: 4, failed: 4, portfolio: { id: portfolio.id } });
    expect(result.errors).toEqual([
      { row: 4, field: "quantity", code: "INSUFFICIENT_QUANTITY" },
      { row: 5, field: "quantity", code: "BAD_USER_INPUT" },
      { row: 7, field: "date", code: "BAD_USER_INPUT" },
      { row: 8, field: "type", code: "BAD_USER_INPUT" },
    ]);
    const [holding] = await api.holdings(alice, portfolio.id, false, "quantity dividends { amount } realizedGain { amount }");
    expect(holding).toEqual({ quantity: "6", dividends: { amount: "3.00" }, realizedGain: { amount: "19.60" } });
    expect((await api.portfolio(alice, portfolio.id)).tracksCash).toBe(true);
    // The same key and file: the first import's answer, nothing written twice.
    expect((await api.ok(alice, IMPORT, { p: portfolio.id, csv, k: "import-1" })).importInvestmentTransactions).toEqual(result);
    expect(await count(portfolio.id)).toBe(4);
    // A file we cannot read is refused whole.
    expect(await api.outcome(alice, IMPORT, { p: portfolio.id, csv: "date,type,qty\n2025-01-02,BUY,1" })).toBe("BAD_USER_INPUT:csv");
    expect(await api.outcome(alice, IMPORT, { p: portfolio.id, csv: "symbol,quantity\nX,1" })).toBe("BAD_USER_INPUT:csv");
    // Imported lines that would make a stored sale oversell are left out: the latest imported sale before it.
    const later = "date,type,symbol,quantity,price\n2025-01-03,SELL,IMP,5,25.00\n2025-01-09,BUY,IMP,1,25.00";
    await api.record(alice, { portfolioId: portfolio.id, ...sell("IMP", "6", "30.00", "2025-02-01") });
    const squeezed = (await api.ok(alice, IMPORT, { p: portfolio.id, csv: later })).importInvestmentTransactions;
    expect(squeezed).toMatchObject({ imported: 1, failed: 1, errors: [{ row: 2, code: "INSUFFICIENT_QUANTITY" }] });
  });
});
