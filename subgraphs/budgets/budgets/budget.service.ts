import { type DataSource, type EntityManager, In, IsNull } from "typeorm";

import { claimWithinUserCap } from "../../../platform/db/index.js";
import { badInput, notFound } from "../../../platform/errors/index.js";
import type { Outbox } from "../../../platform/events/index.js";
import type { Money } from "../../../platform/money/index.js";
import { type Clock, type IdGenerator, isUuid } from "../../../platform/time/index.js";
import { BUDGET_UPDATED, BUDGETS_BUDGET_TOPIC } from "../../../schema/events/budgets.js";
import type { AlertService } from "../alerts/alert.service.js";
import type { CategoryTreeService } from "../categories/category-tree.service.js";
import { nextPeriod, PERIOD_KINDS, periodContaining, type PeriodKind, ROLLOVER_MODES, type RolloverMode } from "../periods/index.js";
import type { UserSettingsService } from "../settings/user-settings.service.js";
import type { SpendingLineEntity } from "../spending/spending-line.entity.js";
import { BudgetEntity } from "./budget.entity.js";
import { BudgetAmountEntity } from "./budget-amount.entity.js";
import type { BudgetProgressService } from "./budget-progress.service.js";

export interface NewBudget {
  name: string;
  categoryIds: string[];
  period: PeriodKind;
  amount: Money;
  rollover?: RolloverMode | null;
  warningPercent?: number | null;
  criticalPercent?: number | null;
  /** A day in the first period (default today): rollover chains start there. */
  startDate?: string | null;
}

export interface BudgetChanges {
  name?: string | null;
  categoryIds?: string[] | null;
  amount?: Money | null;
  /** Where a new amount starts: this period (default) or the next; earlier periods keep theirs. */
  applyFrom?: "CURRENT_PERIOD" | "NEXT_PERIOD" | null;
  rollover?: RolloverMode | null;
  warningPercent?: number | null;
  criticalPercent?: number | null;
}

export const MAX_BUDGETS_PER_USER = 100;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class BudgetService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly settings: UserSettingsService,
    private readonly categories: CategoryTreeService,
    private readonly progress: BudgetProgressService,
    private readonly alerts: AlertService,
  ) {}

  async create(userId: string, input: NewBudget, traceId: string): Promise<BudgetEntity> {
    return this.dataSource.transaction(async (manager) => {
      const settings = await this.settings.require(userId, manager);
      await claimWithinUserCap(manager, BudgetEntity, userId, MAX_BUDGETS_PER_USER, "budgets");
      if (!PERIOD_KINDS.includes(input.period)) throw badInput("unknown period", { field: "period" });
      const startDate = input.startDate ?? (await this.progress.today(userId, manager));
      if (!DATE.test(startDate)) throw badInput("startDate must be YYYY-MM-DD", { field: "startDate" });
      const budget = Object.assign(new BudgetEntity(), {
        id: this.ids.next(),
        userId,
        period: input.period,
        currency: settings.baseCurrency,
        rollover: "NONE",
        warningPercent: 80,
        criticalPercent: 100,
        startDate: periodContaining(input.period, startDate, await this.progress.prefs(userId, manager)).start,
        archivedAt: null,
        createdAt: this.clock.now(),
      } as BudgetEntity);
      await this.apply(manager, budget, { ...input, applyFrom: null });
      await manager.insert(BudgetEntity, budget);
      await manager.insert(BudgetAmountEntity, {
        budgetId: budget.id,
        effectiveFrom: budget.startDate,
        amountMinor: this.checkedAmount(input.amount, budget.currency),
      });
      await this.announce(manager, [budget], traceId);
      await this.reevaluate(manager, budget, [], traceId);
      return budget;
    });
  }

  async update(userId: string, id: string, changes: BudgetChanges, traceId: string): Promise<BudgetEntity> {
    return this.dataSource.transaction(async (manager) => {
      const budget = await this.owned(manager, userId, id);
      if (budget.archivedAt) throw badInput("this budget is archived; unarchive it to edit it", { field: "id" });
      await this.apply(manager, budget, changes);
      await manager.save(BudgetEntity, budget);
      if (changes.amount) {
        const current = periodContaining(
          budget.period,
          await this.progress.today(userId, manager),
          await this.progress.prefs(userId, manager),
        );
        const from =
          changes.applyFrom === "NEXT_PERIOD" ? nextPeriod(budget.period, current, await this.progress.prefs(userId, manager)) : current;
        const effectiveFrom = from.start < budget.startDate ? budget.startDate : from.start;
        await manager.query(
          `INSERT INTO budgets.budget_amounts (budget_id, effective_from, amount_minor) VALUES ($1, $2, $3)
           ON CONFLICT (budget_id, effective_from) DO UPDATE SET amount_minor = EXCLUDED.amount_minor`,
          [budget.id, effectiveFrom, this.checkedAmount(changes.amount, budget.currency).toString()],
        );
        // Later changes scheduled beyond this one no longer apply: the newest intent wins.
        await manager.query(`DELETE FROM budgets.budget_amounts WHERE budget_id = $1 AND effective_from > $2`, [budget.id, effectiveFrom]);
      }
      await this.announce(manager, [budget], traceId);
      await this.reevaluate(manager, budget, [], traceId);
      return budget;
    });
  }

  async setArchived(userId: string, id: string, archived: boolean, traceId: string): Promise<BudgetEntity> {
    return this.dataSource.transaction(async (manager) => {
      const budget = await this.owned(manager, userId, id);
      if ((budget.archivedAt !== null) === archived) return budget;
      budget.archivedAt = archived ? this.clock.now() : null;
      await manager.save(BudgetEntity, budget);
      await this.announce(manager, [budget], traceId);
      return budget;
    });
  }

  /**
   * After ledger lines changed (inside the inbox transaction): every active budget of the user
   * that covers a changed line is announced (live dashboards) and its alerts re-evaluated for the
   * current period and each period a changed line falls in.
   */
  async afterSpendingChanged(manager: EntityManager, userId: string, changed: SpendingLineEntity[], traceId: string): Promise<void> {
    if (changed.length === 0) return;
    const budgets = await manager.find(BudgetEntity, { where: { userId, archivedAt: IsNull() } });
    if (budgets.length === 0) return;
    const children = await this.categories.childrenByParent(userId, manager);
    const affected: BudgetEntity[] = [];
    for (const budget of budgets) {
      const covered =
        budget.categoryIds.length === 0 ? null : new Set(budget.categoryIds.flatMap((id) => [id, ...(children.get(id) ?? [])]));
      const touches = changed.some((line) =>
        covered ? line.categoryId !== null && covered.has(line.categoryId) : line.kind === "EXPENSE" || line.categoryId !== null,
      );
      if (touches) affected.push(budget);
    }
    await this.announce(manager, affected, traceId);
    for (const budget of affected)
      await this.reevaluate(
        manager,
        budget,
        changed.map((l) => l.date),
        traceId,
      );
  }

  /** A merged or deleted category leaves every budget that named it (a merge names the target instead). */
  async moveCategory(manager: EntityManager, userId: string, from: string, to: string | null, traceId: string): Promise<void> {
    const budgets = await manager.find(BudgetEntity, { where: { userId } });
    const touched = budgets.filter((b) => b.categoryIds.includes(from));
    for (const budget of touched) {
      const next = budget.categoryIds.map((c) => (c === from ? to : c)).filter((c): c is string => c !== null);
      budget.categoryIds = [...new Set(next)];
      await manager.update(BudgetEntity, { id: budget.id }, { categoryIds: budget.categoryIds });
    }
    await this.announce(
      manager,
      budgets.filter((b) => !b.archivedAt),
      traceId,
    );
  }

  list(userId: string, includeArchived: boolean): Promise<BudgetEntity[]> {
    return this.dataSource
      .getRepository(BudgetEntity)
      .find({ where: includeArchived ? { userId } : { userId, archivedAt: IsNull() }, order: { createdAt: "ASC" } });
  }

  findForUser(userId: string, ids: readonly string[]): Promise<BudgetEntity[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(BudgetEntity).findBy({ userId, id: In(valid) });
  }

  /** Active budgets covering a category (directly or through its parent). */
  async forCategory(userId: string, categoryId: string): Promise<BudgetEntity[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT b.id FROM budgets.budgets b WHERE b.user_id = $1 AND b.archived_at IS NULL
         AND ($2::uuid = ANY(b.category_ids) OR EXISTS (SELECT 1 FROM budgets.categories c WHERE c.id = $2 AND c.user_id = $1 AND c.parent_id = ANY(b.category_ids)))`,
      [userId, categoryId],
    );
    return this.findForUser(
      userId,
      rows.map((r) => r.id),
    );
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(BudgetEntity, { userId });
  }

  private async reevaluate(manager: EntityManager, budget: BudgetEntity, dates: readonly string[], traceId: string): Promise<void> {
    const today = await this.progress.today(budget.userId, manager);
    const { periods, prefs } = await this.progress.chain(budget, [today, ...dates].sort().at(-1)!, manager);
    const wanted = new Set(
      this.progress.periodsOf(budget, [today, ...dates.filter((d) => d >= budget.startDate)], prefs).map((p) => p.start),
    );
    for (const figures of periods) if (wanted.has(figures.period.start)) await this.alerts.evaluate(manager, budget, figures, traceId);
  }

  private async announce(manager: EntityManager, budgets: BudgetEntity[], traceId: string): Promise<void> {
    if (budgets.length === 0) return;
    await this.outbox.add(
      manager,
      traceId,
      budgets.map((b) => ({
        topic: BUDGETS_BUDGET_TOPIC,
        type: BUDGET_UPDATED,
        key: b.userId,
        data: { budgetId: b.id, userId: b.userId },
      })),
    );
  }

  private async apply(manager: EntityManager, budget: BudgetEntity, c: BudgetChanges & { name?: string | null }): Promise<void> {
    if (c.name !== undefined && c.name !== null) {
      const name = c.name.trim();
      if (name.length < 1 || name.length > 100) throw badInput("name must be 1 to 100 characters", { field: "name" });
      budget.name = name;
    }
    if (c.categoryIds !== undefined && c.categoryIds !== null) {
      if (c.categoryIds.length > 50) throw badInput("at most 50 categories", { field: "categoryIds" });
      await this.categories.requireExpenseCategories(manager, budget.userId, c.categoryIds);
      budget.categoryIds = [...new Set(c.categoryIds)];
    }
    if (c.rollover !== undefined && c.rollover !== null) {
      if (!ROLLOVER_MODES.includes(c.rollover)) throw badInput("unknown rollover mode", { field: "rollover" });
      budget.rollover = c.rollover;
    }
    const warning = c.warningPercent ?? budget.warningPercent;
    const critical = c.criticalPercent ?? budget.criticalPercent;
    for (const [value, field] of [
      [warning, "warningPercent"],
      [critical, "criticalPercent"],
    ] as const) {
      if (!Number.isInteger(value) || value < 1 || value > 1000)
        throw badInput(`${field} must be a whole percentage from 1 to 1000`, { field });
    }
    if (warning > critical) throw badInput("warningPercent cannot be above criticalPercent", { field: "warningPercent" });
    budget.warningPercent = warning;
    budget.criticalPercent = critical;
  }

  private checkedAmount(amount: Money, currency: string): bigint {
    if (amount.currency !== currency) throw badInput(`budgets are in your base currency ${currency}`, { field: "amount" });
    if (amount.amountMinor <= 0n) throw badInput("a budget amount is positive", { field: "amount" });
    return amount.amountMinor;
  }

  private async owned(manager: EntityManager, userId: string, id: string): Promise<BudgetEntity> {
    const budget = isUuid(id) ? await manager.findOne(BudgetEntity, { where: { id, userId }, lock: { mode: "pessimistic_write" } }) : null;
    if (!budget) throw notFound("budget");
    return budget;
  }
}
