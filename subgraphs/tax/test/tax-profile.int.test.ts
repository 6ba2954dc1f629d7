import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import { taxClient, usd } from "./tax-client.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

interface Category {
  categoryId: string;
  name: string;
  treatment: string;
  chosen: boolean;
}

describe.each(modes)("tax profiles and category treatments on %s", (_mode, config) => {
  // "Today" is in 2026, a year without tax tables yet.
  const clock = new FixedClock("2026-02-10T12:00:00Z");
  let sg: TestSupergraph;
  let api: ReturnType<typeof taxClient>;
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  const cats: Record<string, string> = {};

  const db = () => sg.subgraph("tax").kit.dataSource;
  const categories = async (user: RegisteredUser, year: number): Promise<Category[]> =>
    (await api.profile(user, year, "categories { categoryId name treatment chosen }")).categories;
  const byName = (list: Category[]) => Object.fromEntries(list.map((c) => [c.name, [c.treatment, c.chosen]]));
  /** Once tax has heard of the user's category called `name`: its id. */
  const known = (user: RegisteredUser, name: string) =>
    eventually(async () => {
      const found = (await categories(user, 2025)).find((c) => c.name === name);
      expect(found).toBeDefined();
      return found!.categoryId;
    });
  const setProfileOutcome = (user: RegisteredUser, input: Record<string, unknown>) =>
    api.outcome(user, `mutation($i: SetTaxProfileInput!) { setTaxProfile(input: $i) { year } }`, { i: input });

  beforeAll(async () => {
    sg = await startTestSupergraph(config(), { clock });
    api = taxClient(sg);
    alice = await sg.register("Alice");
    bob = await sg.register("Bob");
    cats.charity = await api.category(alice, "Charity gifts", "EXPENSE");
    cats.bobs = await api.category(bob, "Bob's own", "EXPENSE");
    await known(alice, "Charity gifts");
    await known(bob, "Bob's own");
  });

  afterAll(async () => {
    await sg?.close();
  });

  it("refuses every bad setTaxProfile with its code and field, and writes nothing", async () => {
    await api.setProfile(alice, {
      year: 2024,
      filingStatus: "MARRIED_FILING_JOINTLY",
      dependants: 2,
      dividendsQualified: true,
      otherWithholding: usd("1200.00"),
      revision: "REV_PROC_2023_34",
      categories: [{ categoryId: cats.charity, treatment: "NONE" }],
    });
    const snapshot = async () => ({
      y2024: await api.profile(alice, 2024),
      y2025: await api.profile(alice, 2025),
      rows: await db().query(
        `SELECT (SELECT count(*) FROM tax.profiles WHERE user_id = $1)::int AS profiles,
                (SELECT count(*) FROM tax.category_treatments WHERE user_id = $1)::int AS treatments`,
        [alice.id],
      ),
    });
    const before = await snapshot();
    expect(before.y2024).toMatchObject({ saved: true, dependants: 2, otherWithholding: { amount: "1200.00", currency: "USD" } });
    expect(before.rows).toEqual([{ profiles: 1, treatments: 1 }]);

    const tooMany = Array.from({ length: 501 }, () => ({ categoryId: cats.charity, treatment: "DEDUCTION" }));
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ year: 2024, dependants: -1 }, "BAD_USER_INPUT:dependants"],
      [{ year: 2024, dependants: 21 }, "BAD_USER_INPUT:dependants"],
      [{ year: 1800, dependants: 1 }, "UNKNOWN_TAX_YEAR:year"],
      [{ year: 2030, dependants: 1 }, "UNKNOWN_TAX_YEAR:year"],
      [{ year: 2024, jurisdiction: "CA" }, "UNKNOWN_JURISDICTION:jurisdiction"],
      [{ year: 2024, filingStatus: "WIDOWED" }, "UNKNOWN_FILING_STATUS:filingStatus"],
      [{ year: 2024, otherWithholding: { amount: "100.00", currency: "EUR" } }, "BAD_USER_INPUT:otherWithholding"],
      [{ year: 2024, otherWithholding: usd("-0.01") }, "BAD_USER_INPUT:otherWithholding"],
      [{ year: 2024, otherWithholding: usd("1.001") }, "BAD_USER_INPUT:otherWithholding"],
      [{ year: 2024, revision: "OBBBA_2025" }, "UNKNOWN_REVISION:revision"],
      [{ year: 2025, revision: "REV_PROC_2025_99" }, "UNKNOWN_REVISION:revision"],
      [{ year: 2024, categories: tooMany }, "BAD_USER_INPUT:categories"],
      [{ year: 2024, categories: [{ categoryId: "not-a-uuid", treatment: "DEDUCTION" }] }, "NOT_FOUND"],
      [{ year: 2024, categories: [{ categoryId: randomUUID(), treatment: "DEDUCTION" }] }, "NOT_FOUND"],
      [{ year: 2024, categories: [{ categoryId: cats.bobs, treatment: "DEDUCTION" }] }, "NOT_FOUND"],
      // A good change with a bad one is refused whole.
      [{ year: 2024, dependants: 3, categories: [{ categoryId: cats.charity, treatment: null }, { categoryId: cats.bobs }] }, "NOT_FOUND"],
      [{ year: 2025, dependants: 3, filingStatus: "SINGLE ", otherWithholding: usd("5.00") }, "UNKNOWN_FILING_STATUS:filingStatus"],
    ];
    for (const [input, expected] of cases) {
      expect(await setProfileOutcome(alice, input), JSON.stringify(input).slice(0, 120)).toBe(expected);
    }
    // The year error says which years exist.
    const year = await api.call(alice, `mutation { setTaxProfile(input: { year: 1800 }) { year } }`);
    expect(year.errors?.[0]?.extensions?.available).toEqual([2024, 2025]);
    expect(await snapshot()).toEqual(before);
    // Bob's category was not touched by Alice's attempt either.
    expect((await categories(bob, 2024)).find((c) => c.categoryId === cats.bobs)).toMatchObject({ treatment: "NONE", chosen: false });
  });

  it("carries a year nobody saved from the latest earlier year: who files and how, not the withholding or the pinned law", async () => {
    const carol = await sg.register("Carol");
    const freelance = await api.category(carol, "Freelance design", "INCOME");
    await known(carol, "Freelance design");
    await api.setProfile(carol, {
      year: 2024,
      filingStatus: "HEAD_OF_HOUSEHOLD",
      dependants: 2,
      dividendsQualified: true,
      otherWithholding: usd("1500.00"),
      revision: "REV_PROC_2023_34",
      categories: [{ categoryId: freelance, treatment: "NONE" }],
    });

    const carried = await api.profile(carol, 2025);
    expect(carried).toMatchObject({
      year: 2025,
      jurisdiction: "US",
      filingStatus: "HEAD_OF_HOUSEHOLD",
      dependants: 2,
      dividendsQualified: true,
      otherWithholding: { amount: "0.00", currency: "USD" },
      revision: null,
      saved: false,
      carriedFrom: 2024,
    });
    expect(carried.categories.find((c: Category) => c.categoryId === freelance)).toMatchObject({ treatment: "NONE", chosen: true });
    // The summary follows the carried settings under the year's newest law.
    const summary = await api.summary(carol, 2025, "filingStatus revision withheld { amount } deduction { standard { amount } }");
    expect(summary).toEqual({
      filingStatus: "HEAD_OF_HOUSEHOLD",
      revision: "OBBBA_2025",
      withheld: { amount: "0.00" },
      deduction: { standard: { amount: "23625.00" } },
    });
    // Before anything was saved: the defaults.
    expect(await api.profile(carol, 2023, "year filingStatus dependants saved carriedFrom")).toEqual({
      year: 2023,
      filingStatus: "SINGLE",
      dependants: 0,
      saved: false,
      carriedFrom: null,
    });

    // Saving 2025 starts from what it carried, and leaves 2024 as it was.
    const saved = await api.setProfile(carol, { year: 2025, dependants: 3 }, "year filingStatus dependants revision saved carriedFrom");
    expect(saved).toEqual({ year: 2025, filingStatus: "HEAD_OF_HOUSEHOLD", dependants: 3, revision: null, saved: true, carriedFrom: null });
    expect((await categories(carol, 2025)).find((c) => c.categoryId === freelance)).toMatchObject({ treatment: "NONE", chosen: true });
    expect(await api.profile(carol, 2024, "dependants otherWithholding { amount } revision saved")).toEqual({
      dependants: 2,
      otherWithholding: { amount: "1500.00" },
      revision: "REV_PROC_2023_34",
      saved: true,
    });
  });

  it("answers for the current year without one, or the latest year with tables when the current has none", async () => {
    // 2026-02-10: no 2026 tables, so 2025; before anything is saved, the defaults.
    const dave = await sg.register("Dave");
    expect(await api.profile(dave, null, "year filingStatus saved carriedFrom")).toEqual({
      year: 2025,
      filingStatus: "SINGLE",
      saved: false,
      carriedFrom: null,
    });
    await api.setProfile(dave, { year: 2025, filingStatus: "MARRIED_FILING_SEPARATELY" });
    expect(await api.profile(dave, null, "year filingStatus saved")).toEqual({
      year: 2025,
      filingStatus: "MARRIED_FILING_SEPARATELY",
      saved: true,
    });
    expect((await api.ok(dave, `{ me { taxProfile { year filingStatus } } }`)).me.taxProfile).toEqual({
      year: 2025,
      filingStatus: "MARRIED_FILING_SEPARATELY",
    });
  });

  it("treats categories by the user's choice on them or a parent, else by name, else by kind", async () => {
    const erin = await sg.register("Erin");
    // The ledger's default categories arrive with registration.
    await known(erin, "Rent");
    const housing = await known(erin, "Housing");
    const names = ["Charity gifts", "Property tax", "Federal tax withheld", "IRA contributions", "Doctor visits", "Holidays"];
    for (const name of names) cats[`erin:${name}`] = await api.category(erin, name, "EXPENSE");
    cats["erin:Freelance"] = await api.category(erin, "Freelance", "INCOME");
    cats["erin:Gift from parents"] = await api.category(erin, "Gift from parents", "INCOME");
    cats["erin:Home property tax"] = await api.category(erin, "Home property tax", "EXPENSE", housing);
    await known(erin, "Home property tax");
    await known(erin, "Gift from parents");
    await eventually(async () => expect((await categories(erin, 2025)).map((c) => c.name)).toEqual(expect.arrayContaining(names)));

    expect(byName(await categories(erin, 2025))).toMatchObject({
      "Charity gifts": ["DEDUCTION", false],
      "Property tax": ["STATE_AND_LOCAL_TAX", false],
      "Federal tax withheld": ["TAX_PAYMENT", false],
      "IRA contributions": ["ADJUSTMENT", false],
      "Doctor visits": ["MEDICAL", false],
      Holidays: ["NONE", false],
      Freelance: ["TAXABLE_INCOME", false],
      "Gift from parents": ["NONE", false],
      Salary: ["TAXABLE_INCOME", false],
      Groceries: ["NONE", false],
      Housing: ["NONE", false],
      Rent: ["NONE", false],
      // A name that says "property tax" counts under a parent that says nothing.
      "Home property tax": ["STATE_AND_LOCAL_TAX", false],
    });

    // A choice on a parent covers its whole branch, names included; a child's own choice wins over it.
    await api.setProfile(erin, { year: 2025, categories: [{ categoryId: housing, treatment: "DEDUCTION" }] });
    expect(byName(await categories(erin, 2025))).toMatchObject({
      Housing: ["DEDUCTION", true],
      Rent: ["DEDUCTION", false],
      Utilities: ["DEDUCTION", false],
      "Home property tax": ["DEDUCTION", false],
    });
    await api.setProfile(erin, {
      year: 2025,
      categories: [{ categoryId: cats["erin:Home property tax"], treatment: "STATE_AND_LOCAL_TAX" }],
    });
    expect(byName(await categories(erin, 2025))).toMatchObject({
      Rent: ["DEDUCTION", false],
      "Home property tax": ["STATE_AND_LOCAL_TAX", true],
    });

    // And the summary counts a child's lines by the branch's choice: rent 2,000 is an itemized deduction.
    const account = await sg.createAccount(erin, "USD");
    await api.post(erin, account, "-2000.00", "2025-03-01", await known(erin, "Rent"), "Landlord");
    await eventually(async () =>
      expect((await api.summary(erin, 2025, "deduction { itemized { otherDeductions { amount } } }")).deduction.itemized).toEqual({
        otherDeductions: { amount: "2000.00" },
      }),
    );
    // Back to the default: the branch follows names and kinds again (other years never had the choice).
    await api.setProfile(erin, { year: 2025, categories: [{ categoryId: housing, treatment: null }] });
    expect(byName(await categories(erin, 2025))).toMatchObject({ Housing: ["NONE", false], Rent: ["NONE", false] });
    expect(byName(await categories(erin, 2024))).toMatchObject({
      Housing: ["NONE", false],
      "Home property tax": ["STATE_AND_LOCAL_TAX", false],
    });
    expect((await api.summary(erin, 2025, "deduction { itemized { otherDeductions { amount } } }")).deduction.itemized).toEqual({
      otherDeductions: { amount: "0.00" },
    });
  });

  it("moves a merged or deleted category's lines and forgets its own treatment", async () => {
    const frank = await sg.register("Frank");
    const account = await sg.createAccount(frank, "USD");
    const consultingA = await api.category(frank, "Consulting A", "INCOME");
    const consultingB = await api.category(frank, "Consulting B", "INCOME");
    const donations = await api.category(frank, "Donations", "EXPENSE");
    await known(frank, "Donations");
    await known(frank, "Consulting B");
    await api.setProfile(frank, {
      year: 2025,
      categories: [
        { categoryId: consultingB, treatment: "NONE" },
        { categoryId: donations, treatment: "DEDUCTION" },
      ],
    });
    await api.post(frank, account, "1000.00", "2025-04-01", consultingA, "Client A");
    await api.post(frank, account, "2000.00", "2025-04-02", consultingB, "Client B");
    await api.post(frank, account, "-700.00", "2025-04-03", donations, "Food bank");
    const figures = async () => {
      const s = await api.summary(frank, 2025, "income { categories { amount } } deduction { itemized { otherDeductions { amount } } }");
      return [s.income.categories.amount, s.deduction.itemized.otherDeductions.amount];
    };
    await eventually(async () => expect(await figures()).toEqual(["1000.00", "700.00"]));
    const treatments = async () =>
      (await db().query(`SELECT category_id FROM tax.category_treatments WHERE user_id = $1 ORDER BY category_id`, [frank.id])).map(
        (r: { category_id: string }) => r.category_id,
      );
    expect(await treatments()).toEqual([consultingB, donations].sort());

    // B's 2,000 now counts as A's (taxable), and B's NONE goes with it.
    await api.ok(frank, `mutation($t: ID!, $s: ID!) { mergeCategories(targetId: $t, sourceId: $s) { id } }`, {
      t: consultingA,
      s: consultingB,
    });
    await eventually(async () => expect(await figures()).toEqual(["3000.00", "700.00"]));
    // Deleted without a new home, the donation is an uncategorised expense, which does not count.
    await api.ok(frank, `mutation($id: ID!) { deleteCategory(id: $id) }`, { id: donations });
    await eventually(async () => expect(await figures()).toEqual(["3000.00", "0.00"]));
    await eventually(async () => expect(await treatments()).toEqual([]));
    const left = (await categories(frank, 2025)).map((c) => c.categoryId);
    expect(left).toContain(consultingA);
    expect(left).not.toContain(consultingB);
    expect(left).not.toContain(donations);
    // A category that is gone cannot be chosen again.
    expect(await setProfileOutcome(frank, { year: 2025, categories: [{ categoryId: consultingB, treatment: "DEDUCTION" }] })).toBe(
      "NOT_FOUND",
    );
  });

  it("takes the current year in the user's own time zone", async () => {
    // 05:00 UTC on New Year's Day 2025 is still 2024 in Los Angeles.
    clock.set("2025-01-01T05:00:00Z");
    const gina = await sg.register("Gina");
    const hank = await sg.register("Hank");
    const changed = await api.call(gina, `mutation { updateProfile(input: { timezone: "America/Los_Angeles" }) { id } }`);
    expect(changed.errors).toBeUndefined();
    await eventually(async () => expect((await api.profile(gina, null, "year")).year).toBe(2024));
    expect((await api.profile(hank, null, "year")).year).toBe(2025);
  });
});
