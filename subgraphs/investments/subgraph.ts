import { userDeletionConsumer } from "../../platform/events/index.js";
import { resolveOwnUserReference, resolveThroughLoader } from "../../platform/graphql/index.js";
import { IdempotencyKeys, scheduleIdempotencyPurge } from "../../platform/idempotency/index.js";
import { ledgerAccountsConsumer, LedgerAccountsReadModel, userPreferencesConsumer } from "../../platform/read-models/index.js";
import { defineSubgraph, type SubgraphKit } from "../../platform/subgraph/index.js";
import { pricesConsumer } from "./events/prices.handler.js";
import { BookCache } from "./holdings/book.cache.js";
import { holdingById, HoldingResolver, PortfolioHoldingsResolver } from "./holdings/holding.resolver.js";
import { ActivityImportResolver } from "./imports/activity-import.resolver.js";
import { ActivityImportService } from "./imports/activity-import.service.js";
import type { InvestmentsDeps } from "./investments.deps.js";
import {
  closeMarketData,
  createMarketData,
  marketDataEntities,
  marketDataReferences,
  marketDataResolvers,
  purgeMarketDataUser,
} from "./market-data.js";
import { Investments1796540000000 } from "./migrations/1796540000000-investments.js";
import { MarketData1796540000100 } from "./migrations/1796540000100-market-data.js";
import { PriceChanges1796540000200 } from "./migrations/1796540000200-price-changes.js";
import { PortfolioEntity } from "./portfolios/portfolio.entity.js";
import { portfolioLoaders } from "./portfolios/portfolio.loaders.js";
import { PortfolioResolver } from "./portfolios/portfolio.resolver.js";
import { PortfolioService } from "./portfolios/portfolio.service.js";
import { Portfolio } from "./portfolios/portfolio.type.js";
import { PortfolioEvents } from "./portfolios/portfolio-events.js";
import { PortfolioValuer } from "./portfolios/portfolio-value.js";
import { UserSettingsEntity } from "./settings/user-settings.entity.js";
import { UserSettingsService } from "./settings/user-settings.service.js";
import { InvestmentTransactionEntity } from "./transactions/investment-transaction.entity.js";
import { InvestmentTransactionResolver, PortfolioTransactionsResolver } from "./transactions/investment-transaction.resolver.js";
import { InvestmentTransactionService } from "./transactions/investment-transaction.service.js";
import { TransactionEvents } from "./transactions/transaction-events.js";
import { InvestmentsUserResolver } from "./users/user.resolver.js";
import { InvestmentsUser } from "./users/user.type.js";
import { AllocationService } from "./valuation/allocation.service.js";
import { PriceHistoryCache } from "./valuation/price-history.cache.js";
import { RateHistories } from "./valuation/rate-histories.js";
import { PortfolioValuationResolver, PortfolioValuePointResolver } from "./valuation/valuation.resolver.js";
import { ValuationService } from "./valuation/valuation.service.js";

export type { InvestmentsDeps } from "./investments.deps.js";

function createInvestments(kit: SubgraphKit): InvestmentsDeps {
  const { dataSource, outbox, clock, ids } = kit;
  const market = createMarketData(kit);
  const idempotency = new IdempotencyKeys("investments", () => clock.now());
  const accounts = new LedgerAccountsReadModel("investments");
  const settings = new UserSettingsService(dataSource, clock);
  const books = new BookCache();
  const valuation = new ValuationService(new RateHistories(market.fx), new PriceHistoryCache(dataSource, clock), market.securities);
  const portfolioEvents = new PortfolioEvents(outbox, new PortfolioValuer(valuation, settings, books));
  const transactionEvents = new TransactionEvents(outbox);
  const portfolios = new PortfolioService(dataSource, clock, ids, idempotency, accounts, portfolioEvents);
  const transactions = new InvestmentTransactionService(
    dataSource,
    clock,
    ids,
    idempotency,
    portfolios,
    market.securities,
    settings,
    transactionEvents,
    portfolioEvents,
  );
  return {
    ...market,
    portfolios,
    portfolioEvents,
    transactions,
    imports: new ActivityImportService(
      dataSource,
      clock,
      ids,
      idempotency,
      portfolios,
      transactions,
      market.securities,
      settings,
      transactionEvents,
      portfolioEvents,
    ),
    valuation,
    allocation: new AllocationService(dataSource, market.prices, market.fx, market.securities),
    settings,
    accounts,
    idempotency,
    idempotencyPurge: scheduleIdempotencyPurge(idempotency, dataSource, kit.logger.child({ job: "idempotency-purge" })),
    loaders: { ...market.loaders, ...portfolioLoaders(dataSource, portfolios, settings, books) },
  };
}

/**
 * Investments: portfolios and their activity, lots and cost basis replayed on every read, market
 * data (securities, daily prices, FX, a feed refreshed daily), valuation, time- and money-weighted
 * returns, allocation, and live portfolio updates (`investments.transaction.v1`,
 * `investments.portfolio.v1`, `investments.price.v1`). Lives on identity's preferences and
 * account deletion and the ledger's accounts (a portfolio's linked cash account).
 */
export default defineSubgraph<InvestmentsDeps>({
  name: "investments",
  port: 4004,
  resolvers: [
    PortfolioResolver,
    PortfolioHoldingsResolver,
    PortfolioValuationResolver,
    PortfolioTransactionsResolver,
    PortfolioValuePointResolver,
    HoldingResolver,
    InvestmentTransactionResolver,
    ActivityImportResolver,
    InvestmentsUserResolver,
    ...marketDataResolvers,
  ],
  orphanedTypes: [InvestmentsUser],
  entities: [PortfolioEntity, InvestmentTransactionEntity, UserSettingsEntity, ...marketDataEntities],
  migrations: [Investments1796540000000, MarketData1796540000100, PriceChanges1796540000200],
  createDeps: createInvestments,
  close: async (deps) => {
    await deps.idempotencyPurge.stop();
    await closeMarketData(deps);
  },
  references: (deps) => ({
    User: resolveOwnUserReference,
    Portfolio: resolveThroughLoader(deps.loaders.portfolio, Portfolio.from),
    Holding: (reference, context) => (typeof reference.id === "string" ? holdingById(deps, context, reference.id) : null),
    ...marketDataReferences(deps),
  }),
  consumers: (deps) => [
    userPreferencesConsumer(deps.settings),
    ledgerAccountsConsumer(deps.accounts),
    pricesConsumer(deps.portfolioEvents),
    userDeletionConsumer("investments", async (manager, userId, traceId) => {
      // Activity and portfolios first: they reference the user's own securities.
      await deps.portfolios.purgeUser(manager, userId, traceId);
      await deps.imports.purgeUser(manager, userId);
      await purgeMarketDataUser(deps, manager, userId);
      await deps.settings.purgeUser(manager, userId);
      await deps.accounts.purgeUser(manager, userId);
      await deps.idempotency.purgeUser(manager, userId);
    }),
  ],
});
