import type { Logger } from "pino";
import type { DataSource, EntityManager } from "typeorm";

import { badInput, isClientError } from "../../../platform/errors/index.js";
import type { Clock } from "../../../platform/time/index.js";
import { isUuid } from "../../../platform/time/index.js";
import type { CategorySuggestedV1 } from "../../../schema/events/insights.js";
import { CategoryEntity } from "../categories/category.entity.js";
import type { CategoryService } from "../categories/category.service.js";
import { PostingEntity } from "../transactions/posting.entity.js";
import { TransactionEntity } from "../transactions/transaction.entity.js";
import type { TransactionService } from "../transactions/transaction.service.js";
import type { StoredTransaction } from "../transactions/transaction.writer.js";
import {
  confidenceOf,
  DEFAULT_SUGGESTION_SETTINGS,
  minConfidenceText,
  settingsRefusal,
  shownDecimal,
  type SuggestionSettings,
  targetRefusal,
} from "./suggestion.terms.js";

/**
 * Insights' category suggestions on the ledger's side: the user's settings, applying a suggestion
 * (`insights.suggestion.v1`, in the inbox's transaction) through the same update a user's change
 * of category takes, so postings, budgets and every other reader see an ordinary
 * TransactionUpdated, and undoing one.
 *
 * The mark on the transaction names the category it applied. It holds only while that is still
 * the transaction's single category line: a user's change of category ends it
 * (TransactionService.updateIn), so does a rule's (RuleService.applyToPage); a merged category
 * carries it along and a deleted one ends it (below).
 */
export class SuggestionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    categories: CategoryService,
    private readonly transactions: TransactionService,
    private readonly logger: Logger,
  ) {
    categories.onCategoryMoved(async (manager, userId, from, to) => {
      await manager.query(
        `UPDATE ledger.transactions SET suggested_category_id = $3,
           suggestion_confidence = CASE WHEN $3::uuid IS NULL THEN NULL ELSE suggestion_confidence END,
           suggestion_applied_at = CASE WHEN $3::uuid IS NULL THEN NULL ELSE suggestion_applied_at END
         WHERE user_id = $1 AND suggested_category_id = $2`,
        [userId, from, to],
      );
    });
  }

  /** The user's settings, the defaults until they choose; `manager`: read inside that transaction. */
  async settings(userId: string, manager?: EntityManager): Promise<SuggestionSettings> {
    const [row]: Array<{ auto_apply: boolean; min_confidence: string }> = await (manager ?? this.dataSource).query(
      `SELECT auto_apply, min_confidence::text AS min_confidence FROM ledger.category_suggestion_settings WHERE user_id = $1`,
      [userId],
    );
    return row ? { autoApply: row.auto_apply, minConfidence: shownDecimal(row.min_confidence) } : DEFAULT_SUGGESTION_SETTINGS;
  }

  /** Changes what is given (not null), keeps the rest; one statement, so concurrent changes of different fields both hold. */
  async setSettings(userId: string, input: { autoApply?: boolean | null; minConfidence?: string | null }): Promise<SuggestionSettings> {
    const minConfidence = input.minConfidence == null ? null : minConfidenceText(input.minConfidence);
    const [row]: Array<{ auto_apply: boolean; min_confidence: string }> = await this.dataSource.query(
      `INSERT INTO ledger.category_suggestion_settings AS s (user_id, auto_apply, min_confidence, updated_at)
       VALUES ($1, coalesce($2::boolean, $4::boolean), coalesce($3::numeric, $5::numeric), $6)
       ON CONFLICT (user_id) DO UPDATE SET
         auto_apply = coalesce($2::boolean, s.auto_apply),
         min_confidence = coalesce($3::numeric, s.min_confidence),
         updated_at = EXCLUDED.updated_at
       RETURNING auto_apply, min_confidence::text AS min_confidence`,
      [
        userId,
        input.autoApply ?? null,
        minConfidence,
        DEFAULT_SUGGESTION_SETTINGS.autoApply,
        DEFAULT_SUGGESTION_SETTINGS.minConfidence,
        this.clock.now(),
      ],
    );
    return { autoApply: row!.auto_apply, minConfidence: shownDecimal(row!.min_confidence) };
  }

  /**
   * Applies `suggestion` when the user lets it and its transaction can take it (suggestion.terms.ts);
   * otherwise changes nothing, at debug level: a suggestion is advice, and most are meant to be
   * passed over. `key` is the event's key, the user the producer wrote it for.
   */
  async consider(manager: EntityManager, suggestion: CategorySuggestedV1, key: string, traceId: string): Promise<void> {
    const { userId, transactionId, categoryId } = suggestion;
    const pass = (reason: string) => {
      this.logger.debug(
        { userId, transactionId, categoryId, confidence: suggestion.confidence, reason },
        "category suggestion not applied",
      );
    };
    if (!isUuid(userId) || key !== userId || !isUuid(transactionId) || !isUuid(categoryId)) return pass("malformed ids");
    const confidence = confidenceOf(suggestion.confidence);
    if (!confidence) return pass("the confidence is no decimal from 0 to 1");
    const refused = settingsRefusal(await this.settings(userId, manager), confidence);
    if (refused) return pass(refused);

    const transaction = await manager.findOne(TransactionEntity, {
      where: { id: transactionId, userId },
      lock: { mode: "pessimistic_write" },
    });
    const lines = transaction ? await manager.findBy(PostingEntity, { transactionId, role: "CATEGORY" }) : [];
    const category = await manager.findOneBy(CategoryEntity, { id: categoryId, userId });
    const refusal = targetRefusal({
      transaction: transaction && {
        kind: transaction.kind,
        deleted: transaction.deletedAt !== null,
        locked: transaction.locked,
        suggestionTaken: transaction.suggestionTaken,
        categoryLines: lines.map((l) => l.categoryId),
        ruleSetsCategory: await this.ruleSetsCategory(manager, userId, transaction.appliedRuleIds),
      },
      category,
    });
    if (refusal) return pass(refusal);

    // Checked above; what updateIn could still refuse (an archived account, say) is passed over
    // too, undone to a savepoint: a retry would fail the same way and hold up the user's later events.
    await manager.query("SAVEPOINT category_suggestion");
    try {
      await this.transactions.updateIn(manager, userId, transactionId, { categoryId }, traceId, { confidence: confidence.toFixed(4) });
      await manager.query("RELEASE SAVEPOINT category_suggestion");
    } catch (error) {
      if (!isClientError(error)) throw error;
      await manager.query("ROLLBACK TO SAVEPOINT category_suggestion");
      await manager.query("RELEASE SAVEPOINT category_suggestion");
      pass(error.message);
    }
  }

  /** Back to uncategorised, the mark gone; BAD_USER_INPUT when the transaction carries no applied suggestion. */
  async undo(userId: string, id: string, traceId: string): Promise<StoredTransaction> {
    return this.dataSource.transaction(async (manager) => {
      const { transaction } = await this.transactions.loadOwned(manager, userId, id, true);
      if (!transaction.suggestedCategoryId) throw badInput("this transaction carries no applied category suggestion", { field: "id" });
      return this.transactions.updateIn(manager, userId, id, { categoryId: null }, traceId);
    });
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM ledger.category_suggestion_settings WHERE user_id = $1`, [userId]);
  }

  private async ruleSetsCategory(manager: EntityManager, userId: string, ruleIds: readonly string[]): Promise<boolean> {
    if (ruleIds.length === 0) return false;
    const found: unknown[] = await manager.query(
      `SELECT 1 FROM ledger.rules WHERE user_id = $1 AND id = ANY($2::uuid[]) AND actions->>'setCategoryId' IS NOT NULL LIMIT 1`,
      [userId, ruleIds],
    );
    return found.length > 0;
  }
}
