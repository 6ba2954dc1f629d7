import type { RequestContext } from "../../../platform/graphql/index.js";
import type { Money } from "../../../platform/money/index.js";
import { convertAt } from "../currency/conversion.js";
import { baseCurrencyUnknown, exchangeRateMissing } from "../currency/currency.errors.js";
import type { LedgerDeps } from "../ledger.deps.js";
import { utcDay } from "../transactions/calendar-date.js";

/** Sum of open accounts' balances (liabilities are negative balances) in the user's base currency. */
export class NetWorthService {
  constructor(private readonly deps: LedgerDeps) {}

  async of(userId: string, context: RequestContext): Promise<Money> {
    const base = await context.loaders.get(this.deps.loaders.baseCurrency).load(userId);
    if (!base) throw baseCurrencyUnknown();
    const today = utcDay(this.deps.clock.now());
    const accounts = await this.deps.accounts.list(userId, false);
    const balances = await this.deps.accounts.balances(
      userId,
      accounts.map((a) => a.id),
    );
    const perCurrency = new Map<string, bigint>();
    for (const account of accounts)
      perCurrency.set(account.currency, (perCurrency.get(account.currency) ?? 0n) + (balances.get(account.id) ?? 0n));
    const foreign = [...perCurrency.keys()].filter((c) => c !== base);
    const rates = await this.deps.rateQueries.latestOnOrBefore(
      userId,
      today,
      foreign.map((from) => ({ from, to: base })),
    );
    let total = perCurrency.get(base) ?? 0n;
    for (const currency of foreign) {
      const rate = rates.get(`${currency}|${base}`);
      if (!rate) throw exchangeRateMissing(today, currency, base);
      // Rounded once per currency, not once per account.
      total += convertAt({ amountMinor: perCurrency.get(currency)!, currency }, base, rate).amountMinor;
    }
    return { amountMinor: total, currency: base };
  }
}
