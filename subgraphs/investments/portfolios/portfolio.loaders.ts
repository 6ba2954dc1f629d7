import type { DataSource } from "typeorm";

import { keyedLoader, type LoaderFactory } from "../../../platform/graphql/index.js";
import { isUuid } from "../../../platform/time/index.js";
import type { BookCache } from "../holdings/book.cache.js";
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
export function portfolioLoaders(
  dataSource: DataSource,
  portfolios: PortfolioService,
  settings: UserSettingsService,
  books: BookCache,
): PortfolioLoaders {
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
          // The versions first: a replay read after them is at least as new as the version it is kept under.
          const found = await portfolios.findForUser(caller.userId, ids);
          const ready = new Map(found.map((p) => [p.id, books.get(p)]));
          const stale = found.filter((p) => ready.get(p.id) === null);
          const activities = await activityRows.ofPortfolios(
            dataSource.manager,
            caller.userId,
            stale.map((p) => p.id),
          );
          const byPortfolio = new Map<string, ActivityRecord[]>(stale.map((p) => [p.id, []]));
          for (const activity of activities) byPortfolio.get(activity.portfolioId)!.push(activity);
          for (const portfolio of stale) {
            const book = buildBook(portfolio, byPortfolio.get(portfolio.id)!, books.latest(portfolio.id));
            books.set(book);
            ready.set(portfolio.id, book);
          }
          return found.map((portfolio) => ready.get(portfolio.id)!);
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
