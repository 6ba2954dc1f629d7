import type { EntityManager } from "typeorm";

import type { PortfolioUpdatedV1 } from "../../../schema/events/investments.js";
import type { BookCache } from "../holdings/book.cache.js";
import { buildBook } from "../holdings/portfolio-book.js";
import type { UserSettingsService } from "../settings/user-settings.service.js";
import { type ActivityRecord, activityRows } from "../transactions/activity-record.js";
import type { ValuationService } from "../valuation/valuation.service.js";
import { portfoliosAmong } from "./portfolio-rows.js";

export type PortfolioValueFields = Pick<PortfolioUpdatedV1, "valueMinor" | "currency" | "valuedOn" | "archived">;

/**
 * What each portfolio is worth at the end of its owner's today, as PortfolioUpdated carries it
 * for net worth, read in the writer's transaction so the value shows the write. The same figure
 * as `User.investmentsValue` before conversion: holdings at the latest close on or before today,
 * plus the portfolio's cash unless a ledger account holds it. The ledger never sees holdings
 * (nothing of investments is booked there), but a linked account's balance is the portfolio's
 * cash as the user books it: counting both would count that cash twice, so the ledger keeps it.
 */
export class PortfolioValuer {
  constructor(
    private readonly valuation: ValuationService,
    private readonly settings: UserSettingsService,
    private readonly books: BookCache,
  ) {}

  async of(manager: EntityManager, userId: string, portfolioIds: readonly string[]): Promise<Map<string, PortfolioValueFields>> {
    const values = new Map<string, PortfolioValueFields>();
    const portfolios = await portfoliosAmong(manager, userId, portfolioIds);
    if (portfolios.length === 0) return values;
    const today = await this.settings.today(userId, manager);
    // A replay cached at the current version is reused; one built here is not cached, as the
    // transaction may yet roll back and its version be taken by another write.
    const stale = portfolios.filter((p) => this.books.get(p) === null).map((p) => p.id);
    const byPortfolio = new Map<string, ActivityRecord[]>(stale.map((id) => [id, []]));
    for (const activity of await activityRows.ofPortfolios(manager, userId, stale)) byPortfolio.get(activity.portfolioId)!.push(activity);
    for (const portfolio of portfolios) {
      const book = this.books.get(portfolio) ?? buildBook(portfolio, byPortfolio.get(portfolio.id)!, this.books.latest(portfolio.id));
      const value = await this.valuation.valueOrNull(userId, book, today, portfolio.ledgerAccountId !== null, manager);
      values.set(portfolio.id, {
        ...(value !== null && { valueMinor: value.toString() }),
        currency: portfolio.currency,
        valuedOn: today,
        archived: portfolio.archivedAt !== null,
      });
    }
    return values;
  }
}
