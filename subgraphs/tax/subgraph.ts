import { userDeletionConsumer } from "../../platform/events/index.js";
import { resolveOwnUserReference } from "../../platform/graphql/index.js";
import { LedgerCategoryTree, userPreferencesConsumer } from "../../platform/read-models/index.js";
import { defineSubgraph, type SubgraphKit } from "../../platform/subgraph/index.js";
import { IncomeTaxResolver } from "./calculator/income-tax.resolver.js";
import { IncomeTaxService } from "./calculator/income-tax.service.js";
import { EstimateJob } from "./estimates/estimate.job.js";
import { TaxEstimateResolver } from "./estimates/estimate.resolver.js";
import { EstimateStore } from "./estimates/estimate.store.js";
import { investmentsTransactionsConsumer } from "./events/investments-transactions.handler.js";
import { ledgerCategoriesConsumer } from "./events/ledger-categories.handler.js";
import { ledgerTransactionsConsumer } from "./events/ledger-transactions.handler.js";
import { InvestmentActivityStore } from "./investment-activity/investment-activity.store.js";
import { LedgerLineStore } from "./ledger-lines/ledger-line.store.js";
import { Tax1796550000000 } from "./migrations/1796550000000-tax.js";
import { TaxPaymentDateResolver } from "./payment-dates/payment-date.resolver.js";
import { TaxProfileResolver } from "./profiles/profile.resolver.js";
import { TaxProfileService } from "./profiles/profile.service.js";
import { TaxReportService } from "./report/report.service.js";
import { UserSettingsStore } from "./settings/user-settings.store.js";
import { TaxSummaryResolver } from "./summary/summary.resolver.js";
import { TaxSummaryService } from "./summary/summary.service.js";
import { TaxTableCatalog } from "./tables/table-catalog.js";
import { TaxTableResolver } from "./tables/tax-table.resolver.js";
import type { TaxDeps } from "./tax.deps.js";
import { TaxUserResolver } from "./users/user.resolver.js";
import { TaxUser } from "./users/user.type.js";

export type { TaxDeps } from "./tax.deps.js";

/**
 * How often the estimate job looks for years to recompute. Estimates trail the data by at most
 * this much (plus the event's trip); the query fields always compute from the data as it is.
 */
const ESTIMATE_JOB_EVERY_MS = 2_000;

function createTax(kit: SubgraphKit): TaxDeps {
  const { dataSource, clock } = kit;
  const catalog = TaxTableCatalog.fromDirectory();
  const settings = new UserSettingsStore(dataSource, clock);
  const categories = new LedgerCategoryTree("tax", dataSource);
  const ledgerLines = new LedgerLineStore(dataSource);
  const investments = new InvestmentActivityStore(dataSource);
  const estimates = new EstimateStore(dataSource);
  const profiles = new TaxProfileService(dataSource, clock, catalog, estimates, settings);
  const summaries = new TaxSummaryService(dataSource, catalog, profiles, categories, ledgerLines, investments);
  const reports = new TaxReportService(dataSource, summaries, categories, ledgerLines, investments);
  const estimateJob = new EstimateJob(dataSource, clock, estimates, summaries, kit.outbox, kit.logger.child({ job: "tax-estimates" }));
  estimateJob.start(ESTIMATE_JOB_EVERY_MS);
  return {
    catalog,
    incomeTax: new IncomeTaxService(catalog),
    settings,
    categories,
    ledgerLines,
    investments,
    profiles,
    summaries,
    reports,
    estimates,
    estimateJob,
  };
}

/**
 * Tax: versioned tax tables (data, with their sources), an exact income tax calculator, and each
 * user's year summary estimated from their own data: read models of the ledger's categories and
 * transactions and of investments' income and realized lots, under the user's tax profile.
 * Announces `tax.summary.v1` (TaxEstimateChanged) when a year's estimate moves.
 */
export default defineSubgraph<TaxDeps>({
  name: "tax",
  port: 4007,
  resolvers: [
    TaxPaymentDateResolver,
    TaxTableResolver,
    IncomeTaxResolver,
    TaxProfileResolver,
    TaxSummaryResolver,
    TaxEstimateResolver,
    TaxUserResolver,
  ],
  orphanedTypes: [TaxUser],
  entities: [],
  migrations: [Tax1796550000000],
  createDeps: createTax,
  close: async (deps) => {
    await deps.estimateJob.stop();
  },
  references: () => ({
    User: resolveOwnUserReference,
  }),
  consumers: (deps) => [
    userPreferencesConsumer(deps.settings),
    ledgerCategoriesConsumer(deps.categories, deps.ledgerLines, deps.profiles, deps.estimates),
    ledgerTransactionsConsumer(deps.ledgerLines, deps.estimates),
    investmentsTransactionsConsumer(deps.investments, deps.estimates),
    userDeletionConsumer("tax", async (manager, userId) => {
      await deps.estimates.purgeUser(manager, userId);
      await deps.profiles.purgeUser(manager, userId);
      await deps.investments.purgeUser(manager, userId);
      await deps.ledgerLines.purgeUser(manager, userId);
      await deps.categories.purgeUser(manager, userId);
      await deps.settings.purgeUser(manager, userId);
    }),
  ],
});
