import type { EntityManager } from "typeorm";

import type { Outbox } from "../../../platform/events/index.js";
import type { Clock } from "../../../platform/time/index.js";
import { CATEGORY_SUGGESTED, INSIGHTS_SUGGESTION_TOPIC } from "../../../schema/events/insights.js";
import type { CategoryMoveReaction } from "../events/ledger-categories.handler.js";
import type { TracedChange, TransactionChange, TransactionReaction } from "../events/ledger-transactions.handler.js";
import type { CategorizerStore } from "./categorizer.store.js";
import { type CategorizerInput, features } from "./features.js";
import { type CategorizerModel, MANUAL_WEIGHT, suggest, type Suggestion } from "./naive-bayes.js";

/**
 * Suggestions below this confidence are not announced: the ledger would not apply them at any
 * sensible threshold, and an import of thousands of unknown payees should not flood the topic.
 */
export const MIN_ANNOUNCED_CONFIDENCE = 0.5;
/**
 * ...nor before the model has seen enough to be believed: a model that knows one category is
 * "sure" of it for every payee. At least this many categories, this much weighted evidence (eight
 * of the user's own choices, or twenty-four rules'), and a payee word it has seen before.
 */
export const MIN_CATEGORIES_TO_ANNOUNCE = 2;
export const MIN_EVIDENCE_TO_ANNOUNCE = 8 * MANUAL_WEIGHT;

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
    await this.suggestFor(manager, change, traceId, (userId) => this.store.model(userId, manager));
  }

  /**
   * {@link react} on each change in turn, with the learning summed into few statements and each
   * user's model read once unless learning changed it in between (see BatchLearning).
   */
  async reactMany(manager: EntityManager, changes: readonly TracedChange[]): Promise<void> {
    const transactions = changes.map(({ change }) => change.now ?? change.before!);
    const learning = await this.store.batch(
      manager,
      transactions.map((t) => ({ transactionId: t.id, userId: t.userId })),
    );
    for (const { change, traceId } of changes) {
      const t = change.now ?? change.before!;
      learning.learn(t.id, t.userId, change.suggested ? null : change.now, change.fromRule);
      await this.suggestFor(manager, change, traceId, (userId) => learning.model(userId));
    }
    await learning.flush();
  }

  /** Suggests a category for a new uncategorised transaction, when the model (as learnt so far) is sure enough. */
  private async suggestFor(
    manager: EntityManager,
    change: TransactionChange,
    traceId: string,
    modelOf: (userId: string) => Promise<CategorizerModel | null>,
  ): Promise<void> {
    const now = change.now;
    if (!change.posted || !now || now.kind === "TRANSFER" || now.categoryId) return;
    const model = await modelOf(now.userId);
    const input = { payee: now.payee, notes: now.notes, amountMinor: now.amountMinor };
    if (!model || !believable(model, input)) return;
    const [best, ...alternatives] = suggest(model, input, 3);
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

/** Whether the model has seen enough, and this payee's words, for its suggestion to be worth applying. */
function believable(model: CategorizerModel, input: CategorizerInput): boolean {
  let evidence = 0;
  for (const documents of model.documents.values()) evidence += documents;
  return (
    model.documents.size >= MIN_CATEGORIES_TO_ANNOUNCE &&
    evidence >= MIN_EVIDENCE_TO_ANNOUNCE &&
    features(input).some((feature) => feature.startsWith("p:") && model.vocabulary.has(feature))
  );
}
