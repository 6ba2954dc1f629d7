import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import type { EventEnvelope } from "../../../platform/events/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import { LENDING_LOAN_TOPIC } from "../../../schema/events/lending.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import type { LendingDeps } from "../lending.deps.js";
import { lendingClient, loanInput } from "./lending-client.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

const eur = (amount: string) => ({ amount, currency: "EUR" });
const ON_ACCOUNT = `query($f: TransactionFilter) { transactions(filter: $f) { nodes { id date payee tags source amount { amount currency }
  splits { amount { amount } memo category { name kind } } } } }`;

describe.each(modes)("the ledger link and account deletion on %s", (_mode, config) => {
  let sg: TestSupergraph;
  let api: ReturnType<typeof lendingClient>;
  let dana: RegisteredUser;
  let account: string;
  let sam: string;

  const db = () => sg.subgraph("lending").kit.dataSource;
  const ledgerDb = () => sg.subgraph("ledger").kit.dataSource;
  const onAccount = async (user: RegisteredUser, accountId: string) =>
    (await api.ok(user, ON_ACCOUNT, { f: { accountIds: [accountId] } })).transactions.nodes as any[];
  /** Lending learns accounts from the ledger's events: wait until it knows this one. */
  const lendingKnows = (accountId: string) =>
    eventually(async () => expect((await db().query(`SELECT 1 FROM lending.accounts WHERE id = $1`, [accountId])).length).toBe(1));

  beforeAll(async () => {
    sg = await startTestSupergraph(config(), { clock: new FixedClock("2026-11-20T10:00:00Z") });
    api = lendingClient(sg);
    dana = await sg.register("Dana");
    account = await sg.createAccount(dana, "EUR");
    sam = await api.contact(dana, "Sam");
    await lendingKnows(account);
  });

  afterAll(async () => {
    await sg?.close();
  });

  it("books a payment on the named account once, split into principal and interest (and late fee) categories", async () => {
    const loan = await api.loan(dana, loanInput(sam, { startDate: "2026-08-10", lateFee: { flat: eur("15.00") } }));
    const first = await api.pay(dana, loan.id, "106.62", "2026-09-10", { ledgerAccountId: account });
    expect(first.ledgerAccountId).toBe(account);
    await sg.subgraph<LendingDeps>("lending").deps.overdueJob.run("2026-10-12");
    await api.pay(dana, loan.id, "121.62", "2026-10-13", { ledgerAccountId: account });
    await eventually(async () => expect(await onAccount(dana, account)).toHaveLength(2));
    const [late, regular] = await onAccount(dana, account);
    expect(regular).toMatchObject({
      date: "2026-09-10",
      payee: "Loan payment: Car",
      tags: ["loan"],
      source: "LENDING",
      amount: eur("-106.62"),
    });
    expect(regular.splits).toEqual([
      { amount: { amount: "-94.62" }, memo: "Principal", category: { name: "Loan", kind: "EXPENSE" } },
      { amount: { amount: "-12.00" }, memo: "Interest", category: { name: "Interest", kind: "EXPENSE" } },
    ]);
    expect(late.amount).toEqual(eur("-121.62"));
    expect(late.splits.map((s: any) => [s.memo, s.amount.amount, s.category.name])).toEqual([
      ["Principal", "-95.57", "Loan"],
      ["Interest", "-11.05", "Interest"],
      ["Late fee", "-15.00", "Interest"],
    ]);

    // The same event again, and another event for the same payment, book nothing more.
    const [row] = await db().query(
      `SELECT envelope FROM lending.outbox WHERE type = 'LoanPaymentRecorded' AND envelope->'data'->>'paymentId' = $1`,
      [first.id],
    );
    const envelope = row.envelope as EventEnvelope;
    const copy = { ...envelope, id: randomUUID() };
    await sg.all.platform.bus.publish([
      { topic: LENDING_LOAN_TOPIC, key: envelope.key, value: JSON.stringify(envelope), headers: {} },
      { topic: LENDING_LOAN_TOPIC, key: envelope.key, value: JSON.stringify(copy), headers: {} },
    ]);
    await eventually(async () =>
      expect(
        (await ledgerDb().query(`SELECT 1 FROM ledger.inbox WHERE consumer = 'loan-postings' AND event_id = $1`, [copy.id])).length,
      ).toBe(1),
    );
    expect(await onAccount(dana, account)).toHaveLength(2);
    const [links] = await ledgerDb().query(
      `SELECT count(*)::int AS n FROM ledger.source_postings WHERE source_kind = 'LOAN_PAYMENT' AND user_id = $1`,
      [dana.id],
    );
    expect(links.n).toBe(2);
  });

  it("books money a borrower repays as income, and refuses an account in another currency", async () => {
    const lent = await api.loan(dana, loanInput(sam, { direction: "LENT", name: "To Sam", startDate: "2026-10-01" }));
    await api.pay(dana, lent.id, "106.62", "2026-11-01", { ledgerAccountId: account });
    await eventually(async () => expect((await onAccount(dana, account)).some((t) => t.payee === "Loan payment: To Sam")).toBe(true));
    const income = (await onAccount(dana, account)).find((t) => t.payee === "Loan payment: To Sam");
    expect(income.amount).toEqual(eur("106.62"));
    expect(income.splits.map((s: any) => [s.amount.amount, s.category.name, s.category.kind])).toEqual([
      ["94.62", "Loan repayments", "INCOME"],
      ["12.00", "Interest income", "INCOME"],
    ]);
    const dollars = await sg.createAccount(dana, "USD", "Dollars");
    await lendingKnows(dollars);
    expect(
      await api.outcome(dana, `mutation($i: RecordLoanPaymentInput!) { recordLoanPayment(input: $i) { id } }`, {
        i: { loanId: lent.id, amount: eur("10.00"), date: "2026-11-02", ledgerAccountId: dollars },
      }),
    ).toBe("BAD_USER_INPUT:ledgerAccountId");
  });

  it("announces with each snapshot the installments still to come and the account the latest payment went through", async () => {
    const loan = await api.loan(dana, loanInput(sam, { name: "Snapshots", annualRatePercent: "0", startDate: "2026-10-01" }));
    const snapshots = async () =>
      (
        await db().query(
          `SELECT type, coalesce(envelope->'data'->'loan', envelope->'data') AS loan FROM lending.outbox
           WHERE type IN ('LoanCreated', 'LoanPaymentRecorded', 'LoanWrittenOff') AND envelope->'data' @> $1::jsonb ORDER BY seq`,
          [JSON.stringify({ loanId: loan.id })],
        )
      ).map((r: any) => [r.type, r.loan.paymentAccountId, r.loan.upcomingInstallments.length, r.loan.upcomingInstallments[0]]);
    await api.pay(dana, loan.id, "100.00", "2026-11-01");
    await api.pay(dana, loan.id, "50.00", "2026-11-15", { ledgerAccountId: account });
    await api.pay(dana, loan.id, "10.00", "2026-11-16");
    await api.ok(dana, `mutation($id: ID!) { writeOffLoan(id: $id) { id } }`, { id: loan.id });
    // 100.00 due on the 1st of each month from Nov 1 (overdue, still listed) to Oct 1, all within 400 days of Nov 20.
    expect(await snapshots()).toEqual([
      ["LoanCreated", null, 12, { number: 1, dueDate: "2026-11-01", amountMinor: "10000" }],
      ["LoanPaymentRecorded", null, 11, { number: 2, dueDate: "2026-12-01", amountMinor: "10000" }],
      ["LoanPaymentRecorded", account, 11, { number: 2, dueDate: "2026-12-01", amountMinor: "5000" }],
      // A payment naming no account leaves the latest one that did.
      ["LoanPaymentRecorded", account, 11, { number: 2, dueDate: "2026-12-01", amountMinor: "4000" }],
      ["LoanWrittenOff", account, 0, undefined],
    ]);
  });

  it("purges a deleted user's contacts, loans, schedules, payments and account copies", async () => {
    const erin = await sg.register("Erin");
    const erinAccount = await sg.createAccount(erin, "EUR");
    await lendingKnows(erinAccount);
    const contact = await api.contact(erin, "Fay");
    const loan = await api.loan(erin, loanInput(contact, { startDate: "2026-08-10" }));
    await api.pay(erin, loan.id, "106.62", "2026-09-10", { ledgerAccountId: erinAccount, idempotencyKey: "erin-1" });
    await eventually(async () => expect(await onAccount(erin, erinAccount)).toHaveLength(1));
    const deleted = await sg.query(`mutation($p: String!) { deleteAccount(password: $p) }`, { p: erin.password }, erin.headers);
    expect(deleted.data.deleteAccount).toBe(true);
    const left = async () =>
      (
        await db().query(
          `SELECT (SELECT count(*) FROM lending.contacts WHERE user_id = $1) + (SELECT count(*) FROM lending.loans WHERE user_id = $1)
                + (SELECT count(*) FROM lending.installments WHERE user_id = $1) + (SELECT count(*) FROM lending.payments WHERE user_id = $1)
                + (SELECT count(*) FROM lending.accounts WHERE user_id = $1) + (SELECT count(*) FROM lending.idempotency_keys WHERE user_id = $1) AS n`,
          [erin.id],
        )
      )[0].n;
    await eventually(async () => expect(Number(await left())).toBe(0));
    await eventually(async () =>
      expect((await ledgerDb().query(`SELECT count(*)::int AS n FROM ledger.source_postings WHERE user_id = $1`, [erin.id]))[0].n).toBe(0),
    );
    // Dana's loans are untouched.
    expect((await api.ok(dana, `{ loans { id } }`)).loans.length).toBeGreaterThan(0);
  });
});
