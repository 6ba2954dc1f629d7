import type { DataSource } from "typeorm";

import { keyedLoader, type LoaderFactory } from "../../../platform/graphql/index.js";
import { isUuid } from "../../../platform/time/index.js";
import { buildBook, type PortfolioBook } from "../holdings/portfolio-book.js";
import type { UserSettingsEntity } from "../settings/user-settings.entity.js";
import type { UserSettingsService } from "../settings/user-settings.service.js";
import { type ActivityRecord, activityRows } from "../transactions/activity-record.js";
import type { PortfolioEntity } from "./portfolio.entity.js";
import type { PortfolioService } from "./portfolio.service.js";

const none = <V>(): Promise<V[]> => Promise.resolve([]);

export interface PortfolioLoaders {
  portfolio: LoaderFactory<string, PortfolioEntity | null>;
  book: LoaderFactory<string, PortfolioBook | null>;
  transaction: LoaderFactory<string, ActivityRecord | null>;
  settings: LoaderFactory<string, UserSettingsEntity | null>;
}

/** Investments' own loaders: one statement per kind of read per request, each scoped to the caller. */
export function portfolioLoaders(dataSource: DataSource, portfolios: PortfolioService, settings: UserSettingsService): PortfolioLoaders {
  return {
    portfolio: (caller) =>
      keyedLoader(
        (ids) => (caller.userId ? portfolios.findForUser(caller.userId, ids) : none()),
        (p) => p.id,
      ),
    book: (caller) =>
      keyedLoader(
        async (ids) => {
          if (!caller.userId) return [];
          const found = await portfolios.findForUser(caller.userId, ids);
          const activities = await activityRows.ofPortfolios(
            dataSource.manager,
            caller.userId,
            found.map((p) => p.id),
          );
          const byPortfolio = new Map<string, ActivityRecord[]>(found.map((p) => [p.id, []]));
          for (const activity of activities) byPortfolio.get(activity.portfolioId)!.push(activity);
          return found.map((portfolio) => buildBook(portfolio, byPortfolio.get(portfolio.id)!));
        },
        (book) => book.portfolio.id,
      ),
    transaction: (caller) =>
      keyedLoader(
        (ids) => (caller.userId ? activityRows.byIds(dataSource.manager, caller.userId, ids.filter(isUuid)) : none()),
        (t) => t.id,
      ),
    settings: (caller) =>
      keyedLoader(
        (ids) => (caller.userId ? settings.find(ids.filter((id) => id === caller.userId)) : none()),
        (s) => s.userId,
      ),
  };
}
