import type { DataSource, EntityManager } from "typeorm";

import { badInput, conflict, notFound } from "../../../platform/errors/index.js";
import type { IdempotencyKeys } from "../../../platform/idempotency/index.js";
import type { Money } from "../../../platform/money/index.js";
import { type Clock, type IdGenerator, isUuid } from "../../../platform/time/index.js";
import {
  TRANSACTION_DELETED,
  TRANSACTION_POSTED,
  TRANSACTION_RESTORED,
  TRANSACTION_UPDATED,
  type TransactionUpdatedV1,
} from "../../../schema/events/ledger.js";
import type { AccountService } from "../accounts/account.service.js";
import type { CategoryService } from "../categories/category.service.js";
import { calendarDate } from "./calendar-date.js";
import { entryPostings, type PostingLine, type SplitLine, transferPostings } from "./double-entry.js";
import { PostingEntity } from "./posting.entity.js";
import { TransactionEntity, type TransactionSourceValue, type TransactionStatusValue } from "./transaction.entity.js";
import { transactionLocked } from "./transaction.errors.js";
import { transactionSnapshot } from "./transaction.events.js";
import { type EntryInput, splitLines, type StoredTransaction, type TransactionWriter } from "./transaction.writer.js";
import type { TransactionEventPublisher } from "./transaction-events.publisher.js";
import { NO_SUGGESTION_MARK, notesText, payeeText, statusValue, tagList } from "./transaction-fields.js";

/** `amount` (positive) leaves `fromAccountId`; `toAmount` arrives on `toAccountId` (required across currencies). */
export interface TransferInput {
  fromAccountId: string;
  toAccountId: string;
  amount: Money;
  toAmount?: Money | null;
  date: string;
  payee?: string | null;
  notes?: string | null;
  tags?: string[] | null;
  status?: TransactionStatusValue | null;
  idempotencyKey?: string | null;
}

export type TransactionPatch = Partial<Omit<EntryInput, "idempotencyKey">> & { toAmount?: Money | null };

/**
 * What a user does to transactions: post, transfer, update, delete and restore, unlock. New rows
 * are built by TransactionWriter; every change is announced through TransactionEventPublisher in
 * the same database transaction.
 */
export class TransactionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly idempotency: IdempotencyKeys,
    private readonly accounts: AccountService,
    private readonly categories: CategoryService,
    private readonly writer: TransactionWriter,
    private readonly events: TransactionEventPublisher,
  ) {}

  async post(userId: string, input: EntryInput, traceId: string): Promise<StoredTransaction> {
    const { idempotencyKey, ...request } = input;
    const id = this.ids.next();
    // Without a key the write is one statement (postIn), atomic on its own: no BEGIN and COMMIT
    // round trips. Its reads (account, rules, categories, rates) saw nothing more inside a READ
    // COMMITTED transaction than they see outside one.
    if (idempotencyKey === null || idempotencyKey === undefined)
      return this.postIn(this.dataSource.manager, userId, id, request, traceId, "MANUAL");
    return this.dataSource.transaction(async (manager) => {
      const replayOf = await this.idempotency.claim(manager, userId, idempotencyKey, "postTransaction", request, id);
      if (replayOf) return this.loadOwned(manager, userId, replayOf);
      return this.postIn(manager, userId, id, request, traceId, "MANUAL");
    });
  }

  /**
   * `post` inside the caller's transaction, for writes another domain's event asks for (the
   * inbox's transaction, which already makes them happen once): rules applied, TransactionPosted
   * in the same outbox. `source`: the path that asks (a receipt, a group, a loan), kept on the row.
   * Two statements: everything it reads, then the rows and the event.
   */
  async postIn(
    manager: EntityManager,
    userId: string,
    id: string,
    request: Omit<EntryInput, "idempotencyKey">,
    traceId: string,
    source: TransactionSourceValue,
  ): Promise<StoredTransaction> {
    const { stored, toBase } = await this.writer.checkedSingleEntry(manager, userId, id, request, { source });
    const posted = await this.events.prepare(
      manager,
      traceId,
      userId,
      [{ type: TRANSACTION_POSTED, data: transactionSnapshot(stored.transaction, stored.legs) }],
      toBase,
    );
    await this.writer.insertEntries(manager, [stored], posted);
    return stored;
  }

  async transfer(userId: string, input: TransferInput, traceId: string): Promise<StoredTransaction> {
    const { idempotencyKey, ...request } = input;
    const id = this.ids.next();
    return this.dataSource.transaction(async (manager) => {
      const replayOf = await this.idempotency.claim(manager, userId, idempotencyKey, "transferBetweenAccounts", request, id);
      if (replayOf) return this.loadOwned(manager, userId, replayOf);
      const date = calendarDate(request.date);
      if (request.fromAccountId === request.toAccountId)
        throw badInput("a transfer needs two different accounts", { field: "toAccountId" });
      const from = await this.accounts.usable(manager, userId, request.fromAccountId, date, "fromAccountId");
      const to = await this.accounts.usable(manager, userId, request.toAccountId, date, "toAccountId");
      const { sent, received } = this.transferAmounts(from.currency, to.currency, request.amount, request.toAmount);
      const { transaction, legs } = this.writer.buildTransfer(userId, id, { ...request, from, to, sent, received, date });
      await this.writer.insertEntries(manager, [{ transaction, legs }]);
      await this.events.emit(manager, traceId, userId, { type: TRANSACTION_POSTED, data: transactionSnapshot(transaction, legs) });
      return { transaction, legs };
    });
  }

  async update(userId: string, id: string, patch: TransactionPatch, traceId: string): Promise<StoredTransaction> {
    return this.dataSource.transaction((manager) => this.updateIn(manager, userId, id, patch, traceId));
  }

  /**
   * `update` inside the caller's transaction (see `postIn`). Giving a category (categoryId or
   * splits) ends the mark of an applied suggestion: the user has confirmed or replaced it. With
   * `suggested`, the single category given is itself the suggestion being applied, and is marked.
   */
  async updateIn(
    manager: EntityManager,
    userId: string,
    id: string,
    patch: TransactionPatch,
    traceId: string,
    suggested?: { confidence: string },
  ): Promise<StoredTransaction> {
    const before = await this.loadOwned(manager, userId, id, true);
    const old = before.transaction;
    if (old.locked) throw transactionLocked();
    if (old.deletedAt) throw badInput("restore the transaction before editing it", { field: "id" });
    const next = Object.assign(new TransactionEntity(), old);
    if (patch.date !== undefined && patch.date !== null) next.date = calendarDate(patch.date);
    if (patch.payee !== undefined) next.payee = payeeText(patch.payee);
    if (patch.notes !== undefined) next.notes = notesText(patch.notes);
    if (patch.tags !== undefined) next.tags = tagList(patch.tags);
    if (patch.status !== undefined && patch.status !== null) next.status = statusValue(patch.status);
    next.locked = next.status === "RECONCILED";
    next.updatedAt = this.clock.now();

    let lines: PostingLine[];
    if (old.kind === "TRANSFER") {
      if (patch.accountId != null || patch.categoryId !== undefined || patch.splits != null) {
        throw badInput("a transfer has no category; change its amounts, date, payee, notes, tags or status", { field: "id" });
      }
      const from = await this.accounts.usable(manager, userId, old.accountId, next.date, "fromAccountId");
      const to = await this.accounts.usable(manager, userId, old.counterAccountId!, next.date, "toAccountId");
      const sentIn = patch.amount ?? { amountMinor: -old.amountMinor, currency: old.currency };
      const receivedIn =
        patch.toAmount ??
        (patch.amount && from.currency === to.currency
          ? undefined
          : { amountMinor: old.counterAmountMinor!, currency: old.counterCurrency! });
      const { sent, received } = this.transferAmounts(from.currency, to.currency, sentIn, receivedIn);
      next.amountMinor = -sent.amountMinor;
      next.counterAmountMinor = received.amountMinor;
      lines = transferPostings(from.id, sent, to.id, received);
    } else {
      const account = await this.accounts.usable(manager, userId, patch.accountId ?? old.accountId, next.date);
      const amount = patch.amount ?? { amountMinor: old.amountMinor, currency: old.currency };
      if (amount.amountMinor === 0n) throw badInput("amount must not be zero", { field: "amount" });
      if (account.currency !== amount.currency)
        throw badInput(`the account is in ${account.currency}, the amount in ${amount.currency}`, { field: "amount" });
      const oldSplits = before.legs.filter((l) => l.role === "CATEGORY");
      let splits: SplitLine[];
      if (patch.splits != null || patch.categoryId !== undefined) {
        splits = splitLines(amount, patch.splits, patch.categoryId ?? null, null);
      } else if (patch.amount == null) {
        splits = oldSplits.map((l) => ({ categoryId: l.categoryId, amountMinor: -l.amountMinor, memo: l.memo }));
      } else if (oldSplits.length === 1) {
        splits = [{ categoryId: oldSplits[0]!.categoryId, amountMinor: amount.amountMinor, memo: oldSplits[0]!.memo }];
      } else {
        throw badInput("this transaction is split: give the splits for the new amount", { field: "splits" });
      }
      await this.categories.requireOwned(
        manager,
        userId,
        splits.flatMap((s) => (s.categoryId ? [s.categoryId] : [])),
        "categoryId",
      );
      if (patch.splits != null || patch.categoryId !== undefined) {
        const marked = suggested && splits.length === 1 ? splits[0]!.categoryId : null;
        Object.assign(
          next,
          marked
            ? {
                suggestedCategoryId: marked,
                suggestionConfidence: suggested!.confidence,
                suggestionAppliedAt: next.updatedAt,
                suggestionTaken: true,
              }
            : NO_SUGGESTION_MARK,
        );
      }
      next.accountId = account.id;
      next.amountMinor = amount.amountMinor;
      next.currency = amount.currency;
      next.kind = amount.amountMinor < 0n ? "EXPENSE" : "INCOME";
      lines = entryPostings(account.id, amount, splits);
    }
    const legs = this.writer.legs(next, lines);
    await manager.save(TransactionEntity, next);
    await manager.delete(PostingEntity, { transactionId: id });
    await manager.insert(PostingEntity, legs);
    const data: TransactionUpdatedV1 = {
      transactionId: id,
      userId,
      before: transactionSnapshot(old, before.legs),
      after: transactionSnapshot(next, legs),
    };
    await this.events.emit(manager, traceId, userId, { type: TRANSACTION_UPDATED, data });
    return { transaction: next, legs };
  }

  /** Soft delete: balances and lists leave it out; `restore` brings it back as it was. */
  async setDeleted(userId: string, id: string, deleted: boolean, traceId: string): Promise<StoredTransaction> {
    return this.dataSource.transaction((manager) => this.setDeletedIn(manager, userId, id, deleted, traceId));
  }

  /** `setDeleted` inside the caller's transaction (see `postIn`). */
  async setDeletedIn(manager: EntityManager, userId: string, id: string, deleted: boolean, traceId: string): Promise<StoredTransaction> {
    const stored = await this.loadOwned(manager, userId, id, true);
    const t = stored.transaction;
    if (t.locked) throw transactionLocked();
    if ((t.deletedAt !== null) === deleted) return stored;
    t.deletedAt = deleted ? this.clock.now() : null;
    t.updatedAt = this.clock.now();
    try {
      await manager.save(TransactionEntity, t);
    } catch (error) {
      if ((error as { code?: string }).code === "23505")
        throw conflict("an imported transaction with the same bank id exists on this account", { field: "id" });
      throw error;
    }
    await this.events.emit(manager, traceId, userId, {
      type: deleted ? TRANSACTION_DELETED : TRANSACTION_RESTORED,
      data: transactionSnapshot(t, stored.legs),
    });
    return stored;
  }

  /** Lets a reconciled transaction be edited again; its status stays RECONCILED until changed. */
  async unlock(userId: string, id: string): Promise<StoredTransaction> {
    return this.dataSource.transaction(async (manager) => {
      const stored = await this.loadOwned(manager, userId, id, true);
      if (stored.transaction.locked) {
        stored.transaction.locked = false;
        stored.transaction.updatedAt = this.clock.now();
        await manager.save(TransactionEntity, stored.transaction);
      }
      return stored;
    });
  }

  async loadOwned(manager: EntityManager, userId: string, id: string, forUpdate = false): Promise<StoredTransaction> {
    const transaction = isUuid(id)
      ? await manager.findOne(TransactionEntity, { where: { id, userId }, lock: forUpdate ? { mode: "pessimistic_write" } : undefined })
      : null;
    if (!transaction) throw notFound("transaction");
    const legs = await manager.find(PostingEntity, { where: { transactionId: id }, order: { position: "ASC" } });
    return { transaction, legs };
  }

  private transferAmounts(
    fromCurrency: string,
    toCurrency: string,
    amount: Money,
    toAmount: Money | null | undefined,
  ): { sent: Money; received: Money } {
    if (amount.amountMinor <= 0n) throw badInput("a transfer amount is positive", { field: "amount" });
    if (amount.currency !== fromCurrency) throw badInput(`the source account is in ${fromCurrency}`, { field: "amount" });
    if (fromCurrency === toCurrency) {
      if (toAmount && (toAmount.currency !== toCurrency || toAmount.amountMinor !== amount.amountMinor)) {
        throw badInput("between accounts of one currency, toAmount equals amount", { field: "toAmount" });
      }
      return { sent: amount, received: amount };
    }
    if (!toAmount) throw badInput(`the accounts differ in currency: give toAmount in ${toCurrency}`, { field: "toAmount" });
    if (toAmount.currency !== toCurrency) throw badInput(`the destination account is in ${toCurrency}`, { field: "toAmount" });
    if (toAmount.amountMinor <= 0n) throw badInput("toAmount is positive", { field: "toAmount" });
    return { sent: amount, received: toAmount };
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(PostingEntity, { userId });
    await manager.delete(TransactionEntity, { userId });
  }
}
