import type { DataSource } from "typeorm";

import type { LedgerCategoryTree } from "../../../platform/read-models/index.js";
import type { InvestmentActivityStore } from "../investment-activity/investment-activity.store.js";
import type { LedgerLineStore } from "../ledger-lines/ledger-line.store.js";
import type { TaxSummaryService } from "../summary/summary.service.js";
import { yearReportCsv } from "./year-report.js";

export interface YearReport {
  filename: string;
  csv: string;
  /** Rows after the header. */
  rows: number;
}

/** The year summary and everything behind it, read in one snapshot so the figures and the items agree. */
export class TaxReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly summaries: TaxSummaryService,
    private readonly tree: LedgerCategoryTree,
    private readonly lines: LedgerLineStore,
    private readonly activity: InvestmentActivityStore,
  ) {}

  async yearReport(userId: string, year: number): Promise<YearReport> {
    return this.dataSource.transaction("REPEATABLE READ", async (manager) => {
      const computed = await this.summaries.compute(userId, year, manager);
      const known = [...computed.treatments.keys()].filter((id): id is string => id !== null);
      const counting = known.filter((id) => computed.treatments.get(id) !== "NONE");
      const lines = await this.lines.yearLines(userId, year, computed.table.currency, { counting, known }, manager);
      const income = await this.activity.yearIncome(userId, year, manager);
      const lots = await this.activity.yearLots(userId, year, manager);
      const categories = await this.tree.list(userId, manager);
      const { csv, rows } = yearReportCsv({ computed, lines, income, lots, categoryNames: new Map(categories.map((c) => [c.id, c.name])) });
      return { filename: `tax-${computed.table.jurisdiction.toLowerCase()}-${year}.csv`, csv, rows };
    });
  }
}
