import type { DataSource, EntityManager } from "typeorm";

import type { AnalyticsService } from "../analytics/analytics.service.js";
import type { BudgetOverrunStore } from "../budgets/budget-overrun.store.js";
import type { LoanStore } from "../loans/loan.store.js";
import type { NetWorthService } from "../networth/net-worth.service.js";
import type { UserSettingsStore } from "../settings/user-settings.store.js";
import type { SubscriptionService } from "../subscriptions/subscription.service.js";
import type { Recommendation } from "./recommendation.js";
import { recommend, type SubscriptionIncrease } from "./rules.js";

const LIQUID_TYPES = new Set(["CHECKING", "SAVINGS", "CASH"]);
const PER_YEAR: Record<string, bigint> = { WEEKLY: 52n, BIWEEKLY: 26n, MONTHLY: 12n, QUARTERLY: 4n, YEARLY: 1n };
/** Full months the average monthly spending is taken over. */
export const SPENDING_MONTHS = 6;

/** Gathers what the rules need from the read models, and leaves out what the user dismissed. */
export class RecommendationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: UserSettingsStore,
    private readonly analytics: AnalyticsService,
    private readonly netWorth: NetWorthService,
    private readonly loans: LoanStore,
    private readonly overruns: BudgetOverrunStore,
    private readonly subscriptions: SubscriptionService,
  ) {}

  async list(userId: string): Promise<Recommendation[]> {
    const { baseCurrency } = await this.settings.get(userId);
    const today = await this.settings.today(userId);
    const [y, m] = today.split("-").map(Number) as [number, number];
    const month = (back: number) => {
      const index = y * 12 + (m - 1) - back;
      return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
    };
    const { months } = await this.analytics.monthly(userId, month(SPENDING_MONTHS), month(1));
    const spent = months.filter((x) => x.spendingMinor > 0n);
    const monthlySpendingMinor = spent.length === 0 ? 0n : spent.reduce((n, x) => n + x.spendingMinor, 0n) / BigInt(spent.length);

    const balances = (await this.netWorth.balancesOn(userId, today)).filter(
      ({ account }) => account.currency === baseCurrency && !account.archived,
    );
    const sum = (filter: (type: string) => boolean) =>
      balances.filter(({ account }) => filter(account.type)).reduce((n, b) => n + b.balanceMinor, 0n);
    const loans = (await this.loans.balancesAt(userId, today)).filter(
      (l) => l.direction === "BORROWED" && l.currency === baseCurrency && l.outstandingMinor > 0n && l.annualRatePercent !== null,
    );
    const { series } = await this.subscriptions.detect(userId);
    const increases: SubscriptionIncrease[] = series
      .filter((s) => s.kind === "EXPENSE" && s.active)
      .flatMap((s) =>
        s.priceIncreases.map((p) => ({
          merchant: s.payee,
          fromMinor: p.fromAmountMinor,
          toMinor: p.toAmountMinor,
          date: p.date,
          yearlyIncreaseMinor: (p.toAmountMinor - p.fromAmountMinor) * (PER_YEAR[s.cadence] ?? 1n),
        })),
      );
    const all = recommend({
      currency: baseCurrency,
      monthlySpendingMinor,
      monthsOfHistory: spent.length,
      liquidMinor: sum((t) => LIQUID_TYPES.has(t)),
      checkingMinor: sum((t) => t === "CHECKING"),
      overruns: (await this.overruns.list(userId)).filter((o) => o.currency === baseCurrency),
      increases,
      loans: loans.map((l) => ({
        loanId: l.loanId,
        name: l.name,
        outstandingMinor: l.outstandingMinor,
        annualRatePercent: l.annualRatePercent!,
      })),
    });
    const dismissed: Array<{ key: string }> = await this.dataSource.query(
      `SELECT key FROM insights.dismissed_recommendations WHERE user_id = $1`,
      [userId],
    );
    const hidden = new Set(dismissed.map((d) => d.key));
    return all.filter((r) => !hidden.has(r.key));
  }

  /** Hides a recommendation by its key; false when no current recommendation has it. */
  async dismiss(userId: string, key: string, at: Date): Promise<boolean> {
    const current = await this.list(userId);
    if (!current.some((r) => r.key === key)) return false;
    await this.dataSource.query(
      `INSERT INTO insights.dismissed_recommendations (user_id, key, dismissed_at) VALUES ($1, $2, $3) ON CONFLICT (user_id, key) DO NOTHING`,
      [userId, key, at],
    );
    return true;
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM insights.dismissed_recommendations WHERE user_id = $1`, [userId]);
  }
}
