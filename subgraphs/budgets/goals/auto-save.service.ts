import type { DataSource, EntityManager } from "typeorm";

import { claimWithinUserCap } from "../../../platform/db/index.js";
import { badInput, notFound } from "../../../platform/errors/index.js";
import type { Money } from "../../../platform/money/index.js";
import type { LedgerAccountsReadModel } from "../../../platform/read-models/index.js";
import { type Clock, type IdGenerator, isUuid } from "../../../platform/time/index.js";
import type { TransactionSnapshotV1 } from "../../../schema/events/ledger.js";
import { assertAutoSaveTerms, autoSaveAmount, type AutoSaveModeName } from "./auto-save-amount.js";
import { AutoSaveRuleEntity } from "./auto-save-rule.entity.js";
import type { SavingsGoalService } from "./goal.service.js";
import { SavingsGoalEntity } from "./savings-goal.entity.js";

export interface NewAutoSaveRule {
  goalId: string;
  mode: AutoSaveModeName;
  percentBasisPoints?: number | null;
  amount?: Money | null;
  accountId?: string | null;
  enabled?: boolean | null;
}

/** A rule with its goal's currency (FIXED amounts are in it). */
export interface AutoSaveRuleView {
  rule: AutoSaveRuleEntity;
  currency: string;
}

export const MAX_AUTO_SAVE_RULES_PER_USER = 50;

interface MatchingRule {
  goal_id: string;
  mode: AutoSaveModeName;
  percent_basis_points: number | null;
  amount_minor: string | null;
}

export class AutoSaveService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly goals: SavingsGoalService,
    private readonly accounts: LedgerAccountsReadModel,
  ) {}

  async list(userId: string): Promise<AutoSaveRuleView[]> {
    const { entities, raw } = await this.dataSource
      .getRepository(AutoSaveRuleEntity)
      .createQueryBuilder("r")
      .innerJoin(SavingsGoalEntity, "g", "g.id = r.goal_id")
      .addSelect("g.currency", "goal_currency")
      .where("r.user_id = :userId", { userId })
      .orderBy("r.created_at", "ASC")
      .addOrderBy("r.id", "ASC")
      .getRawAndEntities<{ r_id: string; goal_currency: string }>();
    const currency = new Map(raw.map((r) => [r.r_id, r.goal_currency]));
    return entities.map((rule) => ({ rule, currency: currency.get(rule.id)! }));
  }

  async create(userId: string, input: NewAutoSaveRule): Promise<AutoSaveRuleView> {
    const terms = {
      mode: input.mode,
      percentBasisPoints: input.percentBasisPoints ?? null,
      amountMinor: input.amount?.amountMinor ?? null,
    };
    assertAutoSaveTerms(terms);
    if (input.accountId !== null && input.accountId !== undefined && !isUuid(input.accountId))
      throw badInput("accountId is not an account id", { field: "accountId" });
    return this.dataSource.transaction(async (manager) => {
      const goal = await this.goals.lockOwned(manager, userId, input.goalId);
      if (goal.archivedAt) throw badInput("the goal is archived", { field: "goalId" });
      if (input.amount && input.amount.currency !== goal.currency)
        throw badInput(`the goal is kept in ${goal.currency}`, { field: "amount.currency" });
      const accountId = input.accountId ? (await this.accounts.requireLinkable(manager, userId, input.accountId, "accountId")).id : null;
      await claimWithinUserCap(manager, AutoSaveRuleEntity, userId, MAX_AUTO_SAVE_RULES_PER_USER, "auto-save rules");
      const rule = Object.assign(new AutoSaveRuleEntity(), {
        id: this.ids.next(),
        userId,
        goalId: goal.id,
        mode: terms.mode,
        percentBasisPoints: terms.percentBasisPoints,
        amountMinor: terms.amountMinor,
        accountId,
        enabled: input.enabled ?? true,
        createdAt: this.clock.now(),
      });
      await manager.insert(AutoSaveRuleEntity, rule);
      return { rule, currency: goal.currency };
    });
  }

  async delete(userId: string, id: string): Promise<boolean> {
    const result = isUuid(id) ? await this.dataSource.getRepository(AutoSaveRuleEntity).delete({ id, userId }) : { affected: 0 };
    if (!result.affected) throw notFound("auto-save rule");
    return true;
  }

  /** Account deletion: every rule of the user (before the goals they point at). */
  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(AutoSaveRuleEntity, { userId });
  }

  /**
   * Inside the inbox transaction: one AUTO_SAVE movement per goal that an enabled rule of the user
   * sends part of this income to (rules on the same goal add up). A goal takes a transaction once
   * (unique goal + source transaction, DO NOTHING), so redelivery, replay and delete-then-restore
   * add nothing. Only income dated on or after a rule's creation day counts, so importing old
   * statements or replaying history does not save from paychecks that predate the rule.
   * Returns the goals that received money.
   */
  async applyIncome(manager: EntityManager, tx: TransactionSnapshotV1, traceId: string): Promise<string[]> {
    if (tx.kind !== "INCOME" || tx.deleted || tx.baseAmountMinor === null || tx.baseCurrency === null) return [];
    const income = BigInt(tx.baseAmountMinor);
    if (income <= 0n) return [];
    const rules: MatchingRule[] = await manager.query(
      `SELECT r.goal_id, r.mode, r.percent_basis_points, r.amount_minor::text AS amount_minor
       FROM budgets.auto_save_rules r JOIN budgets.savings_goals g ON g.id = r.goal_id
       WHERE r.user_id = $1 AND r.enabled AND g.archived_at IS NULL AND g.currency = $2
         AND (r.account_id IS NULL OR r.account_id = $3::uuid) AND (r.created_at AT TIME ZONE 'UTC')::date <= $4::date
       ORDER BY r.created_at, r.id`,
      [tx.userId, tx.baseCurrency, tx.accountId, tx.date],
    );
    const byGoal = new Map<string, bigint>();
    for (const r of rules) {
      const amount = autoSaveAmount(
        { mode: r.mode, percentBasisPoints: r.percent_basis_points, amountMinor: r.amount_minor === null ? null : BigInt(r.amount_minor) },
        income,
      );
      byGoal.set(r.goal_id, (byGoal.get(r.goal_id) ?? 0n) + amount);
    }
    const goals = [...byGoal].filter(([, amount]) => amount > 0n);
    if (goals.length === 0) return [];
    const note = tx.payee ? `Auto-save from ${tx.payee}`.slice(0, 500) : "Auto-save";
    const now = this.clock.now();
    const inserted: Array<{ goal_id: string }> = await manager.query(
      `INSERT INTO budgets.goal_movements (id, goal_id, user_id, amount_minor, date, source, source_transaction_id, note, created_at)
       SELECT id, goal_id, $3, amount_minor, $4::date, 'AUTO_SAVE', $5::uuid, $6, $7 FROM unnest($1::uuid[], $2::uuid[], $8::bigint[]) AS m(id, goal_id, amount_minor)
       ON CONFLICT DO NOTHING
       RETURNING goal_id`,
      [
        goals.map(() => this.ids.next()),
        goals.map(([goalId]) => goalId),
        tx.userId,
        tx.date,
        tx.transactionId,
        note,
        now,
        goals.map(([, amount]) => amount.toString()),
      ],
    );
    const touched = inserted.map((r) => r.goal_id);
    if (touched.length > 0) {
      await this.goals.emitUpdated(manager, traceId, tx.userId, touched);
      await this.goals.announceReached(manager, traceId, tx.userId, touched);
    }
    return touched;
  }
}
