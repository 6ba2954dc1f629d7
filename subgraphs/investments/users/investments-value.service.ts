import type { Money } from "../../../platform/money/index.js";
import type { FxService } from "../fx/fx.service.js";
import { convertAtRate } from "../fx/fx-rate.js";
import type { PortfolioBook } from "../holdings/portfolio-book.js";
import { exchangeRateMissing } from "../valuation/valuation.errors.js";
import type { ValuationService } from "../valuation/valuation.service.js";

/**
 * What the user's portfolios are worth today in their base currency, for net worth: each
 * portfolio's value (its cash left out when a ledger account holds it: the ledger counts that),
 * summed per currency and converted once per currency at the latest rate on or before today.
 */
export class InvestmentsValueService {
  constructor(
    private readonly valuation: ValuationService,
    private readonly fx: FxService,
  ) {}

  async of(userId: string, books: readonly PortfolioBook[], base: string, today: string): Promise<Money> {
    const perCurrency = new Map<string, bigint>();
    for (const book of books) {
      const value = await this.valuation.valueOn(userId, book, today, book.portfolio.ledgerAccountId !== null);
      const currency = book.portfolio.currency;
      perCurrency.set(currency, (perCurrency.get(currency) ?? 0n) + value);
    }
    let total = perCurrency.get(base) ?? 0n;
    for (const [currency, minor] of perCurrency) {
      if (currency === base || minor === 0n) continue;
      const rate = await this.fx.fxOn(userId, currency, base, today);
      if (!rate) throw exchangeRateMissing(today, currency, base);
      total += convertAtRate({ amountMinor: minor, currency }, rate).amountMinor;
    }
    return { amountMinor: total, currency: base };
  }
}
