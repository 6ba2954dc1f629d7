import DataLoader from "dataloader";

import { keyedLoader, type LoaderFactory } from "../../../platform/graphql/index.js";
import type { ContactService } from "../contacts/contact.service.js";
import type { LendingLoaders } from "../lending.deps.js";
import type { PaymentService } from "../payments/payment.service.js";
import type { LoanQueries, OwedAmount } from "./loan-query.service.js";

/** Rows grouped by a key, every requested key answered (an empty list when none). */
function groupedLoader<V>(batch: (keys: readonly string[]) => Promise<V[]>, keyOf: (row: V) => string): DataLoader<string, V[], string> {
  return new DataLoader<string, V[], string>(async (keys) => {
    const found = new Map<string, V[]>();
    for (const row of await batch(keys)) found.set(keyOf(row), [...(found.get(keyOf(row)) ?? []), row]);
    return keys.map((key) => found.get(key) ?? []);
  });
}

export interface LoaderServices {
  contacts: ContactService;
  loanQueries: LoanQueries;
  payments: PaymentService;
  today(): string;
}

/** One statement per kind of read per request, each filtered by the caller in SQL. */
export function lendingLoaders(s: LoaderServices): LendingLoaders {
  const scoped =
    <V>(read: (userId: string, keys: readonly string[]) => Promise<V[]>, keyOf: (row: V) => string): LoaderFactory<string, V[]> =>
    (caller) =>
      groupedLoader((keys) => (caller.userId ? read(caller.userId, keys) : Promise.resolve([])), keyOf);
  const owedByContact: LoaderFactory<string, OwedAmount[]> = scoped(
    (userId, ids) => s.loanQueries.owedByContact(userId, ids, s.today()),
    (row) => row.contactId,
  );
  return {
    loan: (caller) =>
      keyedLoader(
        (ids) => (caller.userId ? s.loanQueries.findForUser(caller.userId, ids) : Promise.resolve([])),
        (loan) => loan.id,
      ),
    contact: (caller) =>
      keyedLoader(
        (ids) => (caller.userId ? s.contacts.findForUser(caller.userId, ids) : Promise.resolve([])),
        (contact) => contact.id,
      ),
    installments: scoped(
      (userId, ids) => s.loanQueries.installmentsFor(userId, ids),
      (row) => row.loanId,
    ),
    payments: scoped(
      (userId, ids) => s.payments.forLoans(userId, ids),
      (row) => row.loanId,
    ),
    loansByContact: scoped(
      (userId, ids) => s.loanQueries.forContacts(userId, ids),
      (loan) => loan.contactId,
    ),
    owedByContact,
  };
}
