import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { INTERNAL_TOKEN_HEADER, InternalTokenSigner } from "../../../platform/auth/internal-token.js";
import type { PlatformConfig } from "../../../platform/config/index.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { FixedClock } from "../../../platform/time/index.js";
import { postGraphQL, type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import { referenceCases, referenceRows } from "../schedule/fixtures/reference-tables.js";
import { lendingClient, LOAN, loanInput, minor, rowOf } from "./lending-client.js";

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

const eur = (amount: string) => ({ amount, currency: "EUR" });
/** 123456n at exponent 3 → "123.456". */
const decimal = (minorUnits: bigint, exponent: number) => {
  const digits = minorUnits.toString().padStart(exponent + 1, "0");
  return exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
};

/** The schedule invariants every method keeps: balances end at zero, Σ principal = P, each row's payment = interest + principal. */
function expectSound(schedule: any[], principalMinor: bigint, exponent = 2) {
  const m = (money: { amount: string }) => minor(money.amount, exponent);
  expect(schedule.map((i) => i.number)).toEqual(schedule.map((_, k) => k + 1));
  expect(m(schedule.at(-1).balance)).toBe(0n);
  expect(schedule.reduce((sum, i) => sum + m(i.principal), 0n)).toBe(principalMinor);
  for (const i of schedule) expect(m(i.payment)).toBe(m(i.interest) + m(i.principal));
}

describe.each(modes)("loans, schedules and contacts on %s", (_mode, config) => {
  let sg: TestSupergraph;
  let api: ReturnType<typeof lendingClient>;
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  let sam: string;

  const db = () => sg.subgraph("lending").kit.dataSource;
  const counts = async (userId: string) =>
    (
      await db().query(
        `SELECT (SELECT count(*) FROM lending.loans WHERE user_id = $1)::int AS loans, (SELECT count(*) FROM lending.installments WHERE user_id = $1)::int AS installments`,
        [userId],
      )
    )[0];

  beforeAll(async () => {
    sg = await startTestSupergraph(config(), { clock: new FixedClock("2026-11-20T10:00:00Z") });
    api = lendingClient(sg);
    [alice, bob] = [await sg.register("Alice"), await sg.register("Bob")];
    sam = await api.contact(alice, "Sam", { email: "sam@example.com" });
  });

  afterAll(async () => {
    await sg?.close();
  });

  it("stores every schedule of the domain's reference tables (12 to 600 months; USD, JPY, KWD), every row, each in its minor unit", async () => {
    for (const c of referenceCases()) {
      const currency = c.name!.slice(0, 3).toUpperCase();
      const exponent = { USD: 2, JPY: 0, KWD: 3 }[currency]!;
      const loan = await api.loan(
        alice,
        loanInput(sam, {
          principal: { amount: decimal(BigInt(c.principalMinor!), exponent), currency },
          annualRatePercent: c.annualRatePercent,
          termMonths: Number(c.termMonths),
          startDate: c.startDate,
          method: c.method,
        }),
      );
      expect(minor(loan.installmentAmount.amount, exponent), c.name).toBe(BigInt(c.installmentAmountMinor!));
      expect(minor(loan.totalInterest.amount, exponent), c.name).toBe(BigInt(c.totalInterestMinor!));
      const expected = referenceRows(c.name!).map(
        (r) => `${r.number} ${r.dueDate} ${r.paymentMinor} ${r.interestMinor} ${r.principalMinor} ${r.balanceMinor}`,
      );
      const schedule = await api.schedule(alice, loan.id);
      expect(
        schedule.map((i) => rowOf(i, exponent)),
        c.name,
      ).toEqual(expected);
      expectSound(schedule, BigInt(c.principalMinor!), exponent);
      expect(schedule.slice(0, -1).every((i) => minor(i.payment.amount, exponent) === BigInt(c.installmentAmountMinor!))).toBe(true);
      expect(loan.outstandingPrincipal.amount, c.name).toBe(loan.principal.amount);
      if (c.method === "AMORTIZING")
        expect(
          schedule.every((i) => i.status === "PENDING" || i.status === "OVERDUE"),
          c.name,
        ).toBe(true);
    }
  });

  it("schedules SIMPLE, INTEREST_ONLY and interest-free loans, exact to the cent", async () => {
    const interestOnly = await api.loan(alice, loanInput(sam, { method: "INTEREST_ONLY", termMonths: 3, startDate: "2026-12-01" }));
    expect((await api.schedule(alice, interestOnly.id)).map((i) => rowOf(i))).toEqual([
      "1 2027-01-01 1200 1200 0 120000",
      "2 2027-02-01 1200 1200 0 120000",
      "3 2027-03-01 121200 1200 120000 0",
    ]);
    const free = await api.loan(alice, loanInput(sam, { principal: eur("1000.00"), annualRatePercent: "0", termMonths: 3 }));
    expect((await api.schedule(alice, free.id)).map((i) => rowOf(i))).toEqual([
      "1 2026-02-15 33333 0 33333 66667",
      "2 2026-03-15 33333 0 33333 33334",
      "3 2026-04-15 33334 0 33334 0",
    ]);
    expect(free).toMatchObject({ installmentAmount: { amount: "333.33" }, totalInterest: { amount: "0.00" } });
    const simple = await api.loan(
      alice,
      loanInput(sam, { method: "SIMPLE", termMonths: 7, principal: eur("1000.00"), annualRatePercent: "7.3" }),
    );
    const schedule = await api.schedule(alice, simple.id);
    expectSound(schedule, 100000n);
    expect(minor(simple.totalInterest.amount)).toBe(schedule.reduce((sum, i) => sum + minor(i.interest.amount), 0n));
  });

  it("keeps an informal loan without a schedule: nothing due, repaid whenever, paid off with the last of it", async () => {
    const informal = await api.loan(alice, {
      name: "Concert tickets",
      direction: "LENT",
      contactId: sam,
      principal: eur("80.00"),
      annualRatePercent: "0",
      startDate: "2026-11-01",
      schedule: false,
    });
    expect(informal).toMatchObject({
      termMonths: null,
      method: null,
      installmentAmount: null,
      status: "ACTIVE",
      amountOwed: { amount: "80.00" },
    });
    expect(await api.schedule(alice, informal.id)).toEqual([]);
    await api.pay(alice, informal.id, "30.00", "2026-11-10");
    const last = await api.pay(alice, informal.id, "50.00", "2026-11-20");
    expect(last.loan).toMatchObject({ status: "PAID_OFF", outstandingPrincipal: { amount: "0.00" }, paidOffOn: "2026-11-20" });
    const refused: Array<[Record<string, unknown>, string]> = [
      [{ annualRatePercent: "1" }, "BAD_USER_INPUT:annualRatePercent"],
      [{ termMonths: 12 }, "BAD_USER_INPUT:termMonths"],
      [{ lateFee: { flat: eur("5") } }, "BAD_USER_INPUT:lateFee"],
    ];
    for (const [extra, expected] of refused) {
      const input = { ...loanInput(sam, { termMonths: null, method: null, annualRatePercent: "0", schedule: false }), ...extra };
      expect(await api.outcome(alice, `mutation($i: CreateLoanInput!) { createLoan(input: $i) { id } }`, { i: input })).toBe(expected);
    }
  });

  it("refuses bad loans with a code and the field, writing nothing", async () => {
    const before = await counts(alice.id);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ annualRatePercent: "-0.5" }, "BAD_USER_INPUT:annualRatePercent"],
      [{ annualRatePercent: "100.01" }, "BAD_USER_INPUT:annualRatePercent"],
      [{ annualRatePercent: "1e2" }, "BAD_USER_INPUT:annualRatePercent"],
      [{ termMonths: 0 }, "BAD_USER_INPUT:termMonths"],
      [{ termMonths: 601 }, "BAD_USER_INPUT:termMonths"],
      [{ termMonths: null }, "BAD_USER_INPUT:termMonths"],
      [{ principal: eur("0") }, "BAD_USER_INPUT:principal"],
      [{ principal: eur("-10.00") }, "BAD_USER_INPUT:principal"],
      [{ principal: eur("10.001") }, "BAD_USER_INPUT:principal"],
      [{ principal: { amount: "10", currency: "EURO" } }, "BAD_USER_INPUT:principal.currency"],
      [{ startDate: "1899-12-31" }, "BAD_USER_INPUT:startDate"],
      [{ startDate: "2026-02-30" }, "BAD_USER_INPUT:startDate"],
      [{ startDate: "2101-01-01" }, "BAD_USER_INPUT:startDate"],
      [{ name: " " }, "BAD_USER_INPUT:name"],
      [{ graceDays: -1 }, "BAD_USER_INPUT:graceDays"],
      [{ remindDaysBefore: 61 }, "BAD_USER_INPUT:remindDaysBefore"],
      [{ lateFee: { flat: eur("5"), percent: "2" } }, "BAD_USER_INPUT:lateFee"],
      [{ lateFee: { flat: { amount: "5", currency: "USD" } } }, "BAD_USER_INPUT:lateFee.flat.currency"],
      [{ lateFee: { percent: "0" } }, "BAD_USER_INPUT:lateFee.percent"],
      [{ lateFee: { percent: "100.5" } }, "BAD_USER_INPUT:lateFee.percent"],
      [{ contactId: "not-an-id" }, "NOT_FOUND:contactId"],
      [{ idempotencyKey: "" }, "BAD_USER_INPUT:idempotencyKey"],
    ];
    for (const [extra, expected] of cases) {
      expect(
        await api.outcome(alice, `mutation($i: CreateLoanInput!) { createLoan(input: $i) { id } }`, { i: loanInput(sam, extra) }),
        JSON.stringify(extra),
      ).toBe(expected);
    }
    expect(await counts(alice.id)).toEqual(before);
  });

  it("replays a createLoan with the same key and refuses the key for another loan", async () => {
    const input = loanInput(sam, { idempotencyKey: "car-loan-1" });
    const first = await api.loan(alice, input);
    const again = await api.loan(alice, input);
    expect(again.id).toBe(first.id);
    expect(
      await api.outcome(alice, `mutation($i: CreateLoanInput!) { createLoan(input: $i) { id } }`, { i: { ...input, termMonths: 24 } }),
    ).toBe("CONFLICT:idempotencyKey");
    const [row] = await db().query(`SELECT count(*)::int AS n FROM lending.installments WHERE loan_id = $1`, [first.id]);
    expect(row.n).toBe(12);
  });

  it("manages contacts: create, rename, list by name, and refuses deleting one with loans", async () => {
    const zoe = await api.contact(alice, "Zoe");
    const ann = await api.contact(alice, "ann", { notes: "Neighbour\nflat 2" });
    await api.ok(alice, `mutation($i: UpdateContactInput!) { updateContact(input: $i) { id } }`, {
      i: { id: zoe, name: "Adam", email: "adam@example.com" },
    });
    const { contacts } = await api.ok(alice, `{ contacts { id name email notes } }`);
    expect(contacts.map((c: any) => c.name)).toEqual(["Adam", "ann", "Sam"]);
    expect(contacts[1].notes).toBe("Neighbour\nflat 2");
    const bad: Array<[string, Record<string, unknown>, string]> = [
      [`mutation($i: CreateContactInput!) { createContact(input: $i) { id } }`, { i: { name: "" } }, "BAD_USER_INPUT:name"],
      [
        `mutation($i: CreateContactInput!) { createContact(input: $i) { id } }`,
        { i: { name: "X", email: "nope" } },
        "BAD_USER_INPUT:email",
      ],
      [`mutation($i: UpdateContactInput!) { updateContact(input: $i) { id } }`, { i: { id: ann, name: null } }, "BAD_USER_INPUT:name"],
      [`mutation($id: ID!) { deleteContact(id: $id) }`, { id: sam }, "CONTACT_HAS_LOANS:id"],
    ];
    for (const [query, variables, expected] of bad) expect(await api.outcome(alice, query, variables)).toBe(expected);
    expect((await api.ok(alice, `mutation($id: ID!) { deleteContact(id: $id) }`, { id: ann })).deleteContact).toBe(true);
    expect((await api.ok(alice, `query($id: ID!) { contact(id: $id) { id } }`, { id: ann })).contact).toBeNull();
  });

  it("keeps loans and contacts to their owner, through the gateway and through _entities", async () => {
    const loan = await api.loan(alice, loanInput(sam, { name: "Alice's" }));
    const reads = await api.ok(
      bob,
      `query($id: ID!, $c: ID!) { loan(id: $id) { id } contact(id: $c) { id } loans { id } contacts { id } me { loans { id } } }`,
      {
        id: loan.id,
        c: sam,
      },
    );
    expect(reads).toEqual({ loan: null, contact: null, loans: [], contacts: [], me: { loans: [] } });
    const writes: Array<[string, Record<string, unknown>, string]> = [
      [
        `mutation($i: RecordLoanPaymentInput!) { recordLoanPayment(input: $i) { id } }`,
        { i: { loanId: loan.id, amount: eur("10"), date: "2026-11-01" } },
        "NOT_FOUND",
      ],
      [`mutation($id: ID!) { writeOffLoan(id: $id) { id } }`, { id: loan.id }, "NOT_FOUND"],
      [`mutation($i: CreateLoanInput!) { createLoan(input: $i) { id } }`, { i: loanInput(sam) }, "NOT_FOUND:contactId"],
      [`mutation($i: UpdateContactInput!) { updateContact(input: $i) { id } }`, { i: { id: sam, name: "Mine" } }, "NOT_FOUND:id"],
      [`mutation($id: ID!) { deleteContact(id: $id) }`, { id: sam }, "NOT_FOUND:id"],
    ];
    for (const [query, variables, expected] of writes) expect(await api.outcome(bob, query, variables), query.slice(0, 40)).toBe(expected);
    expect((await api.read(alice, loan.id, "name contact { name }")).contact.name).toBe("Sam");

    const signer = new InternalTokenSigner(sg.all.platform.internalKeys.privateKey!);
    const as = async (userId: string) => ({ [INTERNAL_TOKEN_HEADER]: await signer.sign({ userId, scopes: ["*"] }, "t") });
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Loan { id name } ... on Contact { id name } ... on User { loans { id } } } }`;
    const representations = [
      { __typename: "Loan", id: loan.id },
      { __typename: "Contact", id: sam },
      { __typename: "User", id: alice.id },
      { __typename: "Loan", id: "not-a-uuid" },
    ];
    const asBob = await postGraphQL(sg.all.urls.lending!, { query: entities, variables: { r: representations } }, await as(bob.id));
    expect(asBob.errors).toBeUndefined();
    expect(asBob.data._entities).toEqual([null, null, null, null]);
    const asAlice = await postGraphQL(
      sg.all.urls.lending!,
      { query: entities, variables: { r: representations.slice(0, 2) } },
      await as(alice.id),
    );
    expect(asAlice.data._entities).toEqual([
      { id: loan.id, name: "Alice's" },
      { id: sam, name: "Sam" },
    ]);
  });

  it("lists loans by status, on the user too", async () => {
    const { me, loans } = await api.ok(alice, `{ me { loans(status: PAID_OFF) { id status } } loans { id status } }`);
    expect(me.loans.length).toBeGreaterThan(0);
    expect(me.loans.every((l: any) => l.status === "PAID_OFF")).toBe(true);
    expect(loans.length).toBeGreaterThan(me.loans.length);
    expect((await api.read(alice, me.loans[0].id, LOAN)).status).toBe("PAID_OFF");
  });
});
