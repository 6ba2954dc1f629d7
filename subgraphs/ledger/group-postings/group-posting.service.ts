import type { Logger } from "pino";
import type { EntityManager } from "typeorm";

import { isClientError } from "../../../platform/errors/index.js";
import { type Clock, type IdGenerator, isUuid } from "../../../platform/time/index.js";
import type { GroupLedgerPostingV1 } from "../../../schema/events/groups.js";
import type { TransactionService } from "../transactions/transaction.service.js";
import { GroupPostingEntity, type GroupPostingSourceKind } from "./group-posting.entity.js";
import { changedTerms, type PostingTerms, postingTerms } from "./group-posting.terms.js";

/** A group expense or settlement, the source of a posting. */
export interface GroupPostingSource {
  kind: GroupPostingSourceKind;
  id: string;
  groupId: string;
}

/** Every transaction booked from a group carries it, so the user can find (and filter) them. */
export const GROUP_TAG = "group";

const NOTES: Record<GroupPostingSourceKind, string> = {
  EXPENSE: "Paid for a shared expense in a group: edits to the expense in the group change this transaction.",
  SETTLEMENT: "A settle-up payment recorded in a group.",
};

/**
 * Books what groups asks of the ledger (`groups.expense.v1`): a payment a member made from, or
 * received on, one of their own accounts. It runs inside the inbox's transaction, so each event
 * is applied once, and writes through TransactionService so the usual `ledger.transaction.v1`
 * events leave in that same transaction: budgets see a group payment like any other.
 *
 * A posting the ledger cannot book (account unknown, another user's or gone with its user,
 * archived, in another currency, dated before the account opened, a malformed payload) is the
 * same refusal a user would get, a ClientError. Retrying cannot change its outcome and would end
 * in the dead-letter topic while holding up the group's later events, so it is undone to a
 * savepoint, logged as a warning with the source id, and skipped: the group keeps its expense and
 * the ledger books nothing. The same holds for an edit the user's own changes forbid (the
 * transaction reconciled, deleted by them, or split and the amount changed).
 */
export class GroupPostingService {
  constructor(
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly transactions: TransactionService,
    private readonly logger: Logger,
  ) {}

  /** Makes the ledger hold what `posting` says for `source` now: nothing when it is null. */
  async follow(manager: EntityManager, source: GroupPostingSource, posting: GroupLedgerPostingV1 | null, traceId: string): Promise<void> {
    if (!isUuid(source.id) || !isUuid(source.groupId)) {
      this.logger.warn({ sourceId: source.id, groupId: source.groupId }, "group posting skipped: the source is not an id");
      return;
    }
    const link = await manager.findOne(GroupPostingEntity, { where: { sourceId: source.id }, lock: { mode: "pessimistic_write" } });
    let target: PostingTerms | null = null;
    if (posting) {
      const read = await this.attempt(manager, source, posting, async () => postingTerms(posting));
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
    await manager.delete(GroupPostingEntity, { userId });
  }

  private async book(manager: EntityManager, source: GroupPostingSource, target: PostingTerms, traceId: string): Promise<void> {
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
          tags: [GROUP_TAG],
        },
        traceId,
      );
      const now = this.clock.now();
      await manager.insert(GroupPostingEntity, {
        sourceId: source.id,
        sourceKind: source.kind,
        groupId: source.groupId,
        transactionId: transaction.id,
        ...linkTerms(target),
        createdAt: now,
        updatedAt: now,
      });
    });
  }

  private async change(
    manager: EntityManager,
    source: GroupPostingSource,
    link: GroupPostingEntity,
    target: PostingTerms,
    traceId: string,
  ): Promise<void> {
    const patch = changedTerms(termsOf(link), target);
    if (Object.keys(patch).length === 0) return;
    await this.attempt(manager, source, target, async () => {
      await this.transactions.updateIn(manager, link.userId, link.transactionId, patch, traceId);
      await manager.update(GroupPostingEntity, { sourceId: link.sourceId }, { ...linkTerms(target), updatedAt: this.clock.now() });
    });
  }

  /**
   * The source no longer books anything on this user's account: its transaction is deleted (softly,
   * as a user's delete is). The link goes whatever happens, so a transaction the user reconciled
   * stays as they reconciled it and is no longer the group's to change.
   */
  private async unlink(manager: EntityManager, source: GroupPostingSource, link: GroupPostingEntity, traceId: string): Promise<void> {
    await this.attempt(manager, source, termsOf(link), () =>
      this.transactions.setDeletedIn(manager, link.userId, link.transactionId, true, traceId),
    );
    await manager.delete(GroupPostingEntity, { sourceId: link.sourceId });
  }

  /** Runs `step` in a savepoint; a refusal (ClientError) is rolled back, logged and skipped (see the class). */
  private async attempt<T>(
    manager: EntityManager,
    source: GroupPostingSource,
    posting: { userId: string; accountId: string },
    step: () => Promise<T>,
  ): Promise<{ ok: true; value: T } | { ok: false }> {
    await manager.query("SAVEPOINT group_posting");
    try {
      const value = await step();
      await manager.query("RELEASE SAVEPOINT group_posting");
      return { ok: true, value };
    } catch (error) {
      if (!isClientError(error)) throw error;
      await manager.query("ROLLBACK TO SAVEPOINT group_posting");
      await manager.query("RELEASE SAVEPOINT group_posting");
      this.logger.warn(
        {
          sourceId: source.id,
          sourceKind: source.kind,
          groupId: source.groupId,
          userId: posting.userId,
          accountId: posting.accountId,
          code: error.extensions.code,
          field: error.extensions.field,
          reason: error.message,
        },
        "group posting not booked: the ledger refuses it",
      );
      return { ok: false };
    }
  }
}

const termsOf = (link: GroupPostingEntity): PostingTerms => ({
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
