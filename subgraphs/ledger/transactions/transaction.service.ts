import { In, type DataSource, type EntityManager } from "typeorm";
import { badInput } from "../../../platform/errors/index.js";
import type { Outbox } from "../../../platform/events/index.js";
import type { Money } from "../../../platform/money/index.js";
import { isUuid, type Clock, type IdGenerator } from "../../../platform/time/index.js";
import { TransactionEntity } from "./transaction.entity.js";
import { TRANSACTION_TOPIC, type TransactionPostedV1 } from "./transaction.events.js";

export interface NewTransaction {
  amount: Money;
  description: string;
  date: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function assertCalendarDate(date: string): void {
  const match = ISO_DATE.exec(date);
  const parsed = match ? new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!)) : undefined;
  if (!parsed || parsed.toISOString().slice(0, 10) !== date) throw badInput("date must be a calendar date YYYY-MM-DD", { field: "date" });
}

export class TransactionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /** Records the transaction and its `TransactionPosted` event in one database transaction. */
  async post(userId: string, input: NewTransaction, traceId: string): Promise<TransactionEntity> {
    assertCalendarDate(input.date);
    const description = input.description.trim();
    if (description.length > 500) throw badInput("description is longer than 500 characters", { field: "description" });
    if (input.amount.amountMinor === 0n) throw badInput("amount must not be zero", { field: "amount" });
    const entity = Object.assign(new TransactionEntity(), {
      id: this.ids.next(),
      userId,
      amountMinor: input.amount.amountMinor,
      currency: input.amount.currency,
      description,
      date: input.date,
      createdAt: this.clock.now(),
    });
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(entity);
      const data: TransactionPostedV1 = {
        transactionId: saved.id,
        userId,
        amountMinor: saved.amountMinor.toString(),
        currency: saved.currency,
        date: saved.date,
        description: saved.description,
      };
      await this.outbox.add(manager, traceId, [{ topic: TRANSACTION_TOPIC, type: "TransactionPosted", key: userId, data }]);
      return saved;
    });
  }

  /** The caller's transactions, newest first. */
  listForUser(userId: string, first: number): Promise<TransactionEntity[]> {
    return this.dataSource.getRepository(TransactionEntity).find({
      where: { userId },
      order: { date: "DESC", createdAt: "DESC" },
      take: first,
    });
  }

  /** Scoped by owner inside the query: another user's id finds nothing. */
  findForUser(userId: string, ids: readonly string[]): Promise<TransactionEntity[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(TransactionEntity).findBy({ userId, id: In(valid) });
  }

  /** Account deletion: everything the ledger holds about the user. */
  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(TransactionEntity, { userId });
  }
}
