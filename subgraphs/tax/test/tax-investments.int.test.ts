import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import { startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import { buy, sell, taxClient, usd } from "./tax-client.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

const eur = (amount: string) => ({ amount, currency: "EUR" });
const GAINS = "capitalGains { shortTerm { amount } longTerm { amount } }";
const gains = (shortTerm: string, longTerm: string) => ({
  capitalGains: { shortTerm: { amount: shortTerm }, longTerm: { amount: longTerm } },
});

describe.each(modes)("tax from investments' lots and income on %s", (_mode, config) => {
  let sg: TestSupergraph;
  let api: ReturnType<typeof taxClient>;

  beforeAll(async () => {
    sg = await startTestSupergraph(config(), { clock: new FixedClock("2026-02-10T12:00:00Z") });
    api = taxClient(sg);
  });

  afterAll(async () => {
    await sg?.close();
  });

  it("restates a sale when a backdated buy changes which lot it closed, follows its date across years, and forgets it when deleted", async () => {
    const alice = await sg.register("Alice");
    const portfolio = await api.portfolio(alice);
    const [, saleId] = await api.recordAll(alice, portfolio, [
      buy("TAXA", "10", "100", "2025-01-10"),
      sell("TAXA", "10", "150", "2025-09-01"),
    ]);
    // The 2025-01-10 lot, held under a year: (150 − 100) × 10 = 500 short term.
    await eventually(async () => expect(await api.summary(alice, 2025, GAINS)).toEqual(gains("500.00", "0.00")));

    // A buy entered later but dated 2024-01-05 is the oldest lot, so FIFO sells it instead:
    // (150 − 80) × 10 = 700, held from 2024-01-05 to 2025-09-01, more than a year: long term.
    await api.recordAll(alice, portfolio, [buy("TAXA", "10", "80", "2024-01-05")]);
    await eventually(async () => expect(await api.summary(alice, 2025, GAINS)).toEqual(gains("0.00", "700.00")));
    const restated = await sg
      .subgraph("investments")
      .kit.dataSource.query(`SELECT count(*)::int AS n FROM investments.outbox WHERE type = 'RealizedGainsRestated' AND key = $1`, [
        alice.id,
      ]);
    expect(restated[0].n).toBeGreaterThan(0);
    const lots = async (year: number) =>
      (await api.ok(alice, `query($y: Int!) { taxYearReport(year: $y) { csv } }`, { y: year })).taxYearReport.csv
        .split("\n")
        .filter((row: string) => row.startsWith("LOT,"));
    expect(await lots(2025)).toEqual([expect.stringContaining("2024-01-05")]);

    // Sold on 2024-12-15 instead: the gain moves to 2024, and from the same lot it is now short term.
    await api.updateActivity(alice, saleId!, { date: "2024-12-15" });
    await eventually(async () => expect(await api.summary(alice, 2025, GAINS)).toEqual(gains("0.00", "0.00")));
    await eventually(async () => expect(await api.summary(alice, 2024, GAINS)).toEqual(gains("700.00", "0.00")));
    expect(await lots(2025)).toEqual([]);

    await api.deleteActivity(alice, saleId!);
    await eventually(async () => expect(await api.summary(alice, 2024, GAINS)).toEqual(gains("0.00", "0.00")));
    expect(await lots(2024)).toEqual([]);
  });

  it("counts dividends and interest, dividends as ordinary income until the profile says they are qualified", async () => {
    const bob = await sg.register("Bob");
    const account = await sg.createAccount(bob, "USD");
    const salary = await api.category(bob, "Tax test wages", "INCOME");
    await api.post(bob, account, "50000.00", "2025-06-30", salary, "Employer");
    const portfolio = await api.portfolio(bob);
    await api.recordAll(bob, portfolio, [
      buy("TAXD", "10", "100", "2025-01-02"),
      { type: "DIVIDEND", symbol: "TAXD", amount: usd("200.00"), date: "2025-03-01" },
      { type: "INTEREST", amount: usd("50.00"), date: "2025-04-01" },
      // Another year's dividend stays there.
      { type: "DIVIDEND", symbol: "TAXD", amount: usd("999.00"), date: "2026-01-15" },
    ]);
    const SELECTION = `grossIncome { amount } income { interest { amount } dividends { amount } qualifiedDividends { amount } }
      taxableIncome { amount } qualifiedIncome { amount } computation { tax { amount } }`;
    // Gross 50,000 + 200 + 50 = 50,250; taxable 50,250 − 15,750 = 34,500, all ordinary:
    // 10 % × 11,925 = 1,192.50 + 12 % × (34,500 − 11,925 = 22,575) = 2,709.00 → 3,901.50.
    await eventually(async () =>
      expect(await api.summary(bob, 2025, SELECTION)).toEqual({
        grossIncome: { amount: "50250.00" },
        income: { interest: { amount: "50.00" }, dividends: { amount: "200.00" }, qualifiedDividends: { amount: "0.00" } },
        taxableIncome: { amount: "34500.00" },
        qualifiedIncome: { amount: "0.00" },
        computation: { tax: { amount: "3901.50" } },
      }),
    );
    // Qualified: the 200 is stacked on top at 0 % (34,500 is under 48,350); ordinary 34,300:
    // 1,192.50 + 12 % × 22,375 = 2,685.00 → 3,877.50.
    await api.setProfile(bob, { year: 2025, dividendsQualified: true });
    expect(await api.summary(bob, 2025, SELECTION)).toMatchObject({
      income: { dividends: { amount: "200.00" }, qualifiedDividends: { amount: "200.00" } },
      qualifiedIncome: { amount: "200.00" },
      computation: { tax: { amount: "3877.50" } },
    });
  });

  it("leaves out what is not in the table's currency and counts it, but counts a ledger line by its base amount", async () => {
    const carol = await sg.register("Carol");
    const euros = await api.portfolio(carol, "EUR");
    await api.recordAll(carol, euros, [
      { type: "BUY", symbol: "TAXE", quantity: "5", price: eur("100"), date: "2025-02-01" },
      { type: "DIVIDEND", symbol: "TAXE", amount: eur("10.00"), date: "2025-03-01" },
      { type: "SELL", symbol: "TAXE", quantity: "5", price: eur("120"), date: "2025-06-01" },
    ]);
    const SELECTION = `grossIncome { amount } income { categories { amount } dividends { amount } } ${GAINS} unconvertedItems`;
    // The lot sold and the dividend, both in euros.
    await eventually(async () =>
      expect(await api.summary(carol, 2025, SELECTION)).toEqual({
        grossIncome: { amount: "0.00" },
        income: { categories: { amount: "0.00" }, dividends: { amount: "0.00" } },
        ...gains("0.00", "0.00"),
        unconvertedItems: 2,
      }),
    );

    // Carol counts in USD (the default base currency): a euro salary counts once the ledger has the day's rate.
    const account = await sg.createAccount(carol, "EUR");
    const wages = await api.category(carol, "Tax test euro wages", "INCOME");
    await api.ok(carol, `mutation($i: PostTransactionInput!) { postTransaction(input: $i) { id } }`, {
      i: { accountId: account, amount: eur("1000.00"), date: "2025-05-02", payee: "Employer", categoryId: wages },
    });
    await eventually(async () => expect((await api.summary(carol, 2025, "unconvertedItems")).unconvertedItems).toBe(3));
    await api.ok(carol, `mutation { setExchangeRates(rates: [{ date: "2025-05-02", from: "EUR", to: "USD", rate: "1.1" }]) }`);
    // 1,000 EUR × 1.1 = 1,100.00 USD.
    await eventually(async () =>
      expect(await api.summary(carol, 2025, SELECTION)).toMatchObject({
        grossIncome: { amount: "1100.00" },
        income: { categories: { amount: "1100.00" } },
        unconvertedItems: 2,
      }),
    );
    const report = (await api.ok(carol, `{ taxYearReport(year: 2025) { csv } }`)).taxYearReport.csv as string;
    const line = report.split("\n").find((row) => row.startsWith("LINE,"));
    expect(line).toContain("1000.00,EUR,1100.00");
  });
});
