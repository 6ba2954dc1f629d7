import type { EntityManager } from "typeorm";

import { queryPrepared } from "../../../platform/db/index.js";
import { badInput, notFound } from "../../../platform/errors/index.js";
import type { OutboxWrite } from "../../../platform/events/index.js";
import type { Money } from "../../../platform/money/index.js";
import { type Clock, type IdGenerator, isUuid } from "../../../platform/time/index.js";
import type { AccountEntity } from "../accounts/account.entity.js";
import { type AccountService, usableAccount } from "../accounts/account.service.js";
import type { CategoryService } from "../categories/category.service.js";
import type { ToBase } from "../currency/exchange-rate-query.service.js";
import { calendarDate } from "./calendar-date.js";
import { entryPostings, type PostingLine, type SplitLine, transferPostings } from "./double-entry.js";
import { readEntryContext, type RuleDefinitionRow } from "./entry-context.js";
import { PostingEntity } from "./posting.entity.js";
import { rowInsert } from "./row-insert.js";
import {
  TransactionEntity,
  type TransactionKindValue,
  type TransactionSourceValue,
  type TransactionStatusValue,
} from "./transaction.entity.js";
import { notesText, payeeKey, payeeText, statusValue, tagList } from "./transaction-fields.js";

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

/** Where a write came from, kept on the row: its source, and the schedule occurrence, import batch and bank id. */
export interface EntryOrigin {
  source: TransactionSourceValue;
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
/** The user's rules, prepared once per write (or per import batch); rules/ provides it. */
export type Categorizer = (
  manager: EntityManager,
  userId: string,
) => Promise<(draft: EntryDraft, explicitCategory: boolean) => CategorizedDraft>;
/** The same from enabled rules already read, in order; rules/ provides it. */
export type RulesCompiler = (rules: readonly RuleDefinitionRow[]) => (draft: EntryDraft, explicitCategory: boolean) => CategorizedDraft;

export interface StoredTransaction {
  transaction: TransactionEntity;
  legs: PostingEntity[];
}

/** Validated parts of a transfer: `sent` (positive) leaves `from`, `received` arrives on `to`. */
export interface TransferParts {
  from: AccountEntity;
  to: AccountEntity;
  sent: Money;
  received: Money;
  date: string;
  payee?: string | null;
  notes?: string | null;
  tags?: string[] | null;
  status?: TransactionStatusValue | null;
}

/** What tells one new transaction row from another; `newRow` fills in the rest the same way for every kind. */
interface RowFacts {
  id: string;
  userId: string;
  kind: TransactionKindValue;
  accountId: string;
  amount: Money;
  counter: { accountId: string; amount: Money } | null;
  date: string;
  payee: string;
  payeeKey: string;
  notes: string;
  tags: string[];
  status: TransactionStatusValue;
  appliedRuleIds: string[];
  origin: EntryOrigin;
}

/**
 * Builds and inserts new transactions and their postings: the single place a transaction row is
 * assembled, shared by posting, transfers, imports and recurring posting. Emits nothing: callers
 * publish through TransactionEventPublisher, batching their events.
 */
export class TransactionWriter {
  constructor(
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly accounts: AccountService,
    private readonly categories: CategoryService,
    private readonly categorizer: Categorizer,
    private readonly compileRules: RulesCompiler,
  ) {}

  /** The prepared rules for a batch of `writeEntry`/`buildEntry` calls (imports, schedules). */
  categorizerFor(manager: EntityManager, userId: string): ReturnType<Categorizer> {
    return this.categorizer(manager, userId);
  }

  /** Validates and inserts one income or expense inside `manager`'s transaction, applying rules. */
  async writeEntry(
    manager: EntityManager,
    userId: string,
    id: string,
    input: Omit<EntryInput, "idempotencyKey">,
    categorize: (draft: EntryDraft, explicitCategory: boolean) => CategorizedDraft,
    origin: EntryOrigin,
  ): Promise<StoredTransaction> {
    const stored = await this.checkedEntry(manager, userId, id, input, categorize, origin);
    await this.insertEntries(manager, [stored]);
    return stored;
  }

  /** `writeEntry` without the insert: validated against the database, rules applied, for `insertEntries` with its events. */
  async checkedEntry(
    manager: EntityManager,
    userId: string,
    id: string,
    input: Omit<EntryInput, "idempotencyKey">,
    categorize: (draft: EntryDraft, explicitCategory: boolean) => CategorizedDraft,
    origin: EntryOrigin,
  ): Promise<StoredTransaction> {
    const account = await this.accounts.usable(manager, userId, input.accountId, calendarDate(input.date));
    const stored = this.buildEntry(account, id, input, categorize, origin);
    await this.categories.requireOwned(
      manager,
      userId,
      stored.legs.flatMap((l) => (l.categoryId ? [l.categoryId] : [])),
      "categoryId",
    );
    return stored;
  }

  /**
   * `checkedEntry` for one write on its own (postTransaction), with every read in one statement
   * (entry-context.ts), the rates its event needs included: the same checks in the same order.
   */
  async checkedSingleEntry(
    manager: EntityManager,
    userId: string,
    id: string,
    input: Omit<EntryInput, "idempotencyKey">,
    origin: EntryOrigin,
  ): Promise<{ stored: StoredTransaction; toBase: ToBase }> {
    const date = calendarDate(input.date);
    if (!isUuid(input.accountId)) throw notFound("account");
    const named = [input.categoryId, ...(input.splits ?? []).map((s) => s.categoryId)].filter((c): c is string => !!c && isUuid(c));
    const context = await readEntryContext(manager, userId, input.accountId, date, input.amount.currency, named);
    const account = usableAccount(context.account, date);
    const stored = this.buildEntry(account, id, input, this.compileRules(context.rules), origin);
    // Whatever the read did not vouch for (not a uuid, not the caller's) is refused as requireOwned refuses it.
    const unknown = stored.legs.flatMap((l) => (l.categoryId && !context.ownedCategoryIds.has(l.categoryId) ? [l.categoryId] : []));
    await this.categories.requireOwned(manager, userId, unknown, "categoryId");
    return { stored, toBase: context.toBase };
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
    if (account.currency !== input.amount.currency)
      throw badInput(`the account is in ${account.currency}, the amount in ${input.amount.currency}`, { field: "amount" });
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
    const splits = splitLines(
      input.amount,
      input.splits,
      input.categoryId !== undefined ? input.categoryId : outcome.categoryId,
      outcome.categoryId,
    );
    const transaction = this.newRow({
      id,
      userId: account.userId,
      kind: input.amount.amountMinor < 0n ? "EXPENSE" : "INCOME",
      accountId: account.id,
      amount: input.amount,
      counter: null,
      date,
      payee: outcome.payee,
      // The payee as the bank or user first wrote it, before rules renamed it: re-imports match on it.
      payeeKey: payeeKey(draft.payee),
      notes: draft.notes,
      tags: tagList(outcome.tags),
      status: statusValue(input.status),
      appliedRuleIds: outcome.appliedRuleIds,
      origin,
    });
    return { transaction, legs: this.legs(transaction, entryPostings(account.id, input.amount, splits)) };
  }

  /** Builds a transfer's rows from amounts already checked against both accounts. */
  buildTransfer(userId: string, id: string, parts: TransferParts): StoredTransaction {
    const { from, to, sent, received } = parts;
    const payee = payeeText(parts.payee);
    const transaction = this.newRow({
      id,
      userId,
      kind: "TRANSFER",
      accountId: from.id,
      amount: { amountMinor: -sent.amountMinor, currency: sent.currency },
      counter: { accountId: to.id, amount: received },
      date: parts.date,
      payee,
      payeeKey: payeeKey(payee),
      notes: notesText(parts.notes),
      tags: tagList(parts.tags),
      status: statusValue(parts.status),
      appliedRuleIds: [],
      // Only users transfer between their accounts (no import or sync creates one).
      origin: { source: "MANUAL" },
    });
    return { transaction, legs: this.legs(transaction, transferPostings(from.id, sent, to.id, received)) };
  }

  /**
   * Inserts built transactions and their legs: one statement per call, whatever the count (the
   * postings' foreign key to their transaction is checked at the end of the statement, after both
   * inserts). With `events`, their outbox rows and the relay's wake-up go in the same statement:
   * the rows and their events are then one atomic statement, which needs no transaction around it.
   */
  async insertEntries(manager: EntityManager, entries: readonly StoredTransaction[], events?: OutboxWrite): Promise<void> {
    if (entries.length === 0) return;
    const transactions = rowInsert(
      manager,
      TransactionEntity,
      entries.map((e) => e.transaction),
    );
    const postings = rowInsert(
      manager,
      PostingEntity,
      entries.flatMap((e) => e.legs),
    );
    if (!events) {
      await queryPrepared(manager, `WITH t AS (${transactions.sql(1)}) ${postings.sql(2)}`, [transactions.json, postings.json]);
      return;
    }
    await queryPrepared(
      manager,
      `WITH t AS (${transactions.sql(1)}), p AS (${postings.sql(2)}), o AS (${events.insert(3)}) SELECT pg_notify($4, '')`,
      [transactions.json, postings.json, events.json, events.channel],
    );
  }

  /** The posting rows of `t`, in order, each with a fresh id. */
  legs(t: TransactionEntity, lines: PostingLine[]): PostingEntity[] {
    return lines.map((line, position) =>
      Object.assign(new PostingEntity(), { id: this.ids.next(), transactionId: t.id, userId: t.userId, position, ...line }),
    );
  }

  private newRow(f: RowFacts): TransactionEntity {
    const now = this.clock.now();
    return Object.assign(new TransactionEntity(), {
      id: f.id,
      userId: f.userId,
      kind: f.kind,
      accountId: f.accountId,
      amountMinor: f.amount.amountMinor,
      currency: f.amount.currency,
      counterAccountId: f.counter?.accountId ?? null,
      counterAmountMinor: f.counter?.amount.amountMinor ?? null,
      counterCurrency: f.counter?.amount.currency ?? null,
      date: f.date,
      payee: f.payee,
      payeeKey: f.payeeKey,
      notes: f.notes,
      tags: f.tags,
      status: f.status,
      locked: f.status === "RECONCILED",
      source: f.origin.source,
      appliedRuleIds: f.appliedRuleIds,
      scheduleId: f.origin.scheduleId ?? null,
      occurrenceDate: f.origin.occurrenceDate ?? null,
      importBatchId: f.origin.importBatchId ?? null,
      bankTransactionId: f.origin.bankTransactionId ?? null,
      suggestedCategoryId: null,
      suggestionConfidence: null,
      suggestionAppliedAt: null,
      suggestionTaken: false,
      deletedAt: null,
      createdAt: now,
      updatedAt: now,
    } satisfies TransactionEntity);
  }
}

/** The category lines of an income or expense: the given splits, or one line for the whole amount. */
export function splitLines(
  amount: Money,
  splits: SplitInput[] | null | undefined,
  categoryId: string | null,
  fallbackCategory: string | null,
): SplitLine[] {
  if (splits && splits.length > 0) {
    return splits.map((s, i) => {
      if (s.amount.currency !== amount.currency)
        throw badInput("splits are in the transaction's currency", { field: `splits.${i}.amount` });
      const memo = (s.memo ?? "").trim();
      if (memo.length > 200) throw badInput("a split memo is at most 200 characters", { field: `splits.${i}.memo` });
      return { categoryId: s.categoryId ?? null, amountMinor: s.amount.amountMinor, memo };
    });
  }
  return [{ categoryId: categoryId ?? fallbackCategory, amountMinor: amount.amountMinor, memo: "" }];
}
