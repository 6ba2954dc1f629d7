import { type DataSource, type EntityManager, In } from "typeorm";

import { type Clock, localDay } from "../../../platform/time/index.js";
import type { CategoryTreeService } from "../categories/category-tree.service.js";
import {
  carryChain,
  type Period,
  periodContaining,
  type PeriodPrefs,
  periodsBetween,
  type Progress,
  progressOf,
} from "../periods/index.js";
import type { UserSettingsService } from "../settings/user-settings.service.js";
import type { BudgetEntity } from "./budget.entity.js";
import { BudgetAmountEntity } from "./budget-amount.entity.js";

export interface BudgetProgressFigures extends Progress {
  /** Lines in the period the ledger could not price in the base currency (no rate that day). */
  unconverted: number;
}

/**
 * Progress of a budget in any period, computed from the spending lines: the carry chain runs from
 * the budget's first period, so a backdated, edited or deleted transaction in a closed period
 * moves every later period's figures with no stored state to repair.
 */
export class BudgetProgressService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly settings: UserSettingsService,
    private readonly categories: CategoryTreeService,
  ) {}

  /** The user's calendar day now, in their own time zone. */
  async today(userId: string, manager?: EntityManager): Promise<string> {
    return localDay(this.clock.now(), (await this.settings.require(userId, manager)).timezone);
  }

  async prefs(userId: string, manager?: EntityManager): Promise<PeriodPrefs> {
    const s = await this.settings.require(userId, manager);
    return { firstDayOfWeek: s.firstDayOfWeek, monthStartDay: s.monthStartDay };
  }

  /** Every period from the first through the one containing `date`, with its figures (one statement for the spending). */
  async chain(
    budget: BudgetEntity,
    date: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ periods: BudgetProgressFigures[]; prefs: PeriodPrefs }> {
    const settings = await this.settings.require(budget.userId, manager);
    const prefs: PeriodPrefs = { firstDayOfWeek: settings.firstDayOfWeek, monthStartDay: settings.monthStartDay };
    const first = periodContaining(budget.period, budget.startDate, prefs);
    const target = periodContaining(budget.period, date < first.start ? first.start : date, prefs);
    const periods = periodsBetween(budget.period, first.start, target.end, prefs, 100_000);
    const amounts = await manager.find(BudgetAmountEntity, { where: { budgetId: budget.id }, order: { effectiveFrom: "ASC" } });
    const byDay = await this.spendingByDay(budget, first.start, target.end, manager);
    const figures = periods.map((period) => {
      let spent = 0n;
      let unconverted = 0;
      for (const [day, s] of byDay) {
        if (day >= period.start && day <= period.end) {
          spent += s.spent;
          unconverted += s.unconverted;
        }
      }
      return { period, budgetedMinor: budgetedFor(amounts, period), spentMinor: spent, unconverted };
    });
    const today = localDay(this.clock.now(), settings.timezone);
    const thresholds = { warningPercent: budget.warningPercent, criticalPercent: budget.criticalPercent };
    const chain = carryChain(budget.rollover, figures);
    return { prefs, periods: chain.map((carry, i) => ({ ...progressOf(carry, today, thresholds), unconverted: figures[i]!.unconverted })) };
  }

  /** Spent per day (positive = money out; refunds subtract) for the budget's categories. */
  private async spendingByDay(
    budget: BudgetEntity,
    from: string,
    to: string,
    manager: EntityManager,
  ): Promise<Map<string, { spent: bigint; unconverted: number }>> {
    const params: unknown[] = [budget.userId, from, to];
    let match: string;
    if (budget.categoryIds.length === 0) {
      match = `(l.category_id IN (SELECT id FROM budgets.categories WHERE user_id = $1 AND kind = 'EXPENSE') OR (l.category_id IS NULL AND l.kind = 'EXPENSE'))`;
    } else {
      params.push(await this.categories.withChildren(budget.userId, budget.categoryIds, manager));
      match = `l.category_id = ANY($4::uuid[])`;
    }
    const rows: Array<{ day: string; spent: string; unconverted: number }> = await manager.query(
      `SELECT to_char(l.date, 'YYYY-MM-DD') AS day, coalesce(-sum(l.base_amount_minor), 0)::text AS spent,
              count(*) FILTER (WHERE l.base_amount_minor IS NULL)::int AS unconverted
       FROM budgets.spending_lines l WHERE l.user_id = $1 AND l.date BETWEEN $2 AND $3 AND ${match} GROUP BY l.date`,
      params,
    );
    return new Map(rows.map((r) => [r.day, { spent: BigInt(r.spent), unconverted: r.unconverted }]));
  }

  /** The period containing each date, for deciding which periods a change touched. */
  periodsOf(budget: BudgetEntity, dates: readonly string[], prefs: PeriodPrefs): Period[] {
    const seen = new Map<string, Period>();
    for (const d of dates) {
      const p = periodContaining(budget.period, d, prefs);
      seen.set(p.start, p);
    }
    return [...seen.values()];
  }

  amountsFor(budgetIds: readonly string[]): Promise<BudgetAmountEntity[]> {
    return this.dataSource
      .getRepository(BudgetAmountEntity)
      .find({ where: { budgetId: In([...budgetIds]) }, order: { effectiveFrom: "ASC" } });
  }
}

/** The amount in force at a period's start: the latest change effective on or before it (the first one before any). */
export function budgetedFor(amounts: readonly BudgetAmountEntity[], period: Period): bigint {
  let amount = amounts[0]?.amountMinor ?? 0n;
  for (const a of amounts) if (a.effectiveFrom <= period.start) amount = a.amountMinor;
  return amount;
}
