import { type DataSource, type EntityManager, IsNull } from "typeorm";

import type { Outbox } from "../../../platform/events/index.js";
import { type Clock, type IdGenerator, isUuid } from "../../../platform/time/index.js";
import { type BudgetAlertV1, BUDGETS_ALERT_TOPIC } from "../../../schema/events/budgets.js";
import type { BudgetEntity } from "../budgets/budget.entity.js";
import type { BudgetProgressFigures } from "../budgets/budget-progress.service.js";
import { thresholdsCrossed } from "../periods/index.js";
import { type AlertLevel, BudgetAlertEntity } from "./alert.entity.js";
import { alertEventType } from "./alert.events.js";

/**
 * Fires each threshold once per budget and period while it stays crossed, and re-arms it when
 * spending falls back under (a refund, an edit, a deletion); the partial unique index makes a
 * second firing impossible even if two consumers raced.
 */
export class AlertService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async evaluate(manager: EntityManager, budget: BudgetEntity, progress: BudgetProgressFigures, traceId: string): Promise<void> {
    const crossed = thresholdsCrossed(progress, { warningPercent: budget.warningPercent, criticalPercent: budget.criticalPercent });
    const active = await manager.find(BudgetAlertEntity, {
      where: { budgetId: budget.id, periodStart: progress.period.start, rearmedAt: IsNull() },
    });
    for (const level of ["WARNING", "CRITICAL"] as AlertLevel[]) {
      const isCrossed = level === "WARNING" ? crossed.warning : crossed.critical;
      const existing = active.find((a) => a.level === level);
      if (isCrossed && !existing) await this.fire(manager, budget, progress, level, traceId);
      if (!isCrossed && existing) await manager.update(BudgetAlertEntity, { id: existing.id }, { rearmedAt: this.clock.now() });
    }
  }

  private async fire(
    manager: EntityManager,
    budget: BudgetEntity,
    progress: BudgetProgressFigures,
    level: AlertLevel,
    traceId: string,
  ): Promise<void> {
    const alert = Object.assign(new BudgetAlertEntity(), {
      id: this.ids.next(),
      userId: budget.userId,
      budgetId: budget.id,
      level,
      periodStart: progress.period.start,
      periodEnd: progress.period.end,
      spentMinor: progress.spentMinor,
      availableMinor: progress.availableMinor,
      currency: budget.currency,
      createdAt: this.clock.now(),
      rearmedAt: null,
    });
    await manager.insert(BudgetAlertEntity, alert);
    const data: BudgetAlertV1 = {
      alertId: alert.id,
      userId: alert.userId,
      budgetId: alert.budgetId,
      level,
      periodStart: alert.periodStart,
      periodEnd: alert.periodEnd,
      spentMinor: alert.spentMinor.toString(),
      availableMinor: alert.availableMinor.toString(),
      currency: alert.currency,
    };
    await this.outbox.add(manager, traceId, [{ topic: BUDGETS_ALERT_TOPIC, type: alertEventType(level), key: budget.userId, data }]);
  }

  list(userId: string, first: number): Promise<BudgetAlertEntity[]> {
    return this.dataSource.getRepository(BudgetAlertEntity).find({ where: { userId }, order: { createdAt: "DESC" }, take: first });
  }

  async find(userId: string, id: string): Promise<BudgetAlertEntity | null> {
    return isUuid(id) ? this.dataSource.getRepository(BudgetAlertEntity).findOneBy({ id, userId }) : null;
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(BudgetAlertEntity, { userId });
  }
}
