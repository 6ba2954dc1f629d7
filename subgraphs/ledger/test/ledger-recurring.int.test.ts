import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { eventually } from "../../../platform/testing/eventually.js";
import { realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import { ledgerClient } from "../../../test/harness/ledger-client.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import type { LedgerDeps } from "../ledger.deps.js";
import { RecurringJob } from "../recurring/recurring.job.js";

const CREATE = `mutation($input: RecurringTransactionInput!) { createRecurringTransaction(input: $input) { id nextDue } }`;

describe("recurring transactions and bills on real PostgreSQL, Redis and Kafka", () => {
  const clock = new FixedClock("2026-11-01T09:00:00Z");
  let sg: TestSupergraph;
  let ledger: ReturnType<typeof ledgerClient>;
  let alice: RegisteredUser;
  let account: string;
  let rent: string;
  let deps: LedgerDeps;

  /** Another instance's job over the same database, as a second replica would run it. */
  const secondInstance = () => {
    const kit = sg.subgraph("ledger").kit;
    return new RecurringJob(kit.dataSource, kit.outbox, kit.clock, kit.ids, deps.writer, deps.events, pino({ level: "silent" }));
  };
  const occurrences = async (scheduleId: string) =>
    (
      await sg
        .subgraph("ledger")
        .kit.dataSource.query(
          `SELECT to_char(occurrence_date, 'YYYY-MM-DD') AS d FROM ledger.transactions WHERE schedule_id = $1 ORDER BY 1`,
          [scheduleId],
        )
    ).map((r: { d: string }) => r.d);
  const billDue = async (scheduleId: string) =>
    (
      await sg
        .subgraph("ledger")
        .kit.dataSource.query(
          `SELECT envelope->'data'->>'dueDate' AS d FROM ledger.outbox WHERE type = 'BillDue' AND envelope->'data'->>'scheduleId' = $1 ORDER BY seq`,
          [scheduleId],
        )
    ).map((r: { d: string }) => r.d);

  beforeAll(async () => {
    sg = await startTestSupergraph(realServicesConfig(), { clock });
    ledger = ledgerClient(sg);
    deps = sg.subgraph<LedgerDeps>("ledger").deps;
    alice = await sg.register("Alice");
    await eventually(async () => expect((await ledger.ok(alice, `{ categories { id } }`)).categories.length).toBeGreaterThan(0));
    account = await ledger.account(alice, "USD", "3000.00");
    rent = await ledger.categoryId(alice, "Rent");
  });

  afterAll(async () => {
    await sg?.close();
  });

  it("lists upcoming bills with the 31st clamped to the month's end", async () => {
    const created = await ledger.ok(alice, CREATE, {
      input: {
        accountId: account,
        amount: { amount: "-1200.00", currency: "USD" },
        payee: "Landlord",
        categoryId: rent,
        frequency: "MONTHLY",
        dayOfMonth: 31,
        startDate: "2026-10-31",
      },
    });
    expect(created.createRecurringTransaction.nextDue).toBe("2026-11-30");
    const bills = await ledger.ok(alice, `{ upcomingBills(days: 92) { dueDate recurring { payee amount { amount } } } }`);
    expect(bills.upcomingBills.map((b: { dueDate: string }) => b.dueDate)).toEqual(["2026-11-30", "2026-12-31", "2027-01-31"]);
  });

  it("sends BillDue once, a few days before, and posts each occurrence exactly once with two instances racing", async () => {
    const { id } = (
      await ledger.ok(alice, CREATE, {
        input: {
          accountId: account,
          amount: { amount: "-80.00", currency: "USD" },
          payee: "Power Co",
          frequency: "MONTHLY",
          dayOfMonth: 15,
          startDate: "2026-11-15",
          remindDaysBefore: 3,
        },
      })
    ).createRecurringTransaction;
    await deps.recurringJob.run("2026-11-11");
    expect(await billDue(id)).toEqual([]);
    await deps.recurringJob.run("2026-11-12");
    await deps.recurringJob.run("2026-11-13");
    expect(await billDue(id)).toEqual(["2026-11-15"]);

    const other = secondInstance();
    await Promise.all([
      deps.recurringJob.run("2026-11-15"),
      other.run("2026-11-15"),
      other.run("2026-11-15"),
      deps.recurringJob.run("2026-11-15"),
    ]);
    expect(await occurrences(id)).toEqual(["2026-11-15"]);
    const posted = await ledger.ok(
      alice,
      `{ transactions(filter: { search: "Power" }) { nodes { date amount { amount } payee source } } }`,
    );
    expect(posted.transactions.nodes).toEqual([
      { date: "2026-11-15", amount: { amount: "-80.00" }, payee: "Power Co", source: "RECURRING" },
    ]);
    const [schedule] = (await ledger.ok(alice, `{ recurringTransactions { id nextDue } }`)).recurringTransactions.filter(
      (r: { id: string }) => r.id === id,
    );
    expect(schedule.nextDue).toBe("2026-12-15");
  });

  it("catches up missed occurrences after downtime, and stops at the end date", async () => {
    const { id } = (
      await ledger.ok(alice, CREATE, {
        input: {
          accountId: account,
          amount: { amount: "-5.00", currency: "USD" },
          payee: "Gym",
          frequency: "WEEKLY",
          interval: 2,
          startDate: "2026-11-02",
          endDate: "2026-12-14",
        },
      })
    ).createRecurringTransaction;
    await Promise.all([deps.recurringJob.run("2027-02-01"), secondInstance().run("2027-02-01")]);
    expect(await occurrences(id)).toEqual(["2026-11-02", "2026-11-16", "2026-11-30", "2026-12-14"]);
    const [schedule] = (await ledger.ok(alice, `{ recurringTransactions { id nextDue } }`)).recurringTransactions.filter(
      (r: { id: string }) => r.id === id,
    );
    expect(schedule.nextDue).toBeNull();
  });

  it("refuses bad schedules with field codes, and another user's account", async () => {
    const usd = { amount: "-1.00", currency: "USD" };
    const bad: Array<[Record<string, unknown>, string, string]> = [
      [{ accountId: account, amount: usd, frequency: "WEEKLY", interval: 0, startDate: "2026-11-01" }, "BAD_USER_INPUT", "interval"],
      [{ accountId: account, amount: usd, frequency: "WEEKLY", dayOfMonth: 3, startDate: "2026-11-01" }, "BAD_USER_INPUT", "dayOfMonth"],
      [
        { accountId: account, amount: usd, frequency: "MONTHLY", startDate: "2026-11-01", endDate: "2026-10-01" },
        "BAD_USER_INPUT",
        "endDate",
      ],
      [
        { accountId: account, amount: { amount: "-1.00", currency: "EUR" }, frequency: "MONTHLY", startDate: "2026-11-01" },
        "BAD_USER_INPUT",
        "amount",
      ],
      [
        { accountId: account, amount: usd, frequency: "MONTHLY", startDate: "2026-11-01", remindDaysBefore: 99 },
        "BAD_USER_INPUT",
        "remindDaysBefore",
      ],
    ];
    for (const [input, code, field] of bad) {
      const r = await ledger.call(alice, CREATE, { input });
      expect(r.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code, field });
    }
    const bob = await sg.register("Bob");
    expect(
      (await ledger.call(bob, CREATE, { input: { accountId: account, amount: usd, frequency: "MONTHLY", startDate: "2026-11-01" } }))
        .errors?.[0]?.extensions?.code,
    ).toBe("NOT_FOUND");
    expect(await ledger.ok(bob, `{ recurringTransactions { id } upcomingBills { dueDate } }`)).toEqual({
      recurringTransactions: [],
      upcomingBills: [],
    });
  });

  it("stops a schedule whose account was archived instead of failing every run", async () => {
    const closing = await ledger.account(alice, "USD");
    const { id } = (
      await ledger.ok(alice, CREATE, {
        input: {
          accountId: closing,
          amount: { amount: "-9.99", currency: "USD" },
          payee: "Streaming",
          frequency: "MONTHLY",
          startDate: "2026-11-20",
        },
      })
    ).createRecurringTransaction;
    await ledger.ok(alice, `mutation($id: ID!) { archiveAccount(id: $id) { id } }`, { id: closing });
    await deps.recurringJob.run("2026-11-20");
    expect(await occurrences(id)).toEqual([]);
    const [schedule] = (await ledger.ok(alice, `{ recurringTransactions { id nextDue } }`)).recurringTransactions.filter(
      (r: { id: string }) => r.id === id,
    );
    expect(schedule.nextDue).toBeNull();
  });
});
