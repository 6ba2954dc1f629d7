import type { DataSource, EntityManager } from "typeorm";

import { isClientError } from "../../../platform/errors/index.js";
import type { LedgerCategoryTree } from "../../../platform/read-models/index.js";
import type { TreatedCategoryRow } from "../categories/category-treatments.js";
import { treatedCategories } from "../categories/category-treatments.js";
import type { InvestmentActivityStore } from "../investment-activity/investment-activity.store.js";
import type { CategorySum, LedgerLineStore } from "../ledger-lines/ledger-line.store.js";
import type { TaxProfile } from "../profiles/profile.js";
import type { TaxProfileService } from "../profiles/profile.service.js";
import type { TaxTableCatalog } from "../tables/table-catalog.js";
import type { TaxTable } from "../tables/tax-table.js";
import { type CategoryTotal, type CategoryTreatment, summarizeYear, type YearSummary } from "./year-summary.js";

/** A year's summary with what it was computed from. */
export interface ComputedSummary {
  profile: TaxProfile;
  table: TaxTable;
  summary: YearSummary;
  /** Every category that counts (treatment other than NONE), with its total. */
  categories: CategoryTotal[];
  /** Every category's treatment, for the report's lines. */
  treatments: Map<string | null, CategoryTreatment>;
  /** Transactions, dividends and lots left out: in another currency than the table's, without an amount in it. */
  unconverted: number;
}

/** The names lines without a (known) category are listed under. */
export const UNCATEGORISED = { INCOME: "Uncategorised income", EXPENSE: "Uncategorised expenses" } as const;

/**
 * Gathers a user's year from the read models (one aggregate per source, so 50,000 transactions
 * are summed in SQL, not in memory) and runs the pure `summarizeYear` on it under the user's
 * profile and the table it names.
 */
export class TaxSummaryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: TaxTableCatalog,
    private readonly profiles: TaxProfileService,
    private readonly tree: LedgerCategoryTree,
    private readonly lines: LedgerLineStore,
    private readonly activity: InvestmentActivityStore,
  ) {}

  /** As compute, but null when the year has no table for the profile's jurisdiction (or revision). */
  async computeIfTabled(userId: string, year: number): Promise<ComputedSummary | null> {
    try {
      return await this.compute(userId, year);
    } catch (err) {
      if (isClientError(err)) return null;
      throw err;
    }
  }

  async compute(userId: string, year: number, manager: EntityManager = this.dataSource.manager): Promise<ComputedSummary> {
    const profile = await this.profiles.get(userId, year, manager);
    const table = this.catalog.resolve(profile.jurisdiction, year, profile.revision ?? undefined);
    // One after another: inside a transaction they share one connection.
    const categories = await treatedCategories(this.tree, userId, profile.overrides, manager);
    const ledger = await this.lines.yearSums(userId, year, table.currency, manager);
    const investments = await this.activity.yearSums(userId, year, table.currency, manager);
    const totals = categoryTotals(categories, ledger.sums);
    const summary = summarizeYear({
      table,
      filingStatus: profile.filingStatus,
      dependants: profile.dependants,
      dividendsQualified: profile.dividendsQualified,
      otherWithholdingMinor: profile.otherWithholdingMinor,
      figures: {
        categories: totals.filter((t) => t.treatment !== "NONE"),
        interestMinor: investments.interestMinor,
        dividendsMinor: investments.dividendsMinor,
        shortTermGainMinor: investments.shortTermGainMinor,
        longTermGainMinor: investments.longTermGainMinor,
      },
    });
    return {
      profile,
      table,
      summary,
      categories: totals.filter((t) => t.treatment !== "NONE"),
      treatments: new Map<string | null, CategoryTreatment>(categories.map((c) => [c.id, c.treatment])),
      unconverted: ledger.unconverted + investments.unconverted,
    };
  }
}

/**
 * The year's signed sums per category as the summary counts them: income as received, everything
 * else as paid (a refund reduces it). Lines without a category, or of a category tax has not heard
 * of yet, count as uncategorised income (taxable: the cautious guess) or expenses (not counted).
 */
export function categoryTotals(categories: readonly TreatedCategoryRow[], sums: readonly CategorySum[]): CategoryTotal[] {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const totals = new Map<string, CategoryTotal>();
  for (const sum of sums) {
    const category = sum.categoryId === null ? undefined : byId.get(sum.categoryId);
    const key = category?.id ?? `uncategorised:${sum.kind}`;
    const treatment: CategoryTreatment = category?.treatment ?? (sum.kind === "INCOME" ? "TAXABLE_INCOME" : "NONE");
    const counted = treatment === "TAXABLE_INCOME" ? sum.totalMinor : -sum.totalMinor;
    const total = totals.get(key) ?? {
      categoryId: category?.id ?? null,
      name: category?.name ?? UNCATEGORISED[sum.kind],
      treatment,
      amountMinor: 0n,
    };
    total.amountMinor += counted;
    totals.set(key, total);
  }
  return [...totals.values()].sort((a, b) => a.treatment.localeCompare(b.treatment) || a.name.localeCompare(b.name));
}
