import { In, type DataSource, type EntityManager } from "typeorm";
import { badInput, conflict, notFound } from "../../../platform/errors/index.js";
import type { Outbox } from "../../../platform/events/index.js";
import type { Money } from "../../../platform/money/index.js";
import { isUuid, type Clock, type IdGenerator } from "../../../platform/time/index.js";
import { LEDGER_TRANSACTION_TOPIC, TRANSACTION_DELETED, TRANSACTION_POSTED, TRANSACTION_RESTORED, TRANSACTION_UPDATED, type TransactionUpdatedV1 } from "../../../schema/events/ledger.js";
import type { AccountEntity } from "../accounts/account.entity.js";
import type { AccountService } from "../accounts/account.service.js";
import type { CategoryService } from "../categories/category.service.js";
import type { IdempotencyKeys } from "../idempotency/idempotency-keys.js";
import { calendarDate } from "./calendar-date.js";
import { entryPostings, transferPostings, type PostingLine, type SplitLine } from "./double-entry.js";
import { PostingEntity } from "./posting.entity.js";
import { notesText, payeeKey, payeeText, statusValue, tagList } from "./transaction-fields.js";
import { TransactionEntity, type TransactionStatusValue } from "./transaction.entity.js";
import { transactionLocked } from "./transaction.errors.js";
import type { BaseAmounts } from "../currency/base-amounts.js";
import { transactionSnapshot, type TransactionEvent } from "./transaction.events.js";

export interface SplitInput {
  categoryId: string | null;
  amount: Money;
  memo?: string | null;
}

/** Income (amount > 0) or expense (amount < 0) on one account. */
export interface EntryInput {
  accountId: string;
  amount: Money;
  date: string;
  payee?: string | null;
  notes?: string | null;
  tags?: string[] | null;
  /** One category for the whole amount; or give `splits`. */
  categoryId?: string | null;
  splits?: SplitInput[] | null;
  status?: TransactionStatusValue | null;
  idempotencyKey?: string | null;
}

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

/** Where a write came from, kept on the row (schedule occurrence, import batch and bank id). */
export interface EntryOrigin {
  scheduleId?: string;
  occurrenceDate?: string;
  importBatchId?: string;
  bankTransactionId?: string | null;
}

/** What rules may change before an entry is written; see rules/. */
export interface EntryDraft {
  accountId: string;
  payee: string;
  notes: string;
  amount: Money;
  categoryId: string | null;
  tags: string[];
}
export interface CategorizedDraft {
  payee: string;
  categoryId: string | null;
  tags: string[];
  appliedRuleIds: string[];
}
/** Prepared once per write (or per import batch) with the user's rules. */
export type Categorizer = (manager: EntityManager, userId: string) => Promise<(draft: EntryDraft, explicitCategory: boolean) => CategorizedDraft>;

export interface StoredTransaction {
  transaction: TransactionEntity;
  legs: PostingEntity[];
}

const noRules: Categorizer = async () => (draft) => ({ payee: draft.payee, categoryId: draft.categoryId, tags: draft.tags, appliedRuleIds: [] });

export class TransactionService {
  private categorizer: Categorizer = noRules;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly idempotency: IdempotencyKeys,
    private readonly accounts: AccountService,
    private readonly categories: CategoryService,
  ) {}

  /** The prepared rules for a batch of `writeEntry` calls (imports, schedules). */
  categorizerFor(manager: EntityManager, userId: string): ReturnType<Categorizer> {
    return this.categorizer(manager, userId);
  }

  private baseAmounts: BaseAmounts | undefined;

  /** Multi-currency plugs in here: events then carry base-currency amounts. */
  useBaseAmounts(baseAmounts: BaseAmounts): void {
    this.baseAmounts = baseAmounts;
  }

  /** The rules feature plugs in here; without it entries are written as given. */
  useCategorizer(categorizer: Categorizer): void {
    this.categorizer = categorizer;
  }

  async post(userId: string, input: EntryInput, traceId: string): Promise<StoredTransaction> {
    const { idempotencyKey, ...request } = input;
    const id = this.ids.next();
    return this.dataSource.transaction(async (manager) => {
      const replayOf = await this.idempotency.claim(manager, userId, idempotencyKey, "postTransaction", request, id);
      if (replayOf) return this.loadOwned(manager, userId, replayOf);
      const categorize = await this.categorizer(manager, userId);
      const stored = await this.writeEntry(manager, userId, id, request, categorize, {});
      await this.emit(manager, traceId, userId, { type: TRANSACTION_POSTED, data: transactionSnapshot(stored.transaction, stored.legs) });
      return stored;
    });
  }

  /**
   * Validates and inserts one income or expense inside `manager`'s transaction, applying rules.
   * Shared by post, schedules and imports; emits nothing (callers batch their events).
   */
  async writeEntry(
    manager: EntityManager,
    userId: string,
    id: string,
    input: Omit<EntryInput, "idempotencyKey">,
    categorize: (draft: EntryDraft, explicitCategory: boolean) => CategorizedDraft,
    origin: EntryOrigin,
  ): Promise<StoredTransaction> {
    const account = await this.accounts.usable(manager, userId, input.accountId, calendarDate(input.date));
    const stored = this.buildEntry(account, id, input, categorize, origin);
    await this.categories.requireOwned(manager, userId, stored.legs.flatMap((l) => (l.categoryId ? [l.categoryId] : [])), "categoryId");
    await this.insertEntries(manager, [stored]);
    return stored;
  }

  /**
   * Validates one income or expense against its (already checked, usable) account and builds its
   * rows, rules applied, without touching the database: imports build thousands, then insert
   * them with `insertEntries`.
   */
  buildEntry(
    account: AccountEntity,
    id: string,
    input: Omit<EntryInput, "idempotencyKey">,
    categorize: (draft: EntryDraft, explicitCategory: boolean) => CategorizedDraft,
    origin: EntryOrigin,
  ): StoredTransaction {
    const date = calendarDate(input.date);
    if (date < account.openingDate) throw badInput(`date is before the account's opening date ${account.openingDate}`, { field: "date" });
    if (input.amount.amountMinor === 0n) throw badInput("amount must not be zero", { field: "amount" });
    if (account.currency !== input.amount.currency) throw badInput(`the account is in ${account.currency}, the amount in ${input.amount.currency}`, { field: "amount" });
    const draft: EntryDraft = {
      accountId: account.id,
      payee: payeeText(input.payee),
      notes: notesText(input.notes),
      amount: input.amount,
      categoryId: input.categoryId ?? null,
      tags: tagList(input.tags),
    };
    const explicitCategory = (input.categoryId ?? null) !== null || (input.splits?.length ?? 0) > 0;
    const outcome = categorize(draft, explicitCategory);
    const splits = this.splitLines(input.amount, input.splits, input.categoryId !== undefined ? input.categoryId : outcome.categoryId, outcome.categoryId);
    const status = statusValue(input.status);
    const now = this.clock.now();
    const transaction = Object.assign(new TransactionEntity(), {
      id,
      userId: account.userId,
      kind: input.amount.amountMinor < 0n ? "EXPENSE" : "INCOME",
      accountId: account.id,
      amountMinor: input.amount.amountMinor,
      currency: input.amount.currency,
      counterAccountId: null,
      counterAmountMinor: null,
      counterCurrency: null,
      date,
      payee: outcome.payee,
      // The payee as the bank or user first wrote it, before rules renamed it: re-imports match on it.
      payeeKey: payeeKey(draft.payee),
      notes: draft.notes,
      tags: tagList(outcome.tags),
      status,
      locked: status === "RECONCILED",
      appliedRuleIds: outcome.appliedRuleIds,
      scheduleId: origin.scheduleId ?? null,
      occurrenceDate: origin.occurrenceDate ?? null,
      importBatchId: origin.importBatchId ?? null,
      bankTransactionId: origin.bankTransactionId ?? null,
      deletedAt: null,
      createdAt: now,
      updatedAt: now,
    } satisfies TransactionEntity);
    return { transaction, legs: this.legEntities(transaction, entryPostings(account.id, input.amount, splits)) };
  }

  /** Inserts built transactions and their legs: two statements per call, whatever the count. */
  async insertEntries(manager: EntityManager, entries: readonly StoredTransaction[]): Promise<void> {
    if (entries.length === 0) return;
    await manager.insert(TransactionEntity, entries.map((e) => e.transaction));
    await manager.insert(PostingEntity, entries.flatMap((e) => e.legs));
  }

  async transfer(userId: string, input: TransferInput, traceId: string): Promise<StoredTransaction> {
    const { idempotencyKey, ...request } = input;
    const id = this.ids.next();
    return this.dataSource.transaction(async (manager) => {
      const replayOf = await this.idempotency.claim(manager, userId, idempotencyKey, "transferBetweenAccounts", request, id);
      if (replayOf) return this.loadOwned(manager, userId, replayOf);
      const date = calendarDate(request.date);
      if (request.fromAccountId === request.toAccountId) throw badInput("a transfer needs two different accounts", { field: "toAccountId" });
      const from = await this.accounts.usable(manager, userId, request.fromAccountId, date, "fromAccountId");
      const to = await this.accounts.usable(manager, userId, request.toAccountId, date, "toAccountId");
      const { sent, received } = this.transferAmounts(from.currency, to.currency, request.amount, request.toAmount);
      const status = statusValue(request.status);
      const now = this.clock.now();
      const payee = payeeText(request.payee);
      const transaction = Object.assign(new TransactionEntity(), {
        id,
        userId,
        kind: "TRANSFER",
        accountId: from.id,
        amountMinor: -sent.amountMinor,
        currency: sent.currency,
        counterAccountId: to.id,
        counterAmountMinor: received.amountMinor,
        counterCurrency: received.currency,
        date,
        payee,
        payeeKey: payeeKey(payee),
        notes: notesText(request.notes),
        tags: tagList(request.tags),
        status,
        locked: status === "RECONCILED",
        appliedRuleIds: [],
        scheduleId: null,
        occurrenceDate: null,
        importBatchId: null,
        bankTransactionId: null,
        deletedAt: null,
        createdAt: now,
        updatedAt: now,
      } satisfies TransactionEntity);
      const legs = this.legEntities(transaction, transferPostings(from.id, sent, to.id, received));
      await manager.insert(TransactionEntity, transaction);
      await manager.insert(PostingEntity, legs);
      await this.emit(manager, traceId, userId, { type: TRANSACTION_POSTED, data: transactionSnapshot(transaction, legs) });
      return { transaction, legs };
    });
  }

  async update(userId: string, id: string, patch: TransactionPatch, traceId: string): Promise<StoredTransaction> {
    return this.dataSource.transaction(async (manager) => {
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
        const receivedIn = patch.toAmount ?? (patch.amount && from.currency === to.currency ? undefined : { amountMinor: old.counterAmountMinor!, currency: old.counterCurrency! });
        const { sent, received } = this.transferAmounts(from.currency, to.currency, sentIn, receivedIn);
        next.amountMinor = -sent.amountMinor;
        next.counterAmountMinor = received.amountMinor;
        lines = transferPostings(from.id, sent, to.id, received);
      } else {
        const account = await this.accounts.usable(manager, userId, patch.accountId ?? old.accountId, next.date);
        const amount = patch.amount ?? { amountMinor: old.amountMinor, currency: old.currency };
        if (amount.amountMinor === 0n) throw badInput("amount must not be zero", { field: "amount" });
        if (account.currency !== amount.currency) throw badInput(`the account is in ${account.currency}, the amount in ${amount.currency}`, { field: "amount" });
        const oldSplits = before.legs.filter((l) => l.role === "CATEGORY");
        let splits: SplitLine[];
        if (patch.splits != null || patch.categoryId !== undefined) {
          splits = this.splitLines(amount, patch.splits, patch.categoryId ?? null, null);
        } else if (patch.amount == null) {
          splits = oldSplits.map((l) => ({ categoryId: l.categoryId, amountMinor: -l.amountMinor, memo: l.memo }));
        } else if (oldSplits.length === 1) {
          splits = [{ categoryId: oldSplits[0]!.categoryId, amountMinor: amount.amountMinor, memo: oldSplits[0]!.memo }];
        } else {
          throw badInput("this transaction is split: give the splits for the new amount", { field: "splits" });
        }
        await this.categories.requireOwned(manager, userId, splits.flatMap((s) => (s.categoryId ? [s.categoryId] : [])), "categoryId");
        next.accountId = account.id;
        next.amountMinor = amount.amountMinor;
        next.currency = amount.currency;
        next.kind = amount.amountMinor < 0n ? "EXPENSE" : "INCOME";
        lines = entryPostings(account.id, amount, splits);
      }
      const legs = this.legEntities(next, lines);
      await manager.save(TransactionEntity, next);
      await manager.delete(PostingEntity, { transactionId: id });
      await manager.insert(PostingEntity, legs);
      const data: TransactionUpdatedV1 = { transactionId: id, userId, before: transactionSnapshot(old, before.legs), after: transactionSnapshot(next, legs) };
      await this.emit(manager, traceId, userId, { type: TRANSACTION_UPDATED, data });
      return { transaction: next, legs };
    });
  }

  /** Soft delete: balances and lists leave it out; `restore` brings it back as it was. */
  async setDeleted(userId: string, id: string, deleted: boolean, traceId: string): Promise<StoredTransaction> {
    return this.dataSource.transaction(async (manager) => {
      const stored = await this.loadOwned(manager, userId, id, true);
      const t = stored.transaction;
      if (t.locked) throw transactionLocked();
      if ((t.deletedAt !== null) === deleted) return stored;
      t.deletedAt = deleted ? this.clock.now() : null;
      t.updatedAt = this.clock.now();
      try {
        await manager.save(TransactionEntity, t);
      } catch (error) {
        if ((error as { code?: string }).code === "23505") throw conflict("an imported transaction with the same bank id exists on this account", { field: "id" });
        throw error;
      }
      await this.emit(manager, traceId, userId, { type: deleted ? TRANSACTION_DELETED : TRANSACTION_RESTORED, data: transactionSnapshot(t, stored.legs) });
      return stored;
    });
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
    const transaction = isUuid(id) ? await manager.findOne(TransactionEntity, { where: { id, userId }, lock: forUpdate ? { mode: "pessimistic_write" } : undefined }) : null;
    if (!transaction) throw notFound("transaction");
    const legs = await manager.find(PostingEntity, { where: { transactionId: id }, order: { position: "ASC" } });
    return { transaction, legs };
  }

  findForUser(userId: string, ids: readonly string[]): Promise<TransactionEntity[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(TransactionEntity).findBy({ userId, id: In(valid) });
  }

  /** Every leg of many transactions in one statement, in order. */
  async legsFor(userId: string, transactionIds: readonly string[]): Promise<PostingEntity[]> {
    const valid = transactionIds.filter(isUuid);
    if (valid.length === 0) return [];
    return this.dataSource.getRepository(PostingEntity).find({ where: { userId, transactionId: In(valid) }, order: { position: "ASC" } });
  }

  async emit(manager: EntityManager, traceId: string, userId: string, event: TransactionEvent): Promise<void> {
    await this.emitMany(manager, traceId, userId, [event]);
  }

  /** Every `ledger.transaction.v1` event goes out here, with base-currency amounts filled in, in one outbox statement. */
  async emitMany(manager: EntityManager, traceId: string, userId: string, events: readonly TransactionEvent[]): Promise<void> {
    if (events.length === 0) return;
    const snapshots = events.flatMap((e) => (e.type === TRANSACTION_UPDATED ? [e.data.before, e.data.after] : [e.data]));
    await this.baseAmounts?.fill(manager, userId, snapshots);
    // Object.assign keeps each event's type paired with its payload for the typed outbox (naming
    // `type` and `data` apart would not) and, unlike a spread, stays cheap for an import's 50,000.
    await this.outbox.add(manager, traceId, events.map((e) => Object.assign({ topic: LEDGER_TRANSACTION_TOPIC, key: userId }, e)));
  }

  private splitLines(amount: Money, splits: SplitInput[] | null | undefined, categoryId: string | null, fallbackCategory: string | null): SplitLine[] {
    if (splits && splits.length > 0) {
      return splits.map((s, i) => {
        if (s.amount.currency !== amount.currency) throw badInput("splits are in the transaction's currency", { field: `splits.${i}.amount` });
        const memo = (s.memo ?? "").trim();
        if (memo.length > 200) throw badInput("a split memo is at most 200 characters", { field: `splits.${i}.memo` });
        return { categoryId: s.categoryId ?? null, amountMinor: s.amount.amountMinor, memo };
      });
    }
    return [{ categoryId: categoryId ?? fallbackCategory, amountMinor: amount.amountMinor, memo: "" }];
  }

  private transferAmounts(fromCurrency: string, toCurrency: string, amount: Money, toAmount: Money | null | undefined): { sent: Money; received: Money } {
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

  private legEntities(t: TransactionEntity, lines: PostingLine[]): PostingEntity[] {
    return lines.map((line, position) => Object.assign(new PostingEntity(), { id: this.ids.next(), transactionId: t.id, userId: t.userId, position, ...line }));
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(PostingEntity, { userId });
    await manager.delete(TransactionEntity, { userId });
  }
}
