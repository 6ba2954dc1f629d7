import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { INTERNAL_TOKEN_HEADER, InternalTokenSigner } from "../../../platform/auth/internal-token.js";
import type { PlatformConfig } from "../../../platform/config/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import { postGraphQL, type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import type { TaxDeps } from "../tax.deps.js";
import { buy, sell, taxClient, usd } from "./tax-client.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

describe.each(modes)("the tax year summary on %s", (_mode, config) => {
  let sg: TestSupergraph;
  let api: ReturnType<typeof taxClient>;
  let deps: TaxDeps;
  let alice: RegisteredUser;
  let account: string;
  let salaryTx: string;
  const cats: Record<string, string> = {};

  const db = () => sg.subgraph("tax").kit.dataSource;
  const estimateEvents = async (userId: string) =>
    (
      await db().query(
        `SELECT envelope->'data'->>'year' AS year, envelope->'data'->>'estimatedTaxMinor' AS tax, envelope->'data'->>'leftToPayMinor' AS left
         FROM tax.outbox WHERE type = 'TaxEstimateChanged' AND key = $1 ORDER BY seq`,
        [userId],
      )
    ).map((r: { year: string; tax: string; left: string }) => [Number(r.year), r.tax, r.left]);

  beforeAll(async () => {
    sg = await startTestSupergraph(config(), { clock: new FixedClock("2026-02-10T12:00:00Z") });
    api = taxClient(sg);
    deps = sg.subgraph<TaxDeps>("tax").deps;
    alice = await sg.register("Alice");
    account = await sg.createAccount(alice, "USD");
    cats.salary = await api.category(alice, "Tax test salary", "INCOME");
    cats.charity = await api.category(alice, "Charity gifts", "EXPENSE");
    cats.groceries = await api.category(alice, "Tax test groceries", "EXPENSE");
    cats.withheld = await api.category(alice, "Federal tax withheld", "EXPENSE");

    salaryTx = await api.post(alice, account, "100000.00", "2025-12-31", cats.salary, "Employer");
    await api.post(alice, account, "-12000.00", "2025-12-31", cats.withheld, "IRS");
    await api.post(alice, account, "-5000.00", "2025-06-01", cats.groceries, "Market");
    await api.post(alice, account, "-1000.00", "2025-11-20", cats.charity, "Food bank");

    const portfolio = await api.portfolio(alice);
    await api.recordAll(alice, portfolio, [
      buy("AAA", "10", "100", "2023-03-01"),
      buy("BBB", "10", "50", "2025-01-10"),
      { type: "DIVIDEND", symbol: "AAA", amount: usd("200.00"), date: "2025-03-01" },
      sell("BBB", "10", "40", "2025-05-10"),
      sell("AAA", "10", "150", "2025-06-02"),
    ]);
    // Tax has heard of every write once the summary counts the last sale and the charity.
    await eventually(async () => {
      const s = await api.summary(alice, 2025);
      expect(s.capitalGains.longTerm.amount).toBe("500.00");
      expect(s.income.categories.amount).toBe("100000.00");
      expect(s.withheld.amount).toBe("12000.00");
      expect(s.deduction.itemized.total.amount).toBe("1000.00");
    });
  });

  afterAll(async () => {
    await sg?.close();
  });

  it("estimates the year from the ledger and investments under the newest 2025 law, every figure shown", async () => {
    const s = await api.summary(alice, 2025);
    // Gross: 100,000 salary + 200 dividend (ordinary until the profile says qualified) + 400 net gain (500 long − 100 short).
    // AGI 100,600 − standard 15,750 (OBBBA; 1,000 of charity loses) = taxable 84,850, of which 400 is preferential.
    // Ordinary 84,450: 1,192.50 + 12 % × 36,550 = 4,386.00 + 22 % × 35,975 = 7,914.50 → 13,493.00; 400 × 15 % = 60.00.
    expect(s).toMatchObject({
      year: 2025,
      revision: "OBBBA_2025",
      filingStatus: "SINGLE",
      grossIncome: { amount: "100600.00" },
      income: { dividends: { amount: "200.00" }, qualifiedDividends: { amount: "0.00" }, capitalGainOrLoss: { amount: "400.00" } },
      capitalGains: {
        shortTerm: { amount: "-100.00" },
        longTerm: { amount: "500.00" },
        net: { amount: "400.00" },
        preferential: { amount: "400.00" },
      },
      deduction: { chosen: "STANDARD", amount: { amount: "15750.00" }, itemized: { total: { amount: "1000.00" } } },
      taxableIncome: { amount: "84850.00" },
      qualifiedIncome: { amount: "400.00" },
      computation: {
        ordinaryTax: { amount: "13493.00" },
        capitalGainsTax: { amount: "60.00" },
        tax: { amount: "13553.00" },
        marginalRatePercent: "15",
      },
      estimatedTax: { amount: "13553.00" },
      withheld: { amount: "12000.00" },
      leftToPay: { amount: "1553.00" },
      effectiveRatePercent: "13.47",
      unconvertedItems: 0,
    });
    expect(s.categories.map((c: { name: string; treatment: string }) => [c.name, c.treatment])).toEqual([
      ["Charity gifts", "DEDUCTION"],
      ["Federal tax withheld", "TAX_PAYMENT"],
      ["Tax test salary", "TAXABLE_INCOME"],
    ]);
  });

  it("follows the profile: an earlier revision, qualified dividends, a category treated differently", async () => {
    await api.setProfile(alice, { year: 2025, revision: "REV_PROC_2024_40", dividendsQualified: true });
    const s = await api.summary(alice, 2025);
    // Standard 15,000: taxable 85,600, qualified 600 (200 dividends + 400 gain); ordinary 85,000:
    // 1,192.50 + 4,386.00 + 22 % × 36,525 = 8,035.50 → 13,614.00; 600 × 15 % = 90.00.
    expect(s).toMatchObject({ revision: "REV_PROC_2024_40", taxableIncome: { amount: "85600.00" }, qualifiedIncome: { amount: "600.00" } });
    expect(s.computation.tax.amount).toBe("13704.00");

    await api.setProfile(alice, { year: 2025, revision: null, categories: [{ categoryId: cats.charity, treatment: "NONE" }] });
    const back = await api.summary(alice, 2025);
    expect(back.revision).toBe("OBBBA_2025");
    expect(back.deduction.itemized.total.amount).toBe("0.00");
    const profile = (
      await api.ok(alice, `{ me { taxProfile(year: 2025) { dividendsQualified saved categories { categoryId treatment chosen } } } }`)
    ).me.taxProfile;
    expect(profile.saved).toBe(true);
    expect(profile.categories.find((c: { categoryId: string }) => c.categoryId === cats.charity)).toEqual({
      categoryId: cats.charity,
      treatment: "NONE",
      chosen: true,
    });
    await api.setProfile(alice, { year: 2025, dividendsQualified: false, categories: [{ categoryId: cats.charity, treatment: null }] });
  });

  it("announces each new estimate once, and moves income between years when a transaction is backdated", async () => {
    await deps.estimateJob.runPending();
    const before = await estimateEvents(alice.id);
    expect(before.at(-1)).toEqual([2025, "1355300", "155300"]);
    // A year marked again without a change in its figures (a late category event, say) is recomputed but not announced again.
    await deps.estimateJob.runPending();
    expect(await estimateEvents(alice.id)).toEqual(before);

    await api.ok(alice, `mutation($id: ID!, $i: UpdateTransactionInput!) { updateTransaction(id: $id, input: $i) { id } }`, {
      id: salaryTx,
      i: { date: "2024-12-31" },
    });
    await eventually(async () =>
      expect((await api.summary(alice, 2025, "income { categories { amount } }")).income.categories.amount).toBe("0.00"),
    );
    expect((await api.summary(alice, 2024, "revision income { categories { amount } }")).income.categories.amount).toBe("100000.00");
    await eventually(async () => {
      await deps.estimateJob.runPending();
      const years = (await estimateEvents(alice.id)).slice(before.length).map((e: unknown[]) => e[0]);
      expect(years.sort()).toEqual([2024, 2025]);
    });
    await api.ok(alice, `mutation($id: ID!, $i: UpdateTransactionInput!) { updateTransaction(id: $id, input: $i) { id } }`, {
      id: salaryTx,
      i: { date: "2025-12-31" },
    });
    await eventually(async () => expect((await api.summary(alice, 2025, "estimatedTax { amount }")).estimatedTax.amount).toBe("13553.00"));
  });

  it("reports the year as CSV with every line, payment and lot behind it", async () => {
    const report = (await api.ok(alice, `{ taxYearReport(year: 2025) { filename contentType rows csv } }`)).taxYearReport;
    expect(report.filename).toBe("tax-us-2025.csv");
    const rows: Array<Record<string, string>> = parse(report.csv, { columns: true });
    expect(rows).toHaveLength(report.rows);
    const summaryRow = (d: string) => rows.find((r) => r.section === "SUMMARY" && r.description === d)?.amount;
    expect(summaryRow("Estimated tax")).toBe("13553.00");
    expect(summaryRow("Taxable income")).toBe("84850.00");
    // By date: the charity in November, then the two December lines (in transaction order).
    const lines = rows.filter((r) => r.section === "LINE").map((r) => [r.date, r.category, r.treatment, r.counted]);
    expect(lines[0]).toEqual(["2025-11-20", "Charity gifts", "DEDUCTION", "-1000.00"]);
    expect(lines.slice(1).sort()).toEqual([
      ["2025-12-31", "Federal tax withheld", "TAX_PAYMENT", "-12000.00"],
      ["2025-12-31", "Tax test salary", "TAXABLE_INCOME", "100000.00"],
    ]);
    expect(rows.filter((r) => r.section === "INVESTMENT_INCOME").map((r) => [r.date, r.treatment, r.amount])).toEqual([
      ["2025-03-01", "DIVIDEND", "200.00"],
    ]);
    expect(
      rows
        .filter((r) => r.section === "LOT")
        .map((r) => [r.description, r.term, r.acquired_on, r.date, r.quantity, r.cost, r.proceeds, r.amount]),
    ).toEqual([
      ["BBB", "SHORT", "2025-01-10", "2025-05-10", "10", "500.00", "400.00", "-100.00"],
      ["AAA", "LONG", "2023-03-01", "2025-06-02", "10", "1000.00", "1500.00", "500.00"],
    ]);
  });

  it("keeps each user's tax to themselves, through the gateway and _entities", async () => {
    const bob = await sg.register("Bob");
    expect(
      await api.outcome(bob, `mutation($i: SetTaxProfileInput!) { setTaxProfile(input: $i) { year } }`, {
        i: { year: 2025, categories: [{ categoryId: cats.charity, treatment: "DEDUCTION" }] },
      }),
    ).toBe("NOT_FOUND");
    expect((await api.ok(bob, `query($id: ID!) { taxEstimate(id: $id) { id } }`, { id: `${alice.id}:2025` })).taxEstimate).toBeNull();
    expect(await api.summary(bob, 2025, "grossIncome { amount } estimatedTax { amount }")).toEqual({
      grossIncome: { amount: "0.00" },
      estimatedTax: { amount: "0.00" },
    });
    const signer = new InternalTokenSigner(sg.all.platform.internalKeys.privateKey!);
    const as = async (userId: string) => ({ [INTERNAL_TOKEN_HEADER]: await signer.sign({ userId, scopes: ["*"] }, "t") });
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { taxYearSummary(year: 2025) { grossIncome { amount } } taxProfile { year } } } }`;
    const asBob = await postGraphQL(
      sg.all.urls.tax!,
      { query: entities, variables: { r: [{ __typename: "User", id: alice.id }] } },
      await as(bob.id),
    );
    expect(asBob.errors).toBeUndefined();
    expect(asBob.data._entities).toEqual([null]);
    const own = (
      await api.ok(alice, `query($id: ID!) { taxEstimate(id: $id) { year estimatedTax { amount } } }`, { id: `${alice.id}:2025` })
    ).taxEstimate;
    expect(own).toEqual({ year: 2025, estimatedTax: { amount: "13553.00" } });
  });

  it("purges a deleted user's tax data", async () => {
    const erin = await sg.register("Erin");
    const erinAccount = await sg.createAccount(erin, "USD");
    const job = await api.category(erin, "Erin wages", "INCOME");
    await api.post(erin, erinAccount, "500.00", "2025-02-01", job);
    await api.setProfile(erin, { year: 2025, filingStatus: "HEAD_OF_HOUSEHOLD", dependants: 1 });
    await eventually(async () => expect((await api.summary(erin, 2025, "grossIncome { amount }")).grossIncome.amount).toBe("500.00"));
    expect(
      (await sg.query(`mutation($p: String!) { deleteAccount(password: $p) }`, { p: erin.password }, erin.headers)).data.deleteAccount,
    ).toBe(true);
    const left = async () =>
      (
        await db().query(
          `SELECT (SELECT count(*) FROM tax.ledger_lines WHERE user_id = $1) + (SELECT count(*) FROM tax.categories WHERE user_id = $1)
                + (SELECT count(*) FROM tax.profiles WHERE user_id = $1) + (SELECT count(*) FROM tax.estimates WHERE user_id = $1)
                + (SELECT count(*) FROM tax.user_settings WHERE user_id = $1) AS n`,
          [erin.id],
        )
      )[0].n;
    await eventually(async () => expect(Number(await left())).toBe(0));
  });
});
