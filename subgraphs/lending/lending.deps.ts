import type { LoaderFactory } from "../../platform/graphql/index.js";
import type { IdempotencyKeys, ScheduledPurge } from "../../platform/idempotency/index.js";
import type { LedgerAccountsReadModel } from "../../platform/read-models/index.js";
import type { ContactEntity } from "./contacts/contact.entity.js";
import type { ContactService } from "./contacts/contact.service.js";
import type { InstallmentEntity } from "./installments/installment.entity.js";
import type { LoanEntity } from "./loans/loan.entity.js";
import type { LoanService } from "./loans/loan.service.js";
import type { LoanQueries, OwedAmount } from "./loans/loan-query.service.js";
import type { OverdueJob } from "./overdue/overdue.job.js";
import type { PaymentEntity } from "./payments/payment.entity.js";
import type { PaymentService } from "./payments/payment.service.js";

/** Every loader reads only the caller's rows, filtered in SQL. */
export interface LendingLoaders {
  loan: LoaderFactory<string, LoanEntity | null>;
  contact: LoaderFactory<string, ContactEntity | null>;
  /** loanId → its schedule by number. */
  installments: LoaderFactory<string, InstallmentEntity[]>;
  /** loanId → its payments, oldest first. */
  payments: LoaderFactory<string, PaymentEntity[]>;
  /** contactId → loans naming them, oldest first. */
  loansByContact: LoaderFactory<string, LoanEntity[]>;
  /** contactId → what is owed today on their open loans, by direction and currency. */
  owedByContact: LoaderFactory<string, OwedAmount[]>;
}

/** Everything lending's resolvers and consumers are built from. */
export interface LendingDeps {
  contacts: ContactService;
  loans: LoanService;
  loanQueries: LoanQueries;
  payments: PaymentService;
  overdueJob: OverdueJob;
  /** The UTC day of the injected clock: what "owed today" counts. */
  today(): string;
  /** The users' ledger accounts as lending knows them (from ledger.account.v1). */
  accounts: LedgerAccountsReadModel;
  idempotency: IdempotencyKeys;
  idempotencyPurge: ScheduledPurge;
  loaders: LendingLoaders;
}
