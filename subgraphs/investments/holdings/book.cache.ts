import { WeightedLru } from "../caching/weighted-lru.js";
import type { PortfolioEntity } from "../portfolios/portfolio.entity.js";
import type { PortfolioBook } from "./portfolio-book.js";

/** Activities kept replayed in memory per process (a 10,000-transaction portfolio weighs 10,000). */
export const MAX_CACHED_ACTIVITIES = 200_000;

/**
 * Replayed portfolios by (id, version): the version rises with every write to the activity, in
 * the write's transaction, so a cached replay is used only while it is current, on whichever
 * instance. Its portfolio row (name, archived) is always the one just read.
 */
export class BookCache {
  private readonly cache = new WeightedLru<PortfolioBook>(MAX_CACHED_ACTIVITIES);

  /** The cached replay of `portfolio` when it is of its current version. */
  get(portfolio: PortfolioEntity): PortfolioBook | null {
    const book = this.cache.get(portfolio.id);
    if (!book || book.portfolio.version !== portfolio.version) return null;
    return { ...book, portfolio };
  }

  /** The latest replay kept for the portfolio, whatever its version: its unchanged positions can be reused. */
  latest(portfolioId: string): PortfolioBook | undefined {
    return this.cache.get(portfolioId);
  }

  set(book: PortfolioBook): void {
    this.cache.set(book.portfolio.id, book, book.activities.length + 1);
  }
}
