import type { DataSource, EntityManager } from "typeorm";

import { claimWithinUserCap } from "../../../platform/db/index.js";
import { badInput, notFound } from "../../../platform/errors/index.js";
import type { Outbox } from "../../../platform/events/index.js";
import type { IdempotencyKeys } from "../../../platform/idempotency/index.js";
import type { Money } from "../../../platform/money/index.js";
import { addDays, type Clock, type IdGenerator, isUuid } from "../../../platform/time/index.js";
import {
  type Frequency,
  nextOccurrenceOnOrAfter,
  occurrencesBetween,
  type ScheduleRule,
  validateSchedule,
} from "../../../platform/time/recurrence/index.js";
import { LEDGER_SCHEDULE_TOPIC, SCHEDULE_DELETED, SCHEDULE_SAVED } from "../../../schema/events/ledger.js";
import type { AccountService } from "../accounts/account.service.js";
import type { CategoryService } from "../categories/category.service.js";
import { utcDay } from "../transactions/calendar-date.js";
import { notesText, payeeText } from "../transactions/transaction-fields.js";
import { ScheduleEntity } from "./schedule.entity.js";

export interface ScheduleFields {
  accountId: string;
  amount: Money;
  payee?: string | null;
  notes?: string | null;
  categoryId?: string | null;
  frequency: Frequency;
  interval?: number | null;
  dayOfMonth?: number | null;
  startDate: string;
  endDate?: string | null;
  remindDaysBefore?: number | null;
  idempotencyKey?: string | null;
}

export interface UpcomingOccurrence {
  schedule: ScheduleEntity;
  dueDate: string;
}

export const MAX_SCHEDULES_PER_USER = 200;
export const ruleOf = (s: Pick<ScheduleEntity, "frequency" | "interval" | "dayOfMonth" | "startDate" | "endDate">): ScheduleRule => ({
  frequency: s.frequency,
  interval: s.interval,
  dayOfMonth: s.dayOfMonth,
  startDate: s.startDate,
  endDate: s.endDate,
});

export class ScheduleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly idempotency: IdempotencyKeys,
    private readonly accounts: AccountService,
    private readonly categories: CategoryService,
    private readonly outbox: Outbox,
  ) {
    categories.onCategoryMoved(async (manager, userId, from, to) => {
      await manager.query(`UPDATE ledger.schedules SET category_id = $3 WHERE user_id = $1 AND category_id = $2`, [userId, from, to]);
    });
  }

  /** Occurrences before today are not back-posted: the first one posted is the first on or after today. */
  async create(userId: string, fields: ScheduleFields, traceId: string): Promise<ScheduleEntity> {
    const { idempotencyKey, ...request } = fields;
    const id = this.ids.next();
    return this.dataSource.transaction(async (manager) => {
      const replayOf = await this.idempotency.claim(manager, userId, idempotencyKey, "createRecurringTransaction", request, id);
      if (replayOf) return this.idempotency.replayed(manager, ScheduleEntity, userId, replayOf);
      await claimWithinUserCap(manager, ScheduleEntity, userId, MAX_SCHEDULES_PER_USER, "recurring transactions");
      const schedule = Object.assign(new ScheduleEntity(), { id, userId, remindedFor: null, createdAt: this.clock.now() });
      await this.fill(manager, schedule, request, utcDay(this.clock.now()));
      const saved = await manager.save(schedule);
      await this.announceSaved(manager, traceId, saved);
      return saved;
    });
  }

  /** Replaces the schedule; what was already posted stays, the next occurrence is recomputed from today. */
  async update(userId: string, id: string, fields: ScheduleFields, traceId: string): Promise<ScheduleEntity> {
    return this.dataSource.transaction(async (manager) => {
      const schedule = await this.owned(manager, userId, id);
      const [last] = await manager.query(
        `SELECT to_char(max(occurrence_date), 'YYYY-MM-DD') AS d FROM ledger.transactions WHERE schedule_id = $1`,
        [id],
      );
      const today = utcDay(this.clock.now());
      const from = last?.d && addDays(last.d, 1) > today ? addDays(last.d, 1) : today;
      await this.fill(manager, schedule, fields, from);
      schedule.remindedFor = null;
      const saved = await manager.save(schedule);
      await this.announceSaved(manager, traceId, saved);
      return saved;
    });
  }

  async delete(userId: string, id: string, traceId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await this.owned(manager, userId, id);
      // Posted occurrences stay as ordinary transactions.
      await manager.query(`UPDATE ledger.transactions SET schedule_id = NULL WHERE user_id = $1 AND schedule_id = $2`, [userId, id]);
      await manager.delete(ScheduleEntity, { id, userId });
      await this.outbox.add(manager, traceId, [
        { topic: LEDGER_SCHEDULE_TOPIC, type: SCHEDULE_DELETED, key: userId, data: { scheduleId: id, userId } },
      ]);
      return true;
    });
  }

  list(userId: string): Promise<ScheduleEntity[]> {
    return this.dataSource.getRepository(ScheduleEntity).find({ where: { userId }, order: { createdAt: "ASC" } });
  }

  /** Expense occurrences from today through `days` ahead, soonest first (overdue ones not yet posted included). */
  async upcomingBills(userId: string, days: number): Promise<UpcomingOccurrence[]> {
    if (!Number.isInteger(days) || days < 0 || days > 366) throw badInput("days must be between 0 and 366", { field: "days" });
    const today = utcDay(this.clock.now());
    const until = addDays(today, days);
    const schedules = await this.dataSource
      .getRepository(ScheduleEntity)
      .createQueryBuilder("s")
      .where("s.user_id = :userId AND s.amount_minor < 0 AND s.next_due IS NOT NULL AND s.next_due <= :until", { userId, until })
      .getMany();
    const out: UpcomingOccurrence[] = [];
    for (const schedule of schedules) {
      for (const dueDate of occurrencesBetween(ruleOf(schedule), schedule.nextDue!, until, 400)) out.push({ schedule, dueDate });
    }
    return out.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.schedule.payee.localeCompare(b.schedule.payee)));
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(ScheduleEntity, { userId });
  }

  private async fill(manager: EntityManager, s: ScheduleEntity, f: Omit<ScheduleFields, "idempotencyKey">, from: string): Promise<void> {
    const rule = validateSchedule({
      frequency: f.frequency,
      interval: f.interval ?? 1,
      dayOfMonth: f.dayOfMonth ?? null,
      startDate: f.startDate,
      endDate: f.endDate ?? null,
    });
    if (f.amount.amountMinor === 0n) throw badInput("amount must not be zero", { field: "amount" });
    const account = await this.accounts.usable(manager, s.userId, f.accountId, rule.startDate);
    if (account.currency !== f.amount.currency) throw badInput(`the account is in ${account.currency}`, { field: "amount" });
    if (f.categoryId) await this.categories.requireOwned(manager, s.userId, [f.categoryId], "categoryId");
    const remind = f.remindDaysBefore ?? 3;
    if (!Number.isInteger(remind) || remind < 0 || remind > 60)
      throw badInput("remindDaysBefore must be between 0 and 60", { field: "remindDaysBefore" });
    Object.assign(s, {
      accountId: account.id,
      categoryId: f.categoryId ?? null,
      amountMinor: f.amount.amountMinor,
      currency: f.amount.currency,
      payee: payeeText(f.payee),
      notes: notesText(f.notes),
      frequency: rule.frequency,
      interval: rule.interval,
      dayOfMonth: rule.dayOfMonth ?? null,
      startDate: rule.startDate,
      endDate: rule.endDate ?? null,
      remindDaysBefore: remind,
      nextDue: nextOccurrenceOnOrAfter(rule, from > rule.startDate ? from : rule.startDate),
    });
  }

  /** The schedule as it now stands, for insights' cash-flow projection. */
  private async announceSaved(manager: EntityManager, traceId: string, s: ScheduleEntity): Promise<void> {
    await this.outbox.add(manager, traceId, [
      {
        topic: LEDGER_SCHEDULE_TOPIC,
        type: SCHEDULE_SAVED,
        key: s.userId,
        data: {
          scheduleId: s.id,
          userId: s.userId,
          accountId: s.accountId,
          categoryId: s.categoryId,
          amountMinor: s.amountMinor.toString(),
          currency: s.currency,
          payee: s.payee,
          frequency: s.frequency,
          interval: s.interval,
          dayOfMonth: s.dayOfMonth,
          startDate: s.startDate,
          endDate: s.endDate,
        },
      },
    ]);
  }

  private async owned(manager: EntityManager, userId: string, id: string): Promise<ScheduleEntity> {
    const found = isUuid(id) ? await manager.findOne(ScheduleEntity, { where: { id, userId }, lock: { mode: "pessimistic_write" } }) : null;
    if (!found) throw notFound("recurring transaction");
    return found;
  }
}
