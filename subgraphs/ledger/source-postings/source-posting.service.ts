import type { Logger } from "pino";
import type { EntityManager } from "typeorm";

import { isClientError } from "../../../platform/errors/index.js";
import { type Clock, type IdGenerator, isUuid } from "../../../platform/time/index.js";
import type { CategoryService } from "../categories/category.service.js";
import type { TransactionSourceValue } from "../transactions/transaction.entity.js";
import type { TransactionService } from "../transactions/transaction.service.js";
import type { SplitInput } from "../transactions/transaction.writer.js";
import { type SourceKind, SourcePostingEntity } from "./source-posting.entity.js";
import { changedTerms, type PostingRequest, type PostingTerms, postingTerms } from "./source-posting.terms.js";

/** A group expense or settlement, or a loan payment: the source of a posting. */
export interface PostingSource {
  kind: SourceKind;
  id: string;
  /** What it belongs to in its domain: the group, the loan. */
  originId: string;
}

/** Every transaction booked from a source carries its tag, so the user can find (and filter) them. */
export const SOURCE_TAGS: Record<SourceKind, string> = { EXPENSE: "group", SETTLEMENT: "group", LOAN_PAYMENT: "loan" };

/** Group expenses and settlements are GROUP transactions, loan payments LENDING ones. */
const TRANSACTION_SOURCE: Record<SourceKind, TransactionSourceValue> = { EXPENSE: "GROUP", SETTLEMENT: "GROUP", LOAN_PAYMENT: "LENDING" };

const NOTES: Record<SourceKind, string> = {
  EXPENSE: "Paid for a shared expense in a group: edits to the expense in the group change this transaction.",
  SETTLEMENT: "A settle-up payment recorded in a group.",
  LOAN_PAYMENT: "A loan payment recorded in lending, split into principal and interest.",
};

/**
 * Books what another domain asks of the ledger (`groups.expense.v1`, `lending.loan.v1`): a payment
 * the user made from, or received on, one of their own accounts. It runs inside the inbox's
 * transaction, so each event is applied once, and writes through TransactionService so the usual
 * `ledger.transaction.v1` events leave in that same transaction: budgets see it like any other.
 *
 * A posting the ledger cannot book (account unknown, another user's or gone with its user,
 * archived, in another currency, dated before the account opened, a malformed payload) is the
 * same refusal a user would get, a ClientError. Retrying cannot change its outcome and would end
 * in the dead-letter topic while holding up the source's later events, so it is undone to a
 * savepoint, logged as a warning with the source id, and skipped: the source keeps its record and
 * the ledger books nothing. The same holds for an edit the user's own changes forbid (the
 * transaction reconciled, deleted by them, or split and the amount changed).
 */
export class SourcePostingService {
  constructor(
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly transactions: TransactionService,
    private readonly categories: CategoryService,
    private readonly logger: Logger,
  ) {}

  /**
   * Makes the ledger hold what `posting` says for `source` now: nothing when it is null.
   * `split` names the category lines of a new booking (a loan payment's principal and interest).
   */
  async follow(
    manager: EntityManager,
    source: PostingSource,
    posting: PostingRequest | null,
    traceId: string,
    split?: (terms: PostingTerms) => PostingTerms["lines"],
  ): Promise<void> {
    if (!isUuid(source.id) || !isUuid(source.originId)) {
      this.logger.warn({ sourceId: source.id, originId: source.originId }, "posting skipped: the source is not an id");
      return;
    }
    const link = await manager.findOne(SourcePostingEntity, { where: { sourceId: source.id }, lock: { mode: "pessimistic_write" } });
    let target: PostingTerms | null = null;
    if (posting) {
      const read = await this.attempt(manager, source, posting, async () => {
        const terms = postingTerms(posting);
        return { ...terms, lines: split?.(terms) };
      });
      if (!read.ok) return;
      target = read.value;
    }
    if (link && target && link.userId === target.userId) {
      await this.change(manager, source, link, target, traceId);
      return;
    }
    if (link) await this.unlink(manager, source, link, traceId);
    if (target) await this.book(manager, source, target, traceId);
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(SourcePostingEntity, { userId });
  }

  private async book(manager: EntityManager, source: PostingSource, target: PostingTerms, traceId: string): Promise<void> {
    await this.attempt(manager, source, target, async () => {
      const { transaction } = await this.transactions.postIn(
        manager,
        target.userId,
        this.ids.next(),
        {
          accountId: target.accountId,
          amount: target.amount,
          date: target.date,
          payee: target.payee,
          notes: NOTES[source.kind],
          tags: [SOURCE_TAGS[source.kind]],
          splits: target.lines ? await this.splits(manager, target, traceId) : undefined,
        },
        traceId,
        TRANSACTION_SOURCE[source.kind],
      );
      const now = this.clock.now();
      await manager.insert(SourcePostingEntity, {
        sourceId: source.id,
        sourceKind: source.kind,
        originId: source.originId,
        transactionId: transaction.id,
        ...linkTerms(target),
        createdAt: now,
        updatedAt: now,
      });
    });
  }

  /** The named lines as splits, each category found by name or created (zero lines left out). */
  private async splits(manager: EntityManager, target: PostingTerms, traceId: string): Promise<SplitInput[]> {
    const splits: SplitInput[] = [];
    for (const line of target.lines ?? []) {
      if (line.amountMinor === 0n) continue;
      const categoryId = await this.categories.ensureNamed(manager, target.userId, line.category.name, line.category.kind, traceId);
      splits.push({ categoryId, amount: { amountMinor: line.amountMinor, currency: target.amount.currency }, memo: line.memo });
    }
    return splits;
  }

  private async change(
    manager: EntityManager,
    source: PostingSource,
    link: SourcePostingEntity,
    target: PostingTerms,
    traceId: string,
  ): Promise<void> {
    const patch = changedTerms(termsOf(link), target);
    if (Object.keys(patch).length === 0) return;
    await this.attempt(manager, source, target, async () => {
      await this.transactions.updateIn(manager, link.userId, link.transactionId, patch, traceId);
      await manager.update(SourcePostingEntity, { sourceId: link.sourceId }, { ...linkTerms(target), updatedAt: this.clock.now() });
    });
  }

  /**
   * The source no longer books anything on this user's account: its transaction is deleted (softly,
   * as a user's delete is). The link goes whatever happens, so a transaction the user reconciled
   * stays as they reconciled it and is no longer the source's to change.
   */
  private async unlink(manager: EntityManager, source: PostingSource, link: SourcePostingEntity, traceId: string): Promise<void> {
    await this.attempt(manager, source, termsOf(link), () =>
      this.transactions.setDeletedIn(manager, link.userId, link.transactionId, true, traceId),
    );
    await manager.delete(SourcePostingEntity, { sourceId: link.sourceId });
  }

  /** Runs `step` in a savepoint; a refusal (ClientError) is rolled back, logged and skipped (see the class). */
  private async attempt<T>(
    manager: EntityManager,
    source: PostingSource,
    posting: { userId: string; accountId: string },
    step: () => Promise<T>,
  ): Promise<{ ok: true; value: T } | { ok: false }> {
    await manager.query("SAVEPOINT source_posting");
    try {
      const value = await step();
      await manager.query("RELEASE SAVEPOINT source_posting");
      return { ok: true, value };
    } catch (error) {
      if (!isClientError(error)) throw error;
      await manager.query("ROLLBACK TO SAVEPOINT source_posting");
      await manager.query("RELEASE SAVEPOINT source_posting");
      this.logger.warn(
        {
          sourceId: source.id,
          sourceKind: source.kind,
          originId: source.originId,
          userId: posting.userId,
          accountId: posting.accountId,
          code: error.extensions.code,
          field: error.extensions.field,
          reason: error.message,
        },
        "posting not booked: the ledger refuses it",
      );
      return { ok: false };
    }
  }
}

const termsOf = (link: SourcePostingEntity): PostingTerms => ({
  userId: link.userId,
  accountId: link.accountId,
  amount: { amountMinor: link.amountMinor, currency: link.currency },
  date: link.date,
  payee: link.payee,
});

const linkTerms = (terms: PostingTerms) => ({
  userId: terms.userId,
  accountId: terms.accountId,
  amountMinor: terms.amount.amountMinor,
  currency: terms.amount.currency,
  date: terms.date,
  payee: terms.payee,
});
