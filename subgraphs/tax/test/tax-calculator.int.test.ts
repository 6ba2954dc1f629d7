import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import type { GraphQLResult, RegisteredUser, TestSupergraph } from "../../../test/harness/supergraph.js";
import { startTestSupergraph } from "../../../test/harness/supergraph.js";
import { taxClient, usd } from "./tax-client.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

const eur = (amount: string) => ({ amount, currency: "EUR" });
const line = (kind: string, ratePercent: string, from: string, to: string | null, amount: string, tax: string) => ({
  kind,
  ratePercent,
  from: { amount: from },
  to: to === null ? null : { amount: to },
  amount: { amount },
  tax: { amount: tax },
});

/** The first error's code, field and what it says is available; the data must be null (incomeTax is non-null). */
function refusal(r: GraphQLResult) {
  expect(r.data ?? null).toBeNull();
  const e = r.errors?.[0]?.extensions ?? {};
  return { code: e.code, field: e.field, ...(e.available !== undefined && { available: e.available }) };
}

describe.each(modes)("the income tax calculator and tax tables on %s", (_mode, config) => {
  let sg: TestSupergraph;
  let api: ReturnType<typeof taxClient>;
  let alice: RegisteredUser;
  const single2024 = { jurisdiction: "US", year: 2024, filingStatus: "SINGLE" };

  beforeAll(async () => {
    sg = await startTestSupergraph(config());
    api = taxClient(sg);
    alice = await sg.register("Alice");
  });

  afterAll(async () => {
    await sg?.close();
  });

  it("taxes a 2024 single filer at the top of the 22 % band exactly as the rate schedule's base amount", async () => {
    const r = await api.incomeTax(alice, { ...single2024, taxableIncome: usd("100525.00") });
    expect(r.errors).toBeUndefined();
    // Rev. Proc. 2023-34 Table 3: 10 % × 11,600 = 1,160.00; 12 % × (47,150 − 11,600 = 35,550) = 4,266.00;
    // 22 % × (100,525 − 47,150 = 53,375) = 11,742.50 → 17,168.50, the schedule's "$17,168.50 plus 24 %" over 100,525.
    // Effective: 17,168.50 / 100,525 = 17.0788 % → 17.08.
    expect(r.data.incomeTax).toEqual({
      jurisdiction: "US",
      year: 2024,
      revision: "REV_PROC_2023_34",
      filingStatus: "SINGLE",
      taxableIncome: { amount: "100525.00", currency: "USD" },
      qualifiedIncome: { amount: "0.00" },
      tax: { amount: "17168.50" },
      ordinaryTax: { amount: "17168.50" },
      capitalGainsTax: { amount: "0.00" },
      marginalRatePercent: "22",
      effectiveRatePercent: "17.08",
      brackets: [
        line("ORDINARY", "10", "0.00", "11600.00", "11600.00", "1160.00"),
        line("ORDINARY", "12", "11600.00", "47150.00", "35550.00", "4266.00"),
        line("ORDINARY", "22", "47150.00", "100525.00", "53375.00", "11742.50"),
      ],
    });
  });

  it("stacks qualified income on top of ordinary income (2025, married filing jointly)", async () => {
    const r = await api.incomeTax(alice, {
      jurisdiction: "US",
      year: 2025,
      filingStatus: "MARRIED_FILING_JOINTLY",
      taxableIncome: usd("120000.00"),
      qualifiedIncome: usd("30000.00"),
    });
    expect(r.errors).toBeUndefined();
    // Ordinary 90,000: 10 % × 23,850 = 2,385.00; 12 % × (90,000 − 23,850 = 66,150) = 7,938.00 → 10,323.00.
    // Qualified 30,000 from 90,000 to 120,000: 0 % up to 96,700 (6,700); 15 % × (120,000 − 96,700 = 23,300) = 3,495.00.
    // Total 13,818.00, less than all-ordinary (2,385 + 8,772 + 22 % × 23,050 = 5,071 → 16,228.00).
    // Effective 13,818 / 120,000 = 11.515 % → 11.52 (half-up); the last dollar is taxed at 15 %.
    expect(r.data.incomeTax).toMatchObject({
      revision: "OBBBA_2025",
      qualifiedIncome: { amount: "30000.00" },
      ordinaryTax: { amount: "10323.00" },
      capitalGainsTax: { amount: "3495.00" },
      tax: { amount: "13818.00" },
      marginalRatePercent: "15",
      effectiveRatePercent: "11.52",
      brackets: [
        line("ORDINARY", "10", "0.00", "23850.00", "23850.00", "2385.00"),
        line("ORDINARY", "12", "23850.00", "96950.00", "66150.00", "7938.00"),
        line("CAPITAL_GAINS", "0", "0.00", "96700.00", "6700.00", "0.00"),
        line("CAPITAL_GAINS", "15", "96700.00", "600050.00", "23300.00", "3495.00"),
      ],
    });
  });

  it("rounds to the cent half-up once, and uses the revision asked for", async () => {
    const hoh = await api.incomeTax(alice, { ...single2024, filingStatus: "HEAD_OF_HOUSEHOLD", taxableIncome: usd("50000.05") });
    // 10 % × 16,550 = 1,655.00; 12 % × (50,000.05 − 16,550 = 33,450.05) = 4,014.006 → 5,669.006 → 5,669.01.
    expect(hoh.data.incomeTax).toMatchObject({
      tax: { amount: "5669.01" },
      marginalRatePercent: "12",
      brackets: [
        line("ORDINARY", "10", "0.00", "16550.00", "16550.00", "1655.00"),
        line("ORDINARY", "12", "16550.00", "63100.00", "33450.05", "4014.01"),
      ],
    });

    // 2025 married filing separately, 400,000: 1,192.50 + 12 % × 36,550 = 4,386.00 + 22 % × 54,875 = 12,072.50
    // + 24 % × 93,950 = 22,548.00 + 32 % × 53,225 = 17,032.00 + 35 % × 125,275 = 43,846.25 + 37 % × 24,200 = 8,954.00
    // → 110,031.25 under either 2025 revision (P.L. 119-21 left the brackets as they were).
    const mfs = { jurisdiction: "US", year: 2025, filingStatus: "MARRIED_FILING_SEPARATELY", taxableIncome: usd("400000") };
    for (const [revision, expected] of [
      [undefined, "OBBBA_2025"],
      ["REV_PROC_2024_40", "REV_PROC_2024_40"],
    ] as const) {
      const r = await api.incomeTax(alice, { ...mfs, revision }, "revision tax { amount } marginalRatePercent");
      expect(r.data.incomeTax).toEqual({ revision: expected, tax: { amount: "110031.25" }, marginalRatePercent: "37" });
    }
  });

  it("owes nothing on a taxable income of zero or less (documented), rather than refusing it", async () => {
    for (const amount of ["-2500.00", "0", "-0.01"]) {
      const r = await api.incomeTax(alice, { ...single2024, taxableIncome: usd(amount) });
      expect(r.errors).toBeUndefined();
      expect(r.data.incomeTax).toMatchObject({
        tax: { amount: "0.00" },
        ordinaryTax: { amount: "0.00" },
        capitalGainsTax: { amount: "0.00" },
        marginalRatePercent: "0",
        effectiveRatePercent: "0.00",
        brackets: [],
      });
    }
  });

  it("lists US 2024 and both 2025 revisions with their sources, the newest of each year as the default", async () => {
    const tables = (
      await api.ok(
        alice,
        `{ taxTables(jurisdiction: "US") { jurisdiction year revision effectiveDate isDefault currency filingStatuses
           sources { part citation url } schedules { filingStatus standardDeduction { amount } } } }`,
      )
    ).taxTables;
    expect(tables.map((t: { year: number; revision: string; isDefault: boolean }) => [t.year, t.revision, t.isDefault])).toEqual([
      [2024, "REV_PROC_2023_34", true],
      [2025, "REV_PROC_2024_40", false],
      [2025, "OBBBA_2025", true],
    ]);
    for (const table of tables) {
      expect(table).toMatchObject({ jurisdiction: "US", currency: "USD" });
      expect(table.filingStatuses).toEqual(["SINGLE", "MARRIED_FILING_JOINTLY", "MARRIED_FILING_SEPARATELY", "HEAD_OF_HOUSEHOLD"]);
      expect(table.sources.map((s: { part: string }) => s.part)).toEqual(
        expect.arrayContaining(["ordinaryBrackets", "standardDeduction", "capitalGainsBrackets"]),
      );
      for (const source of table.sources) {
        expect(source.citation.length).toBeGreaterThan(10);
        expect(source.url).toMatch(/^https:\/\//);
      }
    }
    const [, original, obbba] = tables;
    expect(obbba.effectiveDate > original.effectiveDate).toBe(true);
    // The law change raised the standard deduction: 15,000 → 15,750 for a single filer.
    const single = (t: { schedules: Array<{ filingStatus: string; standardDeduction: { amount: string } }> }) =>
      t.schedules.find((s) => s.filingStatus === "SINGLE")!.standardDeduction.amount;
    expect([single(original), single(obbba)]).toEqual(["15000.00", "15750.00"]);
    expect(obbba.sources.find((s: { part: string }) => s.part === "standardDeduction").citation).toContain("119-21");
    expect(original.sources.find((s: { part: string }) => s.part === "standardDeduction").citation).toContain("2024-40");

    const only2025 = (await api.ok(alice, `{ taxTables(year: 2025) { revision isDefault } }`)).taxTables;
    expect(only2025).toEqual([
      { revision: "REV_PROC_2024_40", isDefault: false },
      { revision: "OBBBA_2025", isDefault: true },
    ]);
    expect((await api.ok(alice, `{ taxTables(year: 2031) { revision } }`)).taxTables).toEqual([]);
  });

  it("refuses a table that does not exist with its own code, the field and what does exist", async () => {
    expect(refusal(await api.incomeTax(alice, { ...single2024, year: 2031, taxableIncome: usd("1000") }))).toEqual({
      code: "UNKNOWN_TAX_YEAR",
      field: "year",
      available: [2024, 2025],
    });
    expect(refusal(await api.incomeTax(alice, { ...single2024, jurisdiction: "FR", taxableIncome: usd("1000") }))).toEqual({
      code: "UNKNOWN_JURISDICTION",
      field: "jurisdiction",
      available: ["US"],
    });
    // A revision of another year is not one of this year's.
    for (const revision of ["OBBBA_2026", "REV_PROC_2023_34", ""]) {
      expect(refusal(await api.incomeTax(alice, { ...single2024, year: 2025, revision, taxableIncome: usd("1000") }))).toEqual({
        code: "UNKNOWN_REVISION",
        field: "revision",
        available: ["REV_PROC_2024_40", "OBBBA_2025"],
      });
    }
    // The year summary and its report say the same of a year without tables; its estimate is simply absent.
    for (const field of ["taxYearSummary(year: 2031) { year }", "taxYearReport(year: 2031) { rows }"]) {
      const r = await api.call(alice, `{ ${field} }`);
      expect(refusal(r)).toEqual({ code: "UNKNOWN_TAX_YEAR", field: "year", available: [2024, 2025] });
    }
    const estimate = await api.ok(alice, `query($id: ID!) { taxEstimate(id: $id) { id } }`, { id: `${alice.id}:2031` });
    expect(estimate.taxEstimate).toBeNull();
    for (const filingStatus of ["single", "QUALIFYING_SURVIVING_SPOUSE", ""]) {
      expect(refusal(await api.incomeTax(alice, { ...single2024, filingStatus, taxableIncome: usd("1000") }))).toEqual({
        code: "UNKNOWN_FILING_STATUS",
        field: "filingStatus",
        available: ["SINGLE", "MARRIED_FILING_JOINTLY", "MARRIED_FILING_SEPARATELY", "HEAD_OF_HOUSEHOLD"],
      });
    }
  });

  it("refuses malformed amounts and amounts in another currency, naming the field", async () => {
    for (const amount of ["12.345", "abc", "1e400", "", "1,000.00", "9999999999999999"]) {
      expect(refusal(await api.incomeTax(alice, { ...single2024, taxableIncome: usd(amount) })), amount).toEqual({
        code: "BAD_USER_INPUT",
        field: "taxableIncome",
      });
      expect(
        refusal(await api.incomeTax(alice, { ...single2024, taxableIncome: usd("1000"), qualifiedIncome: usd(amount) })),
        amount,
      ).toEqual({ code: "BAD_USER_INPUT", field: "qualifiedIncome" });
    }
    expect(refusal(await api.incomeTax(alice, { ...single2024, taxableIncome: eur("50000.00") }))).toEqual({
      code: "BAD_USER_INPUT",
      field: "taxableIncome",
    });
    expect(refusal(await api.incomeTax(alice, { ...single2024, taxableIncome: usd("50000.00"), qualifiedIncome: eur("10.00") }))).toEqual({
      code: "BAD_USER_INPUT",
      field: "qualifiedIncome",
    });
    expect(refusal(await api.incomeTax(alice, { ...single2024, taxableIncome: { amount: "10.00", currency: "DOLLARS" } }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "taxableIncome.currency",
    });
  });

  it("refuses qualified income above taxable income or below zero", async () => {
    const cases: Array<[string, string]> = [
      ["50000.00", "50000.01"],
      ["50000.00", "-0.01"],
      ["-100.00", "10.00"],
      ["0", "0.01"],
    ];
    for (const [taxable, qualified] of cases) {
      expect(
        refusal(await api.incomeTax(alice, { ...single2024, taxableIncome: usd(taxable), qualifiedIncome: usd(qualified) })),
        `${qualified} of ${taxable}`,
      ).toEqual({ code: "BAD_USER_INPUT", field: "qualifiedIncome" });
    }
    // All of it qualified is allowed: 2024 single, 40,000 all within the 0 % band (up to 47,025).
    const all = await api.incomeTax(alice, { ...single2024, taxableIncome: usd("40000"), qualifiedIncome: usd("40000") });
    expect(all.data.incomeTax).toMatchObject({ tax: { amount: "0.00" }, marginalRatePercent: "0" });
  });

  it("answers only callers with tax:read", async () => {
    const ledgerOnly = await api.apiKey(alice, ["ledger:read"]);
    const denied = await api.incomeTax(ledgerOnly, { ...single2024, taxableIncome: usd("1000") });
    expect(denied.data ?? null).toBeNull();
    expect(denied.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await sg.query(`{ taxTables { revision } }`, {}, ledgerOnly.headers)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const taxRead = await api.apiKey(alice, ["tax:read"]);
    const allowed = await api.incomeTax(taxRead, { ...single2024, taxableIncome: usd("11600") }, "tax { amount }");
    expect(allowed).toMatchObject({ data: { incomeTax: { tax: { amount: "1160.00" } } } });
    // Reading is not writing.
    const write = await sg.query(`mutation { setTaxProfile(input: { year: 2025, dependants: 1 }) { year } }`, {}, taxRead.headers);
    expect(write.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await api.profile(alice, 2025, "dependants saved")).saved).toBe(false);

    const anonymous = await sg.query(`{ taxTables { revision } }`);
    expect(anonymous.data ?? null).toBeNull();
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("still answers correctly after all of that, including the largest amount it accepts", async () => {
    // 37 % over 609,350 on 999,999,999,999,999.99: base 183,647.25 + 0.37 × 999,999,999,390,649.99
    // = 183,647.25 + 369,999,999,774,540.4963 = 369,999,999,958,187.7463 → …187.75.
    const huge = await api.incomeTax(alice, { ...single2024, taxableIncome: usd("999999999999999.99") }, "tax { amount }");
    expect(huge).toMatchObject({ data: { incomeTax: { tax: { amount: "369999999958187.75" } } } });
    const r = await api.incomeTax(alice, { ...single2024, taxableIncome: usd("100525.00") }, "tax { amount }");
    expect(r.data.incomeTax.tax.amount).toBe("17168.50");
  });
});
