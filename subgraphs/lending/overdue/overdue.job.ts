import { Decimal } from "decimal.js";
import type { Logger } from "pino";
import type { DataSource, EntityManager } from "typeorm";

import { repeatEvery, type Repeating } from "../../../platform/jobs/index.js";
import { type Clock, utcDay } from "../../../platform/time/index.js";
import { InstallmentEntity } from "../installments/installment.entity.js";
import { statusOf, unpaidOf } from "../installments/installment-state.js";
import { LoanEntity } from "../loans/loan.entity.js";
import type { InstallmentNotice, LoanEvents } from "../loans/loan-events.js";
import { isOverdue, lateFee, type LateFeeRule } from "./late-fee.js";

/** Loans claimed per transaction. */
const BATCH = 50;
const TRACE = "overdue-job";

/** An installment is a candidate when it is open, not yet marked, and past its grace (or near enough to remind). */
const CANDIDATE = `i.loan_id = l.id AND i.status <> 'PAID' AND (
  (i.overdue_at IS NULL AND i.due_date + l.grace_days < CAST(:today AS date)) OR
  (i.reminded_at IS NULL AND i.due_date >= CAST(:today AS date) AND i.due_date - l.remind_days_before <= CAST(:today AS date)))`;

/**
 * The daily pass over open installments: an installment not paid `graceDays` after its due date
 * becomes OVERDUE, takes the loan's late fee and announces InstallmentOverdue; one due within the
 * loan's `remindDaysBefore` days announces InstallmentDue. Each happens once per installment
 * however many instances run the job, and however often: a loan is claimed with FOR UPDATE SKIP
 * LOCKED (the lock payments take too, so a payment never races its late fee), and an installment
 * is only marked while its `overdue_at` / `reminded_at` is still empty, then never again.
 * "Today" is the UTC day of the injected clock.
 */
export class OverdueJob {
  private repeating: Repeating | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly events: LoanEvents,
    private readonly logger: Logger,
  ) {}

  start(everyMs: number): void {
    this.repeating = repeatEvery(everyMs, () => this.run(utcDay(this.clock.now())), this.logger, "overdue job");
  }

  async stop(): Promise<void> {
    await this.repeating?.stop();
  }

  /** One pass for `today` (YYYY-MM-DD): how many installments became overdue and how many were announced as due. */
  async run(today: string): Promise<{ overdue: number; reminded: number }> {
    const total = { overdue: 0, reminded: 0 };
    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const batch = await this.dataSource.transaction(async (manager) => {
        const loans = await this.claim(manager, today, after);
        const notices: InstallmentNotice[] = [];
        for (const loan of loans) notices.push(...(await this.process(manager, loan, today)));
        await this.events.installmentNotices(manager, TRACE, notices);
        total.overdue += notices.filter((n) => n.kind === "OVERDUE").length;
        total.reminded += notices.filter((n) => n.kind === "DUE").length;
        return loans;
      });
      if (batch.length < BATCH) return total;
      after = batch.at(-1)!.id;
    }
  }

  /**
   * The next loans (by id, after `after`) with work for today, row-locked. A loan locked elsewhere
   * (another instance's pass, a payment in progress) is skipped: that pass does it, or the next run.
   */
  private async claim(manager: EntityManager, today: string, after: string): Promise<LoanEntity[]> {
    return manager
      .getRepository(LoanEntity)
      .createQueryBuilder("l")
      .where(`l.status IN ('ACTIVE', 'OVERDUE') AND l.id > :after`, { after })
      .andWhere(`EXISTS (SELECT 1 FROM lending.installments i WHERE ${CANDIDATE})`, { today })
      .orderBy("l.id", "ASC")
      .limit(BATCH)
      .setLock("pessimistic_write")
      .setOnLocked("skip_locked")
      .getMany();
  }

  /** Marks what is due of one claimed loan; answers the notices to announce. */
  private async process(manager: EntityManager, loan: LoanEntity, today: string): Promise<InstallmentNotice[]> {
    // Read under the loan's lock: another instance's pass over this loan has committed or not begun.
    const rows = await manager
      .getRepository(InstallmentEntity)
      .createQueryBuilder("i")
      .innerJoin(LoanEntity, "l", "l.id = i.loan_id")
      .where(`l.id = :loanId AND ${CANDIDATE}`, { loanId: loan.id, today })
      .orderBy("i.number", "ASC")
      .getMany();
    const rule = lateFeeRuleOf(loan);
    const now = this.clock.now();
    const notices: InstallmentNotice[] = [];
    for (const row of rows) {
      if (row.overdueAt === null && isOverdue(row.dueDate, loan.graceDays, today)) {
        const unpaid = unpaidOf(row);
        row.lateFeeMinor += rule ? lateFee(rule, unpaid.interestMinor + unpaid.principalMinor) : 0n;
        row.overdueAt = now;
        row.status = statusOf(row);
        await manager.update(
          InstallmentEntity,
          { loanId: loan.id, number: row.number },
          { lateFeeMinor: row.lateFeeMinor, overdueAt: now, status: row.status },
        );
        notices.push({ kind: "OVERDUE", loan, row });
      } else if (row.remindedAt === null && row.dueDate >= today) {
        await manager.update(InstallmentEntity, { loanId: loan.id, number: row.number }, { remindedAt: now });
        notices.push({ kind: "DUE", loan, row });
      }
    }
    // An installment just marked is unpaid, so the loan is overdue (claimed loans are ACTIVE or OVERDUE).
    if (loan.status === "ACTIVE" && notices.some((n) => n.kind === "OVERDUE")) {
      loan.status = "OVERDUE";
      await manager.update(LoanEntity, { id: loan.id }, { status: loan.status, updatedAt: now });
    }
    return notices;
  }
}

export function lateFeeRuleOf(loan: LoanEntity): LateFeeRule | null {
  if (loan.lateFeeKind === "FLAT" && loan.lateFeeMinor !== null) return { kind: "FLAT", amountMinor: loan.lateFeeMinor };
  if (loan.lateFeeKind === "PERCENT" && loan.lateFeePercent !== null) return { kind: "PERCENT", percent: new Decimal(loan.lateFeePercent) };
  return null;
}
