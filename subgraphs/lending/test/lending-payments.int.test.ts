import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import { lendingClient, loanInput, minor, PAYMENT, rowOf } from "./lending-client.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

const eur = (amount: string) => ({ amount, currency: "EUR" });
const PAY = `mutation($i: RecordLoanPaymentInput!) { recordLoanPayment(input: $i) { id } }`;

/** 1,200.00 at 12 % over 12 months from June 15: 106.62 a month; rows 1-3 as computed independently. */
const HISTORY = ["1 2026-07-15 10662 1200 9462 110538", "2 2026-08-15 10662 1105 9557 100981", "3 2026-09-15 10662 1010 9652 91329"];

describe.each(modes)("loan payments and prepayments on %s", (_mode, config) => {
  let sg: TestSupergraph;
  let api: ReturnType<typeof lendingClient>;
  let alice: RegisteredUser;
  let sam: string;

  const db = () => sg.subgraph("lending").kit.dataSource;
  const outboxed = async (type: string, loanId: string) =>
    (
      await db().query(`SELECT count(*)::int AS n FROM lending.outbox WHERE type = $1 AND envelope->'data'->>'loanId' = $2`, [type, loanId])
    )[0].n as number;
  const newLoan = (extra: Record<string, unknown> = {}) => api.loan(alice, loanInput(sam, { startDate: "2026-06-15", ...extra }));

  beforeAll(async () => {
    sg = await startTestSupergraph(config(), { clock: new FixedClock("2026-11-20T10:00:00Z") });
    api = lendingClient(sg);
    alice = await sg.register("Alice");
    sam = await api.contact(alice, "Sam");
  });

  afterAll(async () => {
    await sg?.close();
  });

  it("applies a payment to interest then principal, keeps a partial payment on its installment, and completes it", async () => {
    const loan = await newLoan();
    const exact = await api.pay(alice, loan.id, "106.62", "2026-07-15");
    expect(exact).toMatchObject({ interest: { amount: "12.00" }, principal: { amount: "94.62" }, prepayment: { amount: "0.00" } });
    const partial = await api.pay(alice, loan.id, "50.00", "2026-08-10");
    expect(partial).toMatchObject({ interest: { amount: "11.05" }, principal: { amount: "38.95" }, prepayment: { amount: "0.00" } });
    expect(partial.loan).toMatchObject({ outstandingPrincipal: { amount: "1066.43" }, status: "ACTIVE" });
    let schedule = await api.schedule(alice, loan.id);
    expect(schedule.slice(0, 2).map((i) => [i.status, i.amountDue.amount])).toEqual([
      ["PAID", "0.00"],
      ["PARTIALLY_PAID", "56.62"],
    ]);
    const rest = await api.pay(alice, loan.id, "56.62", "2026-08-15");
    expect(rest).toMatchObject({ interest: { amount: "0.00" }, principal: { amount: "56.62" } });
    schedule = await api.schedule(alice, loan.id);
    expect(schedule[1].status).toBe("PAID");
    expect(schedule.map((i) => rowOf(i)).slice(0, 3)).toEqual(HISTORY);
    const { loan: read } = await api.ok(
      alice,
      `query($id: ID!) { loan(id: $id) { nextDue { number dueDate amountDue { amount } } payments { ${PAYMENT} } } }`,
      {
        id: loan.id,
      },
    );
    expect(read.nextDue).toEqual({ number: 3, dueDate: "2026-09-15", amountDue: { amount: "106.62" } });
    expect(read.payments.map((p: any) => p.amount.amount)).toEqual(["106.62", "50.00", "56.62"]);
    expect(await outboxed("LoanPaymentRecorded", loan.id)).toBe(3);
    expect(await outboxed("LoanCreated", loan.id)).toBe(1);
  });

  it("takes an overpayment off the principal: REDUCE_TERM keeps the payment and ends sooner, history unchanged", async () => {
    const loan = await newLoan({ prepaymentStrategy: "REDUCE_TERM" });
    for (const date of ["2026-07-15", "2026-08-15"]) await api.pay(alice, loan.id, "106.62", date);
    const over = await api.pay(alice, loan.id, "406.62", "2026-09-15");
    expect(over).toMatchObject({ interest: { amount: "10.10" }, principal: { amount: "96.52" }, prepayment: { amount: "300.00" } });
    expect(over.loan).toMatchObject({
      outstandingPrincipal: { amount: "613.29" },
      installmentAmount: { amount: "106.62" },
      prepaid: { amount: "300.00" },
    });
    const schedule = await api.schedule(alice, loan.id);
    expect(schedule.map((i) => rowOf(i))).toEqual([
      ...HISTORY,
      "4 2026-10-15 10662 613 10049 51280",
      "5 2026-11-15 10662 513 10149 41131",
      "6 2026-12-15 10662 411 10251 30880",
      "7 2027-01-15 10662 309 10353 20527",
      "8 2027-02-15 10662 205 10457 10070",
      "9 2027-03-15 10171 101 10070 0",
    ]);
    // Σ principal over the schedule and the prepayment is the loan's principal.
    expect(schedule.reduce((sum, i) => sum + minor(i.principal.amount), 0n) + 30000n).toBe(120000n);
  });

  it("REDUCE_PAYMENT keeps the end date and lowers the payment", async () => {
    const loan = await newLoan({ prepaymentStrategy: "REDUCE_PAYMENT" });
    for (const date of ["2026-07-15", "2026-08-15"]) await api.pay(alice, loan.id, "106.62", date);
    const over = await api.pay(alice, loan.id, "406.62", "2026-09-15");
    expect(over.loan).toMatchObject({ outstandingPrincipal: { amount: "613.29" }, installmentAmount: { amount: "71.60" } });
    const schedule = await api.schedule(alice, loan.id);
    expect(schedule.map((i) => rowOf(i))).toEqual([
      ...HISTORY,
      "4 2026-10-15 7160 613 6547 54782",
      "5 2026-11-15 7160 548 6612 48170",
      "6 2026-12-15 7160 482 6678 41492",
      "7 2027-01-15 7160 415 6745 34747",
      "8 2027-02-15 7160 347 6813 27934",
      "9 2027-03-15 7160 279 6881 21053",
      "10 2027-04-15 7160 211 6949 14104",
      "11 2027-05-15 7160 141 7019 7085",
      "12 2027-06-15 7156 71 7085 0",
    ]);
  });

  it("quotes the payoff for a date, is paid off by exactly it (once), then refuses payments with LOAN_CLOSED", async () => {
    const loan = await newLoan({ startDate: "2026-09-01" });
    const quote = (
      await api.ok(
        alice,
        `query($id: ID!) { loan(id: $id) { payoffQuote(date: "2026-10-20") { date fees { amount } interest { amount } principal { amount } total { amount } } } }`,
        { id: loan.id },
      )
    ).loan.payoffQuote;
    // Installment 1 (due Oct 1) is owed with its 12.00 interest; installment 2's 11.05 has accrued 19 of its 31 days: 6.77.
    expect(quote).toEqual({
      date: "2026-10-20",
      fees: { amount: "0.00" },
      interest: { amount: "18.77" },
      principal: { amount: "1200.00" },
      total: { amount: "1218.77" },
    });
    for (const amount of ["1218.78", "1212.00"])
      expect(await api.outcome(alice, PAY, { i: { loanId: loan.id, amount: eur(amount), date: "2026-10-20" } }), amount).toBe(
        "BAD_USER_INPUT:amount",
      );
    const paid = await api.pay(alice, loan.id, "1218.77", "2026-10-20", { idempotencyKey: "payoff-1" });
    expect(paid).toMatchObject({ interest: { amount: "18.77" }, principal: { amount: "190.19" }, prepayment: { amount: "1009.81" } });
    expect(paid.loan).toMatchObject({
      status: "PAID_OFF",
      paidOffOn: "2026-10-20",
      outstandingPrincipal: { amount: "0.00" },
      amountOwed: { amount: "0.00" },
      totalInterest: { amount: "18.77" },
    });
    // The running installment keeps the interest it accrued; the ones after it are gone.
    expect((await api.schedule(alice, loan.id)).map((i) => [i.number, i.status, i.interest.amount, i.balance.amount])).toEqual([
      [1, "PAID", "12.00", "1105.38"],
      [2, "PAID", "6.77", "0.00"],
    ]);
    // The same request again is the first result, not LOAN_CLOSED; anything else is refused.
    expect((await api.pay(alice, loan.id, "1218.77", "2026-10-20", { idempotencyKey: "payoff-1" })).id).toBe(paid.id);
    expect(await api.outcome(alice, PAY, { i: { loanId: loan.id, amount: eur("1.00"), date: "2026-10-21" } })).toBe("LOAN_CLOSED:loanId");
    expect(await api.outcome(alice, `mutation($id: ID!) { writeOffLoan(id: $id) { id } }`, { id: loan.id })).toBe("LOAN_CLOSED:loanId");
    expect(await outboxed("LoanPaidOff", loan.id)).toBe(1);
  });

  it("refuses bad payments with a code and the field, writing nothing", async () => {
    const loan = await newLoan();
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ amount: eur("0") }, "BAD_USER_INPUT:amount"],
      [{ amount: eur("-5.00") }, "BAD_USER_INPUT:amount"],
      [{ amount: eur("5.001") }, "BAD_USER_INPUT:amount"],
      [{ amount: { amount: "5", currency: "USD" } }, "BAD_USER_INPUT:amount.currency"],
      [{ date: "2026-11-21" }, "BAD_USER_INPUT:date"],
      [{ date: "2026-06-14" }, "BAD_USER_INPUT:date"],
      [{ date: "2026-13-01" }, "BAD_USER_INPUT:date"],
      [{ ledgerAccountId: "00000000-0000-4000-8000-000000000001" }, "NOT_FOUND:ledgerAccountId"],
      [{ ledgerAccountId: "nope" }, "BAD_USER_INPUT:ledgerAccountId"],
      [{ amount: eur("5000.00") }, "BAD_USER_INPUT:amount"],
      [{ loanId: "00000000-0000-4000-8000-000000000001" }, "NOT_FOUND"],
    ];
    for (const [extra, expected] of bad)
      expect(
        await api.outcome(alice, PAY, { i: { loanId: loan.id, amount: eur("10.00"), date: "2026-07-15", ...extra } }),
        JSON.stringify(extra),
      ).toBe(expected);
    const [row] = await db().query(
      `SELECT (SELECT count(*) FROM lending.payments WHERE loan_id = $1)::int AS payments,
              (SELECT sum(paid_principal_minor + paid_interest_minor) FROM lending.installments WHERE loan_id = $1)::text AS paid`,
      [loan.id],
    );
    expect(row).toEqual({ payments: 0, paid: "0" });
  });

  it("sums what is owed today by direction and currency, per contact and for the user; written-off loans drop out", async () => {
    const carol = await sg.register("Carol");
    const [ben, dee] = [await api.contact(carol, "Ben"), await api.contact(carol, "Dee")];
    // Lent 500 to Ben, interest-free in 5 months from Sep 20: Oct 20 and Nov 20 are due by today.
    const lent = await api.loan(
      carol,
      loanInput(ben, { direction: "LENT", principal: eur("500.00"), annualRatePercent: "0", termMonths: 5, startDate: "2026-09-20" }),
    );
    await api.pay(carol, lent.id, "100.00", "2026-10-20");
    // Borrowed 1200 at 12 % from Dee on Oct 1: Nov 1's 12.00 interest is due, unpaid.
    await api.loan(carol, loanInput(dee, { startDate: "2026-10-01" }));
    await api.loan(
      carol,
      loanInput(dee, { principal: { amount: "300", currency: "USD" }, annualRatePercent: "0", startDate: "2026-11-20" }),
    );
    const written = await api.loan(carol, loanInput(ben, { direction: "LENT", principal: eur("77.00") }));
    await api.ok(carol, `mutation($id: ID!) { writeOffLoan(id: $id) { status } }`, { id: written.id });
    const { me, contacts } = await api.ok(
      carol,
      `{ me { debtSummary { owedByMe { amount currency } owedToMe { amount currency } } } contacts { name owesMe { amount currency } iOwe { amount currency } } }`,
    );
    expect(me.debtSummary).toEqual({ owedByMe: [eur("1212.00"), { amount: "300.00", currency: "USD" }], owedToMe: [eur("400.00")] });
    expect(contacts).toEqual([
      { name: "Ben", owesMe: [eur("400.00")], iOwe: [] },
      { name: "Dee", owesMe: [], iOwe: [eur("1212.00"), { amount: "300.00", currency: "USD" }] },
    ]);
    expect(await api.read(carol, written.id, "status amountOwed { amount } nextDue { number }")).toEqual({
      status: "WRITTEN_OFF",
      amountOwed: { amount: "0.00" },
      nextDue: null,
    });
    expect(await api.outcome(carol, PAY, { i: { loanId: written.id, amount: eur("1"), date: "2026-11-20" } })).toBe("LOAN_CLOSED:loanId");
    expect(await outboxed("LoanWrittenOff", written.id)).toBe(1);
  });
});
