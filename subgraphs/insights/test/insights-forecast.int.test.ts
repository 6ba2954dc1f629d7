import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { addDays, FixedClock } from "../../../platform/time/index.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import { ForecastJob } from "../forecast/forecast.job.js";
import type { InsightsDeps } from "../insights.deps.js";
import { insightsClient, usd } from "./insights-client.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

const FORECAST = `query($d: Int!) { cashflowForecast(days: $d) {
  today from to
  accounts { accountId name currency startingBalance { amount } lowest { date balance { amount } } series { date value }
             belowZero { from to } warnsBelowZero scheduled { date amount { amount } label }
             weekdaySpending { weekday average { amount } total { amount } expenses weeks } }
  totals { currency startingBalance { amount } lowest { date balance { amount } } series { date value } belowZero { from to } }
  warnings { accountId name currency firstDate lowest { date balance { amount } } daysBelowZero periods { from to } }
} }`;
const RECURRING = `mutation($i: RecurringTransactionInput!) { createRecurringTransaction(input: $i) { id } }`;

/**
 * Friday 2026-11-20, noon UTC (the users' zone). Checking opened with 2,000.00; the 12 weeks before
 * today (Aug 28 to Nov 19) hold 10.00 at the corner shop every Monday, the landlord's 1,200.00 on
 * Sunday Nov 1 (a scheduled payee: not discretionary) and a 1,000.00 paycheck (income); 500.00 on
 * Aug 20 is older than the window, and 7.00 today is in the balance but not in the averages. So
 * the balance tonight is 2000 − 500 − 120 − 1200 + 1000 − 7 = 1,173.00, and the projection spends
 * 10.00 each Monday, 1,200.00 rent on Dec 1 and gets 500.00 on Dec 15:
 *   Nov 23 1,163.00 · Nov 30 1,153.00 · Dec 1 −47.00 · Dec 7 −57.00 · Dec 14 −67.00 · Dec 15 433.00.
 */
describe.each(modes)("the cash-flow forecast on %s", (_mode, config) => {
  let sg: TestSupergraph;
  let api: ReturnType<typeof insightsClient>;
  let deps: InsightsDeps;
  let alice: RegisteredUser;
  let checking: string;
  let card: string;

  const forecast = async (user: RegisteredUser, days: number) => (await api.ok(user, FORECAST, { d: days })).cashflowForecast;
  const announced = async (accountId: string) =>
    (
      await sg
        .subgraph("insights")
        .kit.dataSource.query(
          `SELECT envelope->'data' AS data FROM insights.outbox WHERE type = 'NegativeBalanceProjected' AND envelope->'data'->>'accountId' = $1 ORDER BY seq`,
          [accountId],
        )
    ).map((r: { data: unknown }) => r.data);
  /** Another instance's job over the same database, as a second replica would run it. */
  const secondInstance = () => {
    const kit = sg.subgraph("insights").kit;
    return new ForecastJob(kit.dataSource, kit.clock, deps.forecast, deps.forecastWarnings, kit.outbox, pino({ level: "silent" }));
  };

  beforeAll(async () => {
    sg = await startTestSupergraph(config(), { clock: new FixedClock("2026-11-20T12:00:00Z") });
    api = insightsClient(sg);
    deps = sg.subgraph<InsightsDeps>("insights").deps;
    alice = await sg.register("Alice");
    const categories = await eventually(async () => {
      const list = (await api.ok(alice, `{ categories { id name } }`)).categories as Array<{ id: string; name: string }>;
      expect(list.length).toBeGreaterThan(0);
      return list;
    });
    const category = (name: string) => categories.find((c) => c.name === name)!.id;
    checking = await api.account(alice, "Checking", "2000.00");
    card = await api.account(alice, "Visa", "-200.00", "CREDIT_CARD");

    const spend = (date: string, amount: string, payee: string, categoryId = category("Groceries")) =>
      api.post(alice, { accountId: checking, date, amount, payee, categoryId });
    for (let monday = "2026-08-31"; monday <= "2026-11-16"; monday = addDays(monday, 7)) await spend(monday, "-10.00", "Corner shop");
    await spend("2026-08-20", "-500.00", "Corner shop");
    await spend("2026-11-01", "-1200.00", "LANDLORD 0042", category("Rent"));
    await spend("2026-11-15", "1000.00", "ACME Corp", category("Salary"));
    await spend("2026-11-20", "-7.00", "Corner shop");
    const monthly = { frequency: "MONTHLY", accountId: checking };
    await api.ok(alice, RECURRING, {
      i: { ...monthly, amount: usd("-1200.00"), payee: "Landlord", categoryId: category("Rent"), dayOfMonth: 1, startDate: "2026-12-01" },
    });
    await api.ok(alice, RECURRING, {
      i: { ...monthly, amount: usd("500.00"), payee: "ACME Corp", categoryId: category("Salary"), dayOfMonth: 15, startDate: "2026-12-15" },
    });
    // Wait on insights' read models, not the API: a whole forecast per poll would spend the user's rate limit.
    await eventually(async () => {
      expect(await deps.schedules.list(alice.id)).toHaveLength(2);
      expect(await deps.transactions.between(alice.id, "2026-08-01", "2026-11-20")).toHaveLength(16);
    });
    const f = await forecast(alice, 30);
    expect(f.accounts.find((a: { accountId: string }) => a.accountId === checking)).toMatchObject({
      startingBalance: { amount: "1173.00" },
      scheduled: [expect.anything(), expect.anything()],
    });
  });

  afterAll(async () => {
    await sg?.close();
  });

  it("projects each day from the balance, the schedules and the weekday averages, as counted by hand", async () => {
    const f = await forecast(alice, 30);
    expect([f.today, f.from, f.to]).toEqual(["2026-11-20", "2026-11-21", "2026-12-20"]);
    expect(f.accounts.map((a: { name: string }) => a.name)).toEqual(["Checking", "Visa"]);
    const [account, visa] = f.accounts;
    expect(account.series).toHaveLength(30);
    const balanceOn = (date: string) => account.series.find((p: { date: string }) => p.date === date).value;
    expect(
      [
        "2026-11-21",
        "2026-11-22",
        "2026-11-23",
        "2026-11-29",
        "2026-11-30",
        "2026-12-01",
        "2026-12-07",
        "2026-12-14",
        "2026-12-15",
        "2026-12-20",
      ].map(balanceOn),
    ).toEqual(["1173.00", "1173.00", "1163.00", "1163.00", "1153.00", "-47.00", "-57.00", "-67.00", "433.00", "433.00"]);
    expect(account).toMatchObject({
      currency: "USD",
      lowest: { date: "2026-12-14", balance: { amount: "-67.00" } },
      belowZero: [{ from: "2026-12-01", to: "2026-12-14" }],
      warnsBelowZero: true,
      scheduled: [
        { date: "2026-12-01", amount: { amount: "-1200.00" }, label: "Landlord" },
        { date: "2026-12-15", amount: { amount: "500.00" }, label: "ACME Corp" },
      ],
    });
    // Monday: 12 × 10.00 over 12 weeks. Sunday's rent is scheduled and Friday's 7.00 is today's: neither counts.
    expect(account.weekdaySpending).toHaveLength(7);
    expect(account.weekdaySpending[0]).toEqual({
      weekday: 1,
      average: { amount: "-10.00" },
      total: { amount: "-120.00" },
      expenses: 12,
      weeks: 12,
    });
    for (const day of account.weekdaySpending.slice(1)) expect(day.total.amount).toBe("0.00");

    // The card stays at −200.00: below zero throughout, and never a warning.
    expect(visa).toMatchObject({
      startingBalance: { amount: "-200.00" },
      lowest: { date: "2026-11-21", balance: { amount: "-200.00" } },
      belowZero: [{ from: "2026-11-21", to: "2026-12-20" }],
      warnsBelowZero: false,
      weekdaySpending: [],
    });
    expect(f.totals).toHaveLength(1);
    expect(f.totals[0]).toMatchObject({
      currency: "USD",
      startingBalance: { amount: "973.00" },
      lowest: { date: "2026-12-14", balance: { amount: "-267.00" } },
      belowZero: [{ from: "2026-12-01", to: "2026-12-14" }],
    });
    expect(f.warnings).toEqual([
      {
        accountId: checking,
        name: "Checking",
        currency: "USD",
        firstDate: "2026-12-01",
        lowest: { date: "2026-12-14", balance: { amount: "-67.00" } },
        daysBelowZero: 14,
        periods: [{ from: "2026-12-01", to: "2026-12-14" }],
      },
    ]);

    // One day ahead: Saturday, nothing moves.
    const tomorrow = await forecast(alice, 1);
    expect(tomorrow.accounts[0].series).toEqual([{ date: "2026-11-21", value: "1173.00" }]);
    expect(tomorrow.warnings).toEqual([]);
  });

  it("announces NegativeBalanceProjected once per account and first day below zero, however often and wherever the job runs", async () => {
    await Promise.all([deps.forecastJob.run(), secondInstance().run(), secondInstance().run()]);
    await deps.forecastJob.run();
    const expected = {
      userId: alice.id,
      accountId: checking,
      currency: "USD",
      firstDate: "2026-12-01",
      lowestBalanceMinor: "-6700",
      lowestDate: "2026-12-14",
    };
    expect(await announced(checking)).toEqual([expected]);
    expect(await announced(card)).toEqual([]);

    // A one-off 1,200.00 on Nov 25 brings the first day below zero forward: that is news, once.
    await api.ok(alice, RECURRING, {
      i: {
        accountId: checking,
        frequency: "MONTHLY",
        amount: usd("-1200.00"),
        payee: "Garage",
        startDate: "2026-11-25",
        endDate: "2026-11-25",
      },
    });
    await eventually(async () => expect(await deps.schedules.list(alice.id)).toHaveLength(3));
    expect((await forecast(alice, 30)).warnings[0].firstDate).toBe("2026-11-25");
    await deps.forecastJob.run();
    await deps.forecastJob.run();
    // Nov 25: 1163.00 − 1200.00 = −37.00; lowest on Dec 14: −67.00 − 1200.00 = −1267.00.
    expect(await announced(checking)).toEqual([
      expected,
      { ...expected, firstDate: "2026-11-25", lowestBalanceMinor: "-126700", lowestDate: "2026-12-14" },
    ]);
  });

  it("refuses days outside 1 to 365 and shows one user nothing of another's", async () => {
    for (const days of [0, 366, -1]) expect(await api.outcome(alice, FORECAST, { d: days }), String(days)).toBe("BAD_USER_INPUT:days");
    expect((await forecast(alice, 365)).accounts[0].series).toHaveLength(365);
    const bob = await sg.register("Bob");
    expect(await forecast(bob, 30)).toMatchObject({ accounts: [], totals: [], warnings: [] });
  });

  it("purges a deleted user's announced warnings with the rest of their data", async () => {
    const db = sg.subgraph("insights").kit.dataSource;
    const left = async () =>
      Number(
        (
          await db.query(
            `SELECT (SELECT count(*) FROM insights.forecast_warnings WHERE user_id = $1) + (SELECT count(*) FROM insights.schedules WHERE user_id = $1)
                  + (SELECT count(*) FROM insights.transactions WHERE user_id = $1) + (SELECT count(*) FROM insights.accounts WHERE user_id = $1) AS n`,
            [alice.id],
          )
        )[0].n,
      );
    expect(await left()).toBeGreaterThan(0);
    expect(
      (await sg.query(`mutation($p: String!) { deleteAccount(password: $p) }`, { p: alice.password }, alice.headers)).data.deleteAccount,
    ).toBe(true);
    await eventually(async () => expect(await left()).toBe(0));
  });
});
