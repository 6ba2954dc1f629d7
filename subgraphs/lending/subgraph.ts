import { userDeletionConsumer } from "../../platform/events/index.js";
import { resolveOwnUserReference, resolveThroughLoader } from "../../platform/graphql/index.js";
import { IdempotencyKeys, scheduleIdempotencyPurge } from "../../platform/idempotency/index.js";
import { ledgerAccountsConsumer, LedgerAccountsReadModel } from "../../platform/read-models/index.js";
import { defineSubgraph, type SubgraphKit } from "../../platform/subgraph/index.js";
import { utcDay } from "../../platform/time/index.js";
import { ContactEntity } from "./contacts/contact.entity.js";
import { ContactResolver } from "./contacts/contact.resolver.js";
import { ContactService } from "./contacts/contact.service.js";
import { Contact } from "./contacts/contact.type.js";
import { InstallmentEntity } from "./installments/installment.entity.js";
import type { LendingDeps } from "./lending.deps.js";
import { LoanEntity } from "./loans/loan.entity.js";
import { lendingLoaders } from "./loans/loan.loaders.js";
import { LoanResolver } from "./loans/loan.resolver.js";
import { LoanService } from "./loans/loan.service.js";
import { Loan } from "./loans/loan.type.js";
import { LoanEvents } from "./loans/loan-events.js";
import { LoanQueries } from "./loans/loan-query.service.js";
import { Lending1796533800000 } from "./migrations/1796533800000-lending.js";
import { LedgerAccounts1796533800010 } from "./migrations/1796533800010-ledger-accounts.js";
import { OverdueJob } from "./overdue/overdue.job.js";
import { PaymentEntity } from "./payments/payment.entity.js";
import { LoanPaymentResolver } from "./payments/payment.resolver.js";
import { PaymentService } from "./payments/payment.service.js";
import { LendingUserResolver } from "./users/user.resolver.js";
import { LendingUser } from "./users/user.type.js";

export type { LendingDeps } from "./lending.deps.js";

/** The overdue pass runs this often; each run only does what today has not done yet. */
const OVERDUE_JOB_EVERY_MS = 5 * 60_000;

function createLending(kit: SubgraphKit): LendingDeps {
  const { dataSource, outbox, clock, ids } = kit;
  const idempotency = new IdempotencyKeys("lending", () => clock.now());
  const accounts = new LedgerAccountsReadModel("lending");
  const today = () => utcDay(clock.now());
  const events = new LoanEvents(outbox, today);
  const contacts = new ContactService(dataSource, clock, ids, idempotency);
  const loans = new LoanService(dataSource, clock, ids, idempotency, contacts, events);
  const loanQueries = new LoanQueries(dataSource);
  const payments = new PaymentService(dataSource, clock, ids, idempotency, loans, accounts, events);
  const overdueJob = new OverdueJob(dataSource, clock, events, kit.logger.child({ job: "overdue" }));
  overdueJob.start(OVERDUE_JOB_EVERY_MS);
  return {
    contacts,
    loans,
    loanQueries,
    payments,
    overdueJob,
    today,
    accounts,
    idempotency,
    idempotencyPurge: scheduleIdempotencyPurge(idempotency, dataSource, kit.logger.child({ job: "idempotency-purge" })),
    loaders: lendingLoaders({ contacts, loanQueries, payments, today }),
  };
}

/**
 * Lending: loans given and taken between people, their exact schedules, payments and prepayments,
 * overdue installments and late fees (`lending.loan.v1`, `lending.installment.v1`). Lives on the
 * ledger's accounts (to check the one a payment names; the ledger books it from the payment
 * event) and identity's account deletion.
 */
export default defineSubgraph<LendingDeps>({
  name: "lending",
  port: 4005,
  resolvers: [ContactResolver, LoanResolver, LoanPaymentResolver, LendingUserResolver],
  orphanedTypes: [LendingUser],
  entities: [ContactEntity, LoanEntity, InstallmentEntity, PaymentEntity],
  migrations: [Lending1796533800000, LedgerAccounts1796533800010],
  createDeps: createLending,
  close: async (deps) => {
    await deps.overdueJob.stop();
    await deps.idempotencyPurge.stop();
  },
  references: (deps) => ({
    User: resolveOwnUserReference,
    Loan: resolveThroughLoader(deps.loaders.loan, Loan.from),
    Contact: resolveThroughLoader(deps.loaders.contact, Contact.from),
  }),
  consumers: (deps) => [
    ledgerAccountsConsumer(deps.accounts),
    // Children before parents: loans name contacts (installments and payments go with their loans).
    userDeletionConsumer("lending", async (manager, userId) => {
      await deps.loans.purgeUser(manager, userId);
      await deps.contacts.purgeUser(manager, userId);
      await deps.accounts.purgeUser(manager, userId);
      await deps.idempotency.purgeUser(manager, userId);
    }),
  ],
});
