import { type DataSource, type EntityManager, In } from "typeorm";

import { claimWithinUserCap } from "../../../platform/db/index.js";
import { badInput, notFound } from "../../../platform/errors/index.js";
import type { IdempotencyKeys } from "../../../platform/idempotency/index.js";
import { type Clock, type IdGenerator, isUuid } from "../../../platform/time/index.js";
import { TRANSACTION_UPDATED, type TransactionUpdatedV1 } from "../../../schema/events/ledger.js";
import { AccountEntity } from "../accounts/account.entity.js";
import type { CategoryService } from "../categories/category.service.js";
import { PostingEntity } from "../transactions/posting.entity.js";
import { TransactionEntity } from "../transactions/transaction.entity.js";
import { transactionSnapshot } from "../transactions/transaction.events.js";
import type { Categorizer, RulesCompiler } from "../transactions/transaction.writer.js";
import type { TransactionEventPublisher } from "../transactions/transaction-events.publisher.js";
import { NO_SUGGESTION_MARK } from "../transactions/transaction-fields.js";
import type { TransactionQuery } from "../transactions/transaction-query.service.js";
import { applyRules, compileRules, type RuleActions, type RuleConditions, validateRule } from "./engine/index.js";
import { RuleEntity } from "./rule.entity.js";
import { definitionOf, storedActions, storedConditions } from "./rule.mapping.js";

export interface RuleFields {
  name: string;
  conditions: RuleConditions;
  actions: RuleActions;
  enabled?: boolean;
}

export const MAX_RULES_PER_USER = 200;
/** Transactions `applyRules` runs over per job step (one database transaction). */
export const APPLY_PAGE = 500;

export class RuleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly categories: CategoryService,
    private readonly events: TransactionEventPublisher,
    private readonly idempotency: IdempotencyKeys,
  ) {
    // A merged or deleted category must not linger in a rule's action.
    categories.onCategoryMoved(async (manager, userId, from, to) => {
      await manager.query(
        `UPDATE ledger.rules SET actions = jsonb_set(actions, '{setCategoryId}', coalesce(to_jsonb($3::text), 'null'::jsonb)) WHERE user_id = $1 AND actions->>'setCategoryId' = $2`,
        [userId, from, to],
      );
    });
  }

  /** For TransactionWriter: the user's enabled rules, compiled once per write or import batch. */
  readonly categorizer: Categorizer = async (manager, userId) =>
    this.compile(await manager.find(RuleEntity, { where: { userId, enabled: true }, order: { position: "ASC", createdAt: "ASC" } }));

  /** The categorizing function of enabled rules already read, in order (a single write reads them with its account). */
  readonly compile: RulesCompiler = (rules) => {
    if (rules.length === 0) return (draft) => ({ payee: draft.payee, categoryId: draft.categoryId, tags: draft.tags, appliedRuleIds: [] });
    const compiled = compileRules(rules.map(definitionOf));
    return (draft, explicitCategory) => {
      const outcome = applyRules(compiled, {
        accountId: draft.accountId,
        payee: draft.payee,
        notes: draft.notes,
        amountMinor: draft.amount.amountMinor,
        currency: draft.amount.currency,
        categoryId: draft.categoryId,
        tags: draft.tags,
      });
      // What the user chose by hand wins over a rule's category.
      return {
        payee: outcome.subject.payee,
        categoryId: explicitCategory ? draft.categoryId : outcome.subject.categoryId,
        tags: outcome.subject.tags,
        appliedRuleIds: outcome.appliedRuleIds,
      };
    };
  };

  list(userId: string): Promise<RuleEntity[]> {
    return this.dataSource.getRepository(RuleEntity).find({ where: { userId }, order: { position: "ASC", createdAt: "ASC" } });
  }

  async create(userId: string, fields: RuleFields, idempotencyKey?: string | null): Promise<RuleEntity> {
    const id = this.ids.next();
    return this.dataSource.transaction(async (manager) => {
      const replayOf = await this.idempotency.claim(manager, userId, idempotencyKey, "createRule", fields, id);
      if (replayOf) return this.idempotency.replayed(manager, RuleEntity, userId, replayOf);
      const count = await claimWithinUserCap(manager, RuleEntity, userId, MAX_RULES_PER_USER, "rules");
      const rule = Object.assign(new RuleEntity(), { id, userId, position: count, createdAt: this.clock.now() });
      await this.fill(manager, rule, fields);
      return manager.save(rule);
    });
  }

  async update(userId: string, id: string, fields: RuleFields): Promise<RuleEntity> {
    return this.dataSource.transaction(async (manager) => {
      const rule = await this.owned(manager, userId, id);
      await this.fill(manager, rule, fields);
      return manager.save(rule);
    });
  }

  async delete(userId: string, id: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await this.owned(manager, userId, id);
      await manager.delete(RuleEntity, { id, userId });
      await manager.query(
        `UPDATE ledger.rules r SET position = o.n - 1 FROM (SELECT id, row_number() OVER (ORDER BY position, created_at) AS n FROM ledger.rules WHERE user_id = $1) o WHERE r.id = o.id`,
        [userId],
      );
      return true;
    });
  }

  /** `ids` is every rule of the user, in the new order. */
  async reorder(userId: string, ids: string[]): Promise<RuleEntity[]> {
    return this.dataSource.transaction(async (manager) => {
      const rules = await manager.find(RuleEntity, { where: { userId }, lock: { mode: "pessimistic_write" } });
      if (new Set(ids).size !== ids.length || ids.length !== rules.length || !rules.every((r) => ids.includes(r.id))) {
        throw badInput("give every one of your rules exactly once", { field: "ids" });
      }
      for (const rule of rules) rule.position = ids.indexOf(rule.id);
      await manager.save(rules);
      return rules.sort((a, b) => a.position - b.position);
    });
  }

  /**
   * What `applyRules` runs over: existing (not deleted) income and expenses matching `query`,
   * never transfers.
   */
  static applicationScope(query: TransactionQuery): TransactionQuery {
    return { ...query, deleted: false, kinds: (query.kinds ?? ["INCOME", "EXPENSE"]).filter((k) => k !== "TRANSFER") };
  }

  /**
   * Runs the enabled rules over one page of existing transactions (from applicationScope), in
   * the caller's transaction (the rule-application job's step): locked ones are left alone, and
   * each changed one gets a TransactionUpdated. A rule's category only replaces a single
   * category, never a split.
   */
  async applyToPage(
    manager: EntityManager,
    userId: string,
    rows: TransactionEntity[],
    traceId: string,
  ): Promise<{ examined: number; changed: number }> {
    if (rows.length === 0) return { examined: 0, changed: 0 };
    const categorize = await this.categorizer(manager, userId);
    const legs = await manager.find(PostingEntity, {
      where: { userId, transactionId: In(rows.map((r) => r.id)) },
      order: { position: "ASC" },
    });
    let examined = 0;
    let changed = 0;
    for (const row of rows) {
      if (row.locked) continue;
      examined++;
      const mine = legs.filter((l) => l.transactionId === row.id);
      const lines = mine.filter((l) => l.role === "CATEGORY");
      const single = lines.length === 1 ? lines[0]! : null;
      const result = categorize(
        {
          accountId: row.accountId,
          payee: row.payee,
          notes: row.notes,
          amount: { amountMinor: row.amountMinor, currency: row.currency },
          categoryId: single?.categoryId ?? null,
          tags: row.tags,
        },
        single === null,
      );
      const categoryChanged = single !== null && result.categoryId !== single.categoryId;
      const sameRules = result.appliedRuleIds.join() === row.appliedRuleIds.join();
      if (!categoryChanged && result.payee === row.payee && result.tags.join("\u0000") === row.tags.join("\u0000") && sameRules) continue;
      const next = Object.assign(new TransactionEntity(), row, categoryChanged ? NO_SUGGESTION_MARK : {}, {
        payee: result.payee,
        tags: result.tags,
        appliedRuleIds: result.appliedRuleIds,
        updatedAt: this.clock.now(),
      });
      await manager.save(TransactionEntity, next);
      const nextLegs = mine.map((l) =>
        l === single && categoryChanged ? Object.assign(new PostingEntity(), l, { categoryId: result.categoryId }) : l,
      );
      if (categoryChanged) await manager.update(PostingEntity, { id: single!.id }, { categoryId: result.categoryId });
      const data: TransactionUpdatedV1 = {
        transactionId: row.id,
        userId,
        before: transactionSnapshot(row, mine),
        after: transactionSnapshot(next, nextLegs),
      };
      await this.events.emit(manager, traceId, userId, { type: TRANSACTION_UPDATED, data });
      changed++;
    }
    return { examined, changed };
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(RuleEntity, { userId });
  }

  private async fill(manager: EntityManager, rule: RuleEntity, fields: RuleFields): Promise<void> {
    const name = fields.name.trim();
    if (name.length < 1 || name.length > 100) throw badInput("name must be 1 to 100 characters", { field: "name" });
    validateRule(fields.conditions, fields.actions);
    if (fields.actions.setCategoryId)
      await this.categories.requireOwned(manager, rule.userId, [fields.actions.setCategoryId], "actions.setCategoryId");
    const accountIds = fields.conditions.accountIds ?? [];
    if (accountIds.length > 0) {
      const owned = accountIds.every(isUuid) ? await manager.countBy(AccountEntity, { userId: rule.userId, id: In(accountIds) }) : -1;
      if (owned !== new Set(accountIds).size) throw notFound("account (conditions.accountIds)");
    }
    rule.name = name;
    rule.enabled = fields.enabled ?? rule.enabled ?? true;
    rule.conditions = storedConditions(fields.conditions);
    rule.actions = storedActions(fields.actions);
  }

  private async owned(manager: EntityManager, userId: string, id: string): Promise<RuleEntity> {
    const rule = isUuid(id) ? await manager.findOne(RuleEntity, { where: { id, userId }, lock: { mode: "pessimistic_write" } }) : null;
    if (!rule) throw notFound("rule");
    return rule;
  }
}
