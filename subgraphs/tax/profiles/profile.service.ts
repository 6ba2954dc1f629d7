import type { DataSource, EntityManager } from "typeorm";

import { badInput, notFound } from "../../../platform/errors/index.js";
import type { Money } from "../../../platform/money/index.js";
import type { Clock } from "../../../platform/time/index.js";
import { isUuid } from "../../../platform/time/index.js";
import type { EstimateStore } from "../estimates/estimate.store.js";
import type { UserSettingsStore } from "../settings/user-settings.store.js";
import type { CategoryTreatment } from "../summary/year-summary.js";
import type { TaxTableCatalog } from "../tables/table-catalog.js";
import { carriedOver, defaultProfile, type TaxProfile } from "./profile.js";

/** What `setTaxProfile` changes: absent fields keep their value; a null treatment returns a category to its default. */
export interface ProfileChange {
  year: number;
  jurisdiction?: string;
  filingStatus?: string;
  dependants?: number;
  dividendsQualified?: boolean;
  otherWithholding?: Money;
  revision?: string | null;
  categories?: Array<{ categoryId: string; treatment: CategoryTreatment | null }>;
}

/** At most this many category treatments in one change (a tree has a few hundred categories at most). */
export const MAX_CATEGORY_CHANGES = 500;
const MAX_DEPENDANTS = 20;

type ProfileRow = {
  user_id: string;
  year: number;
  jurisdiction: string;
  filing_status: string;
  dependants: number;
  dividends_qualified: boolean;
  other_withholding_minor: string;
  revision: string | null;
};

export class TaxProfileService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly catalog: TaxTableCatalog,
    private readonly estimates: EstimateStore,
    private readonly settings: UserSettingsStore,
  ) {}

  /**
   * The profile for `year`, or when none is named for the user's current tax year, or the latest
   * year with tables when the current one has none yet (tables follow the law, a year late).
   */
  async forYear(userId: string, year: number | null): Promise<TaxProfile> {
    return this.get(userId, year ?? this.catalog.latestYearUpTo(await this.settings.currentYear(userId)));
  }

  /** The profile for `year`: saved for it, else carried over from the latest earlier year saved, else the defaults. */
  async get(userId: string, year: number, manager: EntityManager = this.dataSource.manager): Promise<TaxProfile> {
    const rows: ProfileRow[] = await manager.query(
      `SELECT user_id, year, jurisdiction, filing_status, dependants, dividends_qualified, other_withholding_minor::text, revision
       FROM tax.profiles WHERE user_id = $1 AND year <= $2 ORDER BY year DESC LIMIT 1`,
      [userId, year],
    );
    const row = rows[0];
    if (!row) return defaultProfile(userId, year);
    const treatments: Array<{ category_id: string; treatment: CategoryTreatment }> = await manager.query(
      `SELECT category_id, treatment FROM tax.category_treatments WHERE user_id = $1 AND year = $2`,
      [userId, row.year],
    );
    const saved: TaxProfile = {
      userId,
      year: row.year,
      jurisdiction: row.jurisdiction,
      filingStatus: row.filing_status,
      dependants: row.dependants,
      dividendsQualified: row.dividends_qualified,
      otherWithholdingMinor: BigInt(row.other_withholding_minor),
      revision: row.revision,
      saved: true,
      carriedFrom: null,
      overrides: new Map(treatments.map((t) => [t.category_id, t.treatment])),
    };
    return row.year === year ? saved : carriedOver(saved, year);
  }

  /** Saves the year's profile (checked against the year's tax tables) and marks the year for a new estimate. */
  async set(userId: string, change: ProfileChange): Promise<TaxProfile> {
    if ((change.categories?.length ?? 0) > MAX_CATEGORY_CHANGES) {
      throw badInput(`at most ${MAX_CATEGORY_CHANGES} category treatments at a time`, { field: "categories" });
    }
    return this.dataSource.transaction(async (manager) => {
      const current = await this.get(userId, change.year, manager);
      const next: TaxProfile = {
        ...current,
        jurisdiction: change.jurisdiction ?? current.jurisdiction,
        filingStatus: change.filingStatus ?? current.filingStatus,
        dependants: change.dependants ?? current.dependants,
        dividendsQualified: change.dividendsQualified ?? current.dividendsQualified,
        revision: change.revision === undefined ? current.revision : change.revision,
      };
      const table = this.catalog.resolve(next.jurisdiction, change.year, next.revision ?? undefined);
      this.catalog.requireFilingStatus(table, next.filingStatus);
      if (!Number.isInteger(next.dependants) || next.dependants < 0 || next.dependants > MAX_DEPENDANTS) {
        throw badInput(`dependants must be a whole number from 0 to ${MAX_DEPENDANTS}`, { field: "dependants" });
      }
      if (change.otherWithholding) {
        if (change.otherWithholding.currency !== table.currency) {
          throw badInput(`otherWithholding must be in ${table.currency}, the currency of the ${next.jurisdiction} tables`, {
            field: "otherWithholding",
          });
        }
        if (change.otherWithholding.amountMinor < 0n) throw badInput("otherWithholding cannot be negative", { field: "otherWithholding" });
        next.otherWithholdingMinor = change.otherWithholding.amountMinor;
      }
      await this.requireOwnCategories(
        manager,
        userId,
        (change.categories ?? []).map((c) => c.categoryId),
      );

      const now = this.clock.now();
      await manager.query(
        `INSERT INTO tax.profiles (user_id, year, jurisdiction, filing_status, dependants, dividends_qualified, other_withholding_minor, revision, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
         ON CONFLICT (user_id, year) DO UPDATE SET jurisdiction = EXCLUDED.jurisdiction, filing_status = EXCLUDED.filing_status,
           dependants = EXCLUDED.dependants, dividends_qualified = EXCLUDED.dividends_qualified,
           other_withholding_minor = EXCLUDED.other_withholding_minor, revision = EXCLUDED.revision, updated_at = EXCLUDED.updated_at`,
        [
          userId,
          change.year,
          next.jurisdiction,
          next.filingStatus,
          next.dependants,
          next.dividendsQualified,
          next.otherWithholdingMinor.toString(),
          next.revision,
          now,
        ],
      );
      // The first save of a year starts from the treatments it carried over.
      const overrides = new Map(current.overrides);
      for (const c of change.categories ?? []) {
        if (c.treatment === null) overrides.delete(c.categoryId);
        else overrides.set(c.categoryId, c.treatment);
      }
      await manager.query(`DELETE FROM tax.category_treatments WHERE user_id = $1 AND year = $2`, [userId, change.year]);
      if (overrides.size > 0) {
        await manager.query(
          `INSERT INTO tax.category_treatments (user_id, year, category_id, treatment) SELECT $1, $2, c, t FROM unnest($3::uuid[], $4::text[]) AS x(c, t)`,
          [userId, change.year, [...overrides.keys()], [...overrides.values()]],
        );
      }
      await this.estimates.markYearsDirty(manager, userId, [change.year]);
      return this.get(userId, change.year, manager);
    });
  }

  /** A merged or deleted category's treatments go with it (its lines now count as the target's). */
  async forgetCategory(manager: EntityManager, userId: string, categoryId: string): Promise<void> {
    await manager.query(`DELETE FROM tax.category_treatments WHERE user_id = $1 AND category_id = $2`, [userId, categoryId]);
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM tax.category_treatments WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM tax.profiles WHERE user_id = $1`, [userId]);
  }

  /** Another user's category, or one tax has not heard of, is NOT_FOUND. */
  private async requireOwnCategories(manager: EntityManager, userId: string, ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    if (!unique.every(isUuid)) throw notFound("category (categories.categoryId)");
    const [row]: Array<{ n: number }> = await manager.query(
      `SELECT count(*)::int AS n FROM tax.categories WHERE user_id = $1 AND id = ANY($2::uuid[])`,
      [userId, unique],
    );
    if (row?.n !== unique.length) throw notFound("category (categories.categoryId)");
  }
}
