import type { EntityManager } from "typeorm";

import type { Outbox } from "../../../platform/events/index.js";
import type { Clock } from "../../../platform/time/index.js";
import { CATEGORY_SUGGESTED, INSIGHTS_SUGGESTION_TOPIC } from "../../../schema/events/insights.js";
import type { CategoryMoveReaction } from "../events/ledger-categories.handler.js";
import type { TransactionChange, TransactionReaction } from "../events/ledger-transactions.handler.js";
import type { CategorizerStore } from "./categorizer.store.js";
import type { CategorizerInput } from "./features.js";
import { suggest, type Suggestion } from "./naive-bayes.js";

/**
 * Suggestions below this confidence are not announced: the ledger would not apply them at any
 * sensible threshold, and an import of thousands of unknown payees should not flood the topic.
 */
export const MIN_ANNOUNCED_CONFIDENCE = 0.5;

/**
 * The learning categorizer: learns from every categorised transaction as it arrives, and suggests
 * a category for every new uncategorised one (announced on `insights.suggestion.v1` for the
 * ledger, kept in `insights.suggestions`).
 */
export class CategorizerService implements TransactionReaction, CategoryMoveReaction {
  constructor(
    private readonly store: CategorizerStore,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  /** The top `k` categories for a transaction described by `input`, with their confidence (none before anything is learnt). */
  async suggestions(userId: string, input: CategorizerInput, k = 3, manager?: EntityManager): Promise<Suggestion[]> {
    const model = await this.store.model(userId, manager);
    return model ? suggest(model, input, k) : [];
  }

  async react(manager: EntityManager, change: TransactionChange, traceId: string): Promise<void> {
    const t = change.now ?? change.before!;
    // An applied suggestion teaches nothing until the user confirms it: the model must not learn its own guesses.
    await this.store.learn(manager, t.id, t.userId, change.suggested ? null : change.now, change.fromRule);
    const now = change.now;
    if (!change.posted || !now || now.kind === "TRANSFER" || now.categoryId) return;
    const [best, ...alternatives] = await this.suggestions(
      now.userId,
      { payee: now.payee, notes: now.notes, amountMinor: now.amountMinor },
      3,
      manager,
    );
    if (!best || Number(best.confidence) < MIN_ANNOUNCED_CONFIDENCE) return;
    await manager.query(
      `INSERT INTO insights.suggestions (transaction_id, user_id, category_id, confidence, suggested_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (transaction_id) DO NOTHING`,
      [now.id, now.userId, best.categoryId, best.confidence, this.clock.now()],
    );
    await this.outbox.add(manager, traceId, [
      {
        topic: INSIGHTS_SUGGESTION_TOPIC,
        type: CATEGORY_SUGGESTED,
        key: now.userId,
        data: { userId: now.userId, transactionId: now.id, categoryId: best.categoryId, confidence: best.confidence, alternatives },
      },
    ]);
  }

  async categoryMoved(manager: EntityManager, userId: string, from: string, to: string | null): Promise<void> {
    await this.store.moveCategory(manager, userId, from, to);
  }

  /** What was learnt (a rebuild learns it again); the suggestions made stay. */
  async purgeLearning(manager: EntityManager, userId: string): Promise<void> {
    await this.store.purgeUser(manager, userId);
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await this.store.purgeUser(manager, userId);
    await manager.query(`DELETE FROM insights.suggestions WHERE user_id = $1`, [userId]);
  }
}
