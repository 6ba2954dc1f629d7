import type { Logger } from "pino";
import type { DataSource, EntityManager } from "typeorm";

import { isClientError } from "../../../platform/errors/index.js";
import type { Outbox } from "../../../platform/events/index.js";
import { repeatEvery, type Repeating } from "../../../platform/jobs/index.js";
import type { Clock, IdGenerator } from "../../../platform/time/index.js";
import { nextOccurrenceAfter } from "../../../platform/time/recurrence/index.js";
import { BILL_DUE, type BillDueV1, LEDGER_BILL_TOPIC, TRANSACTION_POSTED } from "../../../schema/events/ledger.js";
import { utcDay } from "../transactions/calendar-date.js";
import { transactionSnapshot } from "../transactions/transaction.events.js";
import type { TransactionWriter } from "../transactions/transaction.writer.js";
import type { TransactionEventPublisher } from "../transactions/transaction-events.publisher.js";
import { ScheduleEntity } from "./schedule.entity.js";
import { ruleOf } from "./schedule.service.js";

/** Occurrences one schedule may catch up in one run (a job that was down for a while). */
const CATCH_UP = 60;

/**
 * Posts due occurrences and sends bill reminders. Safe with any number of instances running it at
 * once: each schedule is claimed with FOR UPDATE SKIP LOCKED in its own transaction, and the
 * unique (schedule_id, occurrence_date) makes a second post of one occurrence impossible anyway.
 */
export class RecurringJob {
  private repeating: Repeating | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly writer: TransactionWriter,
    private readonly events: TransactionEventPublisher,
    private readonly logger: Logger,
  ) {}

  start(everyMs: number): void {
    this.repeating = repeatEvery(everyMs, () => this.run(utcDay(this.clock.now())), this.logger, "recurring job");
  }

  async stop(): Promise<void> {
    await this.repeating?.stop();
  }

  /** One pass for `today` (UTC day): returns how many occurrences were posted and reminders sent. */
  async run(today: string): Promise<{ posted: number; reminded: number }> {
    let posted = 0;
    while (true) {
      const n = await this.dataSource.transaction((manager) => this.postNextDue(manager, today));
      if (n === null) break;
      posted += n;
    }
    let reminded = 0;
    while (await this.dataSource.transaction((manager) => this.remindNext(manager, today))) reminded++;
    return { posted, reminded };
  }

  /** Claims one due schedule and posts its due occurrences; null when none is left. */
  private async postNextDue(manager: EntityManager, today: string): Promise<number | null> {
    const [schedule] = await manager
      .getRepository(ScheduleEntity)
      .createQueryBuilder("s")
      .where("s.next_due <= :today", { today })
      .orderBy("s.next_due", "ASC")
      .limit(1)
      .setLock("pessimistic_write")
      .setOnLocked("skip_locked")
      .getMany();
    if (!schedule) return null;
    const rule = ruleOf(schedule);
    let posted = 0;
    let next: string | null = schedule.nextDue;
    const categorize = await this.writer.categorizerFor(manager, schedule.userId);
    while (next !== null && next <= today && posted < CATCH_UP) {
      const exists = await manager.query(`SELECT 1 FROM ledger.transactions WHERE schedule_id = $1 AND occurrence_date = $2`, [
        schedule.id,
        next,
      ]);
      if (exists.length === 0) {
        try {
          await manager.query("SAVEPOINT occurrence");
          const stored = await this.writer.writeEntry(
            manager,
            schedule.userId,
            this.ids.next(),
            {
              accountId: schedule.accountId,
              amount: { amountMinor: schedule.amountMinor, currency: schedule.currency },
              date: next,
              payee: schedule.payee,
              notes: schedule.notes,
              categoryId: schedule.categoryId ?? undefined,
            },
            categorize,
            { source: "RECURRING", scheduleId: schedule.id, occurrenceDate: next },
          );
          await manager.query("RELEASE SAVEPOINT occurrence");
          await this.events.emit(manager, "recurring-job", schedule.userId, {
            type: TRANSACTION_POSTED,
            data: transactionSnapshot(stored.transaction, stored.legs),
          });
          posted++;
        } catch (error) {
          if (!isClientError(error)) throw error;
          // The account was archived (or similar): stop the schedule rather than retry it forever.
          await manager.query("ROLLBACK TO SAVEPOINT occurrence");
          this.logger.warn(
            { scheduleId: schedule.id, err: error.message },
            "recurring transaction stopped: its occurrence cannot be posted",
          );
          next = null;
          break;
        }
      }
      next = nextOccurrenceAfter(rule, next);
    }
    await manager.update(ScheduleEntity, { id: schedule.id }, { nextDue: next });
    return posted;
  }

  /** Claims one expense schedule whose reminder is due and emits its BillDue; false when none. */
  private async remindNext(manager: EntityManager, today: string): Promise<boolean> {
    const [schedule] = await manager
      .getRepository(ScheduleEntity)
      .createQueryBuilder("s")
      .where(
        "s.amount_minor < 0 AND s.next_due IS NOT NULL AND s.next_due - s.remind_days_before <= :today AND (s.reminded_for IS NULL OR s.reminded_for < s.next_due)",
        { today },
      )
      .limit(1)
      .setLock("pessimistic_write")
      .setOnLocked("skip_locked")
      .getMany();
    if (!schedule) return false;
    const data: BillDueV1 = {
      scheduleId: schedule.id,
      userId: schedule.userId,
      accountId: schedule.accountId,
      dueDate: schedule.nextDue!,
      amountMinor: schedule.amountMinor.toString(),
      currency: schedule.currency,
      payee: schedule.payee,
    };
    await this.outbox.add(manager, "recurring-job", [{ topic: LEDGER_BILL_TOPIC, type: BILL_DUE, key: schedule.userId, data }]);
    await manager.update(ScheduleEntity, { id: schedule.id }, { remindedFor: schedule.nextDue });
    return true;
  }
}
