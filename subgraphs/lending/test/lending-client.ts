import { gatewayClient } from "../../../test/harness/gateway-client.js";
import type { RegisteredUser, TestSupergraph } from "../../../test/harness/supergraph.js";

export const INSTALLMENT =
  "number dueDate payment { amount } interest { amount } principal { amount } balance { amount } status lateFee { amount } amountDue { amount }";
export const LOAN = `id name direction status principal { amount currency } annualRatePercent termMonths method startDate installmentAmount { amount }
  totalInterest { amount } outstandingPrincipal { amount } amountOwed { amount } prepaid { amount } paidOffOn contact { id name }`;
export const PAYMENT =
  "id amount { amount } date lateFees { amount } interest { amount } principal { amount } prepayment { amount } ledgerAccountId";

const CREATE_LOAN = `mutation($input: CreateLoanInput!) { createLoan(input: $input) { ${LOAN} } }`;
const PAY = `mutation($input: RecordLoanPaymentInput!) { recordLoanPayment(input: $input) { ${PAYMENT} loan { ${LOAN} } } }`;

/** A schedule row as the fixtures write it: "number dueDate payment interest principal balance" in minor units. */
export const rowOf = (i: any, exponent = 2) =>
  [i.number, i.dueDate, i.payment.amount, i.interest.amount, i.principal.amount, i.balance.amount]
    .map((v, k) => (k < 2 ? String(v) : minor(v as string, exponent).toString()))
    .join(" ");

/** "12.30" → 1230n (at the currency's exponent). */
export function minor(amount: string, exponent = 2): bigint {
  const [whole, fraction = ""] = amount.replace("-", "").split(".");
  const value = BigInt(whole! + fraction.padEnd(exponent, "0"));
  return amount.startsWith("-") ? -value : value;
}

/** Lending's operations through the gateway, for lending's tests. */
export function lendingClient(sg: TestSupergraph) {
  const { call, ok, outcome } = gatewayClient(sg);
  return {
    call,
    ok,
    outcome,
    async contact(user: RegisteredUser, name = "Sam", extra: Record<string, unknown> = {}): Promise<string> {
      return (
        await ok(user, `mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`, { input: { name, ...extra } })
      ).createContact.id;
    },
    createLoan(user: RegisteredUser, input: Record<string, unknown>) {
      return call(user, CREATE_LOAN, { input });
    },
    async loan(user: RegisteredUser, input: Record<string, unknown>) {
      return (await ok(user, CREATE_LOAN, { input })).createLoan;
    },
    async read(user: RegisteredUser, id: string, selection = LOAN) {
      return (await ok(user, `query($id: ID!) { loan(id: $id) { ${selection} } }`, { id })).loan;
    },
    async schedule(user: RegisteredUser, id: string) {
      return (await ok(user, `query($id: ID!) { loan(id: $id) { schedule { ${INSTALLMENT} } } }`, { id })).loan.schedule as any[];
    },
    payment(user: RegisteredUser, input: Record<string, unknown>) {
      return call(user, PAY, { input });
    },
    async pay(user: RegisteredUser, loanId: string, amount: string, date: string, extra: Record<string, unknown> = {}) {
      return (await ok(user, PAY, { input: { loanId, amount: { amount, currency: "EUR" }, date, ...extra } })).recordLoanPayment;
    },
  };
}

/** A loan input with sensible defaults, in EUR. */
export const loanInput = (contactId: string, extra: Record<string, unknown> = {}) => ({
  name: "Car",
  direction: "BORROWED",
  contactId,
  principal: { amount: "1200.00", currency: "EUR" },
  annualRatePercent: "12",
  termMonths: 12,
  startDate: "2026-01-15",
  method: "AMORTIZING",
  ...extra,
});
