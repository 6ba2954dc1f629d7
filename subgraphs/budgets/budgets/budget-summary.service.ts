import { type DataSource, IsNull } from "typeorm";

import type { Money } from "../../../platform/money/index.js";
import { type Period, periodContaining } from "../periods/index.js";
import type { UserSettingsService } from "../settings/user-settings.service.js";
import { BudgetEntity } from "./budget.entity.js";
import { budgetedFor, type BudgetProgressService } from "./budget-progress.service.js";

export interface Summary {
  period: Period;
  income: Money;
  totalBudgeted: Money;
  spent: Money;
  leftToBudget: Money;
}

/** The month at a glance ("what is left to budget"), in the base currency; monthly budgets only. */
export class BudgetSummaryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: UserSettingsService,
    private readonly progress: BudgetProgressService,
  ) {}

  async of(userId: string, date: string): Promise<Summary> {
    const settings = await this.settings.require(userId);
    const period = periodContaining("MONTHLY", date, { firstDayOfWeek: settings.firstDayOfWeek, monthStartDay: settings.monthStartDay });
    const [totals] = await this.dataSource.query(
      `SELECT coalesce(sum(base_amount_minor) FILTER (WHERE kind = 'INCOME'), 0)::text AS income,
              coalesce(-sum(base_amount_minor) FILTER (WHERE kind = 'EXPENSE'), 0)::text AS spent
       FROM budgets.spending_lines WHERE user_id = $1 AND date BETWEEN $2 AND $3`,
      [userId, period.start, period.end],
    );
    const budgets = await this.dataSource.getRepository(BudgetEntity).find({ where: { userId, period: "MONTHLY", archivedAt: IsNull() } });
    const amounts = budgets.length ? await this.progress.amountsFor(budgets.map((b) => b.id)) : [];
    const budgeted = budgets
      .filter((b) => b.startDate <= period.end)
      .reduce(
        (sum, b) =>
          sum +
          budgetedFor(
            amounts.filter((a) => a.budgetId === b.id),
            period,
          ),
        0n,
      );
    const currency = settings.baseCurrency;
    const income = BigInt(totals.income);
    return {
      period,
      income: { amountMinor: income, currency },
      totalBudgeted: { amountMinor: budgeted, currency },
      spent: { amountMinor: BigInt(totals.spent), currency },
      leftToBudget: { amountMinor: income - budgeted, currency },
    };
  }
}
