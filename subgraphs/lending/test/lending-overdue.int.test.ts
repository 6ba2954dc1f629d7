import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock, utcDay } from "../../../platform/time/index.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import type { LendingDeps } from "../lending.deps.js";
import { LoanEvents } from "../loans/loan-events.js";
import { OverdueJob } from "../overdue/overdue.job.js";
import { lendingClient, loanInput } from "./lending-client.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

const eur = (amount: string) => ({ amount, currency: "EUR" });

describe.each(modes)("the daily overdue job on %s", (_mode, config) => {
  let sg: TestSupergraph;
  let api: ReturnType<typeof lendingClient>;
  let deps: LendingDeps;
  let alice: RegisteredUser;
  let sam: string;

  const db = () => sg.subgraph("lending").kit.dataSource;
  /** Another instance's job over the same database, as a second replica would run it. */
  const secondRunner = () => {
    const kit = sg.subgraph("lending").kit;
    return new OverdueJob(kit.dataSource, kit.clock, new LoanEvents(kit.outbox, () => utcDay(kit.clock.now())), pino({ level: "silent" }));
  };
  const notices = async (type: string, loanId: string) =>
    (
      await db().query(
        `SELECT (envelope->'data'->>'number')::int AS number, envelope->'data'->>'amountMinor' AS amount, envelope->'data'->>'lateFeeMinor' AS fee
         FROM lending.outbox WHERE type = $1 AND envelope->'data'->>'loanId' = $2 ORDER BY seq`,
        [type, loanId],
      )
    ).map((r: { number: number; amount: string; fee: string | null }) =>
      r.fee === null ? [r.number, r.amount] : [r.number, r.amount, r.fee],
    );

  beforeAll(async () => {
    sg = await startTestSupergraph(config(), { clock: new FixedClock("2026-11-20T10:00:00Z") });
    api = lendingClient(sg);
    deps = sg.subgraph<LendingDeps>("lending").deps;
    alice = await sg.register("Alice");
    sam = await api.contact(alice, "Sam");
  });

  afterAll(async () => {
    await sg?.close();
  });

  it("marks an installment OVERDUE after the grace days and charges the late fee once, with two runners racing and running again", async () => {
    // 1,200.00 at 12 %: 106.62 due on the 10th of each month from Sep 10; 5 days' grace, 15.00 late fee.
    const loan = await api.loan(alice, loanInput(sam, { startDate: "2026-08-10", graceDays: 5, lateFee: { flat: eur("15.00") } }));
    await api.pay(alice, loan.id, "106.62", "2026-09-10");
    expect((await deps.overdueJob.run("2026-10-15")).overdue).toBe(0);
    expect((await api.read(alice, loan.id, "status")).status).toBe("ACTIVE");

    const runs = await Promise.all([deps.overdueJob.run("2026-10-16"), secondRunner().run("2026-10-16"), secondRunner().run("2026-10-16")]);
    const again = await deps.overdueJob.run("2026-10-17");
    expect(runs.reduce((n, r) => n + r.overdue, 0) + again.overdue).toBe(1);
    // The notice says what is to pay now, the fee included.
    expect(await notices("InstallmentOverdue", loan.id)).toEqual([[2, "12162", "1500"]]);
    const read = await api.read(
      alice,
      loan.id,
      "status amountOwed { amount } schedule { number status lateFee { amount } amountDue { amount } }",
    );
    expect(read.status).toBe("OVERDUE");
    expect(read.schedule.slice(0, 3)).toEqual([
      { number: 1, status: "PAID", lateFee: { amount: "0.00" }, amountDue: { amount: "0.00" } },
      { number: 2, status: "OVERDUE", lateFee: { amount: "15.00" }, amountDue: { amount: "121.62" } },
      { number: 3, status: "PENDING", lateFee: { amount: "0.00" }, amountDue: { amount: "106.62" } },
    ]);

    // A part payment keeps it overdue; the fee is paid first, then interest, then principal.
    const part = await api.pay(alice, loan.id, "20.00", "2026-10-17");
    expect(part).toMatchObject({ lateFees: { amount: "15.00" }, interest: { amount: "5.00" }, principal: { amount: "0.00" } });
    expect((await api.read(alice, loan.id, "status")).status).toBe("OVERDUE");
    const rest = await api.pay(alice, loan.id, "101.62", "2026-10-18");
    expect(rest.loan.status).toBe("ACTIVE");
    expect((await deps.overdueJob.run("2026-10-19")).overdue).toBe(0);
    expect(await notices("InstallmentOverdue", loan.id)).toHaveLength(1);
  });

  it("charges a percent fee on what is unpaid of the installment, and announces InstallmentDue once, days before", async () => {
    const loan = await api.loan(alice, loanInput(sam, { startDate: "2026-08-10", remindDaysBefore: 3, lateFee: { percent: "5" } }));
    await api.pay(alice, loan.id, "50.00", "2026-09-10");
    expect(await deps.overdueJob.run("2026-09-06")).toEqual({ overdue: 0, reminded: 0 });
    expect(await notices("InstallmentDue", loan.id)).toEqual([]);
    await deps.overdueJob.run("2026-09-07");
    await secondRunner().run("2026-09-08");
    expect(await notices("InstallmentDue", loan.id)).toEqual([[1, "5662"]]);
    // 56.62 left of installment 1 on Sep 11: 5 % is 2.831 → 2.83.
    await Promise.all([deps.overdueJob.run("2026-09-11"), secondRunner().run("2026-09-11")]);
    expect(await notices("InstallmentOverdue", loan.id)).toEqual([[1, "5945", "283"]]);
    // Overdue first: an installment only found after its day gets the overdue notice, not a reminder.
    await deps.overdueJob.run("2026-10-20");
    expect(await notices("InstallmentDue", loan.id)).toEqual([[1, "5662"]]);
    expect((await notices("InstallmentOverdue", loan.id)).map((n: unknown[]) => n[0])).toEqual([1, 2]);
  });

  it("leaves paid-off and written-off loans alone", async () => {
    const written = await api.loan(alice, loanInput(sam, { startDate: "2026-05-10", lateFee: { flat: eur("9.00") } }));
    await api.ok(alice, `mutation($id: ID!) { writeOffLoan(id: $id) { id } }`, { id: written.id });
    const informal = await api.loan(alice, {
      ...loanInput(sam, { annualRatePercent: "0", startDate: "2026-01-01" }),
      termMonths: null,
      method: null,
      schedule: false,
    });
    await deps.overdueJob.run("2026-11-20");
    expect(await notices("InstallmentOverdue", written.id)).toEqual([]);
    expect((await api.read(alice, written.id, "status")).status).toBe("WRITTEN_OFF");
    expect((await api.read(alice, informal.id, "status")).status).toBe("ACTIVE");
  });
});
