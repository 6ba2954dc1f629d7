import type { LedgerCategoryTree } from "../../platform/read-models/index.js";
import type { IncomeTaxService } from "./calculator/income-tax.service.js";
import type { EstimateJob } from "./estimates/estimate.job.js";
import type { EstimateStore } from "./estimates/estimate.store.js";
import type { InvestmentActivityStore } from "./investment-activity/investment-activity.store.js";
import type { LedgerLineStore } from "./ledger-lines/ledger-line.store.js";
import type { TaxProfileService } from "./profiles/profile.service.js";
import type { TaxReportService } from "./report/report.service.js";
import type { UserSettingsStore } from "./settings/user-settings.store.js";
import type { TaxSummaryService } from "./summary/summary.service.js";
import type { TaxTableCatalog } from "./tables/table-catalog.js";

/** Everything tax's resolvers and consumers are built from. */
export interface TaxDeps {
  catalog: TaxTableCatalog;
  incomeTax: IncomeTaxService;
  settings: UserSettingsStore;
  categories: LedgerCategoryTree;
  ledgerLines: LedgerLineStore;
  investments: InvestmentActivityStore;
  profiles: TaxProfileService;
  summaries: TaxSummaryService;
  reports: TaxReportService;
  estimates: EstimateStore;
  estimateJob: EstimateJob;
}
