import type { LoaderFactory } from "../../platform/graphql/index.js";
import type { IdempotencyKeys, ScheduledPurge } from "../../platform/idempotency/index.js";
import type { LedgerAccountsReadModel } from "../../platform/read-models/index.js";
import type { PortfolioBook } from "./holdings/portfolio-book.js";
import type { ActivityImportService } from "./imports/activity-import.service.js";
import type { MarketDataDeps, MarketDataLoaders } from "./market-data.deps.js";
import type { PortfolioEntity } from "./portfolios/portfolio.entity.js";
import type { PortfolioService } from "./portfolios/portfolio.service.js";
import type { PortfolioEvents } from "./portfolios/portfolio-events.js";
import type { UserSettingsEntity } from "./settings/user-settings.entity.js";
import type { UserSettingsService } from "./settings/user-settings.service.js";
import type { ActivityRecord } from "./transactions/activity-record.js";
import type { InvestmentTransactionService } from "./transactions/investment-transaction.service.js";
import type { AllocationService } from "./valuation/allocation.service.js";
import type { ValuationService } from "./valuation/valuation.service.js";

/** Every loader is scoped to the caller in SQL (or only ever fed ids that already were). */
export interface InvestmentsLoaders extends MarketDataLoaders {
  portfolio: LoaderFactory<string, PortfolioEntity | null>;
  /** portfolioId → the portfolio replayed from its whole activity: once per request, shared by every field. */
  book: LoaderFactory<string, PortfolioBook | null>;
  transaction: LoaderFactory<string, ActivityRecord | null>;
  /** userId → identity's preferences as investments knows them. */
  settings: LoaderFactory<string, UserSettingsEntity | null>;
}

/** Everything investments' resolvers and consumers are built from, market data's included. */
export interface InvestmentsDeps extends MarketDataDeps {
  portfolios: PortfolioService;
  portfolioEvents: PortfolioEvents;
  transactions: InvestmentTransactionService;
  imports: ActivityImportService;
  valuation: ValuationService;
  allocation: AllocationService;
  settings: UserSettingsService;
  /** The users' ledger accounts as investments knows them (from ledger.account.v1). */
  accounts: LedgerAccountsReadModel;
  idempotency: IdempotencyKeys;
  idempotencyPurge: ScheduledPurge;
  loaders: InvestmentsLoaders;
}
