import type { DataSource, EntityManager } from "typeorm";

import { claimWithinUserCap } from "../../../platform/db/index.js";
import { assertIdempotencyKey, type IdempotencyKeys } from "../../../platform/idempotency/index.js";
import { type Clock, type IdGenerator, isUuid } from "../../../platform/time/index.js";
import type { ContactService } from "../contacts/contact.service.js";
import { InstallmentEntity } from "../installments/installment.entity.js";
import { installmentRows } from "../installments/installment-state.js";
import { type LoanDirectionValue, LoanEntity } from "./loan.entity.js";
import { loanClosed, loanNotFound, text } from "./loan.errors.js";
import type { LoanEvents } from "./loan-events.js";
import { loanPlan, type LoanPlanInput } from "./loan-plan.js";

export const MAX_LOANS_PER_USER = 1000;

export interface NewLoan extends LoanPlanInput {
  name: string;
  direction: LoanDirectionValue;
  contactId: string;
  idempotencyKey?: string | null;
}

/** Creating and writing off loans; the schedule is computed once here and stored. */
export class LoanService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly idempotency: IdempotencyKeys,
    private readonly contacts: ContactService,
    private readonly events: LoanEvents,
  ) {}

  async create(userId: string, input: NewLoan, traceId: string): Promise<LoanEntity> {
    const name = text(input.name, "name", 100);
    const plan = loanPlan(input);
    assertIdempotencyKey(input.idempotencyKey);
    const { idempotencyKey, ...request } = input;
    const keyed = { ...request, principal: { minor: plan.principal.amountMinor, currency: plan.principal.currency } };
    return this.dataSource.transaction(async (manager) => {
      const id = this.ids.next();
      const replayOf = await this.idempotency.claim(manager, userId, idempotencyKey, "createLoan", keyed, id);
      if (replayOf) return this.idempotency.replayed(manager, LoanEntity, userId, replayOf);
      await claimWithinUserCap(manager, LoanEntity, userId, MAX_LOANS_PER_USER, "loans");
      // Row-locked: a concurrent delete of the contact waits, then sees this loan.
      const contact = await this.contacts.owned(manager, userId, input.contactId, "contactId");
      const now = this.clock.now();
      const loan = Object.assign(new LoanEntity(), {
        id,
        userId,
        contactId: contact.id,
        name,
        direction: input.direction,
        currency: plan.principal.currency,
        principalMinor: plan.principal.amountMinor,
        annualRatePercent: plan.rateText,
        termMonths: plan.terms?.termMonths ?? null,
        method: plan.terms?.method ?? null,
        startDate: plan.startDate,
        graceDays: plan.graceDays,
        remindDaysBefore: plan.remindDaysBefore,
        lateFeeKind: plan.lateFee?.kind ?? null,
        lateFeeMinor: plan.lateFee?.kind === "FLAT" ? plan.lateFee.amountMinor : null,
        lateFeePercent: plan.lateFee?.kind === "PERCENT" ? plan.lateFee.percent.toFixed() : null,
        prepaymentStrategy: plan.prepaymentStrategy,
        installmentMinor: plan.installmentMinor,
        outstandingPrincipalMinor: plan.principal.amountMinor,
        prepaidMinor: 0n,
        status: "ACTIVE",
        paidOffOn: null,
        writtenOffAt: null,
        createdAt: now,
        updatedAt: now,
      } satisfies LoanEntity);
      await manager.insert(LoanEntity, loan);
      await insertInstallments(manager, installmentRows(id, userId, plan.installments));
      await this.events.created(manager, traceId, loan);
      return loan;
    });
  }

  /**
   * Gives up on what is still owed: the loan takes no more payments and leaves the debt summary.
   * Writing off twice changes nothing; a paid-off loan has nothing to write off (LOAN_CLOSED).
   */
  async writeOff(userId: string, loanId: string, traceId: string): Promise<LoanEntity> {
    return this.dataSource.transaction(async (manager) => {
      const loan = await this.locked(manager, userId, loanId);
      if (loan.status === "WRITTEN_OFF") return loan;
      if (loan.status === "PAID_OFF") throw loanClosed(loan.status);
      const now = this.clock.now();
      Object.assign(loan, { status: "WRITTEN_OFF", writtenOffAt: now, updatedAt: now });
      await manager.update(LoanEntity, { id: loan.id, userId }, { status: loan.status, writtenOffAt: now, updatedAt: now });
      await this.events.writtenOff(manager, traceId, loan);
      return loan;
    });
  }

  /**
   * Brings the loan's status in line with its installments, in the writer's transaction: PAID_OFF
   * (on `date`) once nothing is left, OVERDUE while an installment is, ACTIVE otherwise; a
   * written-off loan stays so. Answers the schedule's total interest, for LoanPaidOff.
   */
  async settleStatus(manager: EntityManager, loan: LoanEntity, date: string): Promise<{ totalInterestMinor: bigint }> {
    const [row]: Array<{ overdue: number; open: number; interest: string }> = await manager.query(
      `SELECT count(*) FILTER (WHERE status = 'OVERDUE')::int AS overdue, count(*) FILTER (WHERE status <> 'PAID')::int AS open,
              coalesce(sum(interest_minor), 0)::text AS interest
       FROM lending.installments WHERE loan_id = $1`,
      [loan.id],
    );
    if (loan.status !== "WRITTEN_OFF") {
      if (row!.open === 0 && loan.outstandingPrincipalMinor === 0n) Object.assign(loan, { status: "PAID_OFF", paidOffOn: date });
      else loan.status = row!.overdue > 0 ? "OVERDUE" : "ACTIVE";
    }
    return { totalInterestMinor: BigInt(row!.interest) };
  }

  /** The loan row-locked, if it is the caller's; NOT_FOUND otherwise. Every change of a loan starts here. */
  async locked(manager: EntityManager, userId: string, loanId: string): Promise<LoanEntity> {
    const loan = isUuid(loanId)
      ? await manager.findOne(LoanEntity, { where: { id: loanId, userId }, lock: { mode: "pessimistic_write" } })
      : null;
    if (!loan) throw loanNotFound();
    return loan;
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    // Installments and payments go with their loans (ON DELETE CASCADE).
    await manager.delete(LoanEntity, { userId });
  }
}

/** One statement: 600 rows of 16 columns stay well under PostgreSQL's 65,535 bind parameters. */
export async function insertInstallments(manager: EntityManager, rows: InstallmentEntity[]): Promise<void> {
  if (rows.length > 0) await manager.insert(InstallmentEntity, rows);
}
