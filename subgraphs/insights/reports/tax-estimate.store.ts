import type { EntityManager } from "typeorm";

import type { TaxEstimateChangedV1 } from "../../../schema/events/tax.js";

/** The tax subgraph's estimate per user and year, as last announced on `tax.summary.v1`: what the tax year report prints. */
export class TaxEstimateStore {
  async record(manager: EntityManager, e: TaxEstimateChangedV1, at: string): Promise<void> {
    await manager.query(
      `INSERT INTO insights.tax_estimates (user_id, year, jurisdiction, revision, currency, estimated_tax_minor, withheld_minor, left_to_pay_minor, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (user_id, year) DO UPDATE SET jurisdiction = EXCLUDED.jurisdiction, revision = EXCLUDED.revision, currency = EXCLUDED.currency,
         estimated_tax_minor = EXCLUDED.estimated_tax_minor, withheld_minor = EXCLUDED.withheld_minor,
         left_to_pay_minor = EXCLUDED.left_to_pay_minor, updated_at = EXCLUDED.updated_at
       WHERE insights.tax_estimates.updated_at <= EXCLUDED.updated_at`,
      [e.userId, e.year, e.jurisdiction, e.revision, e.currency, e.estimatedTaxMinor, e.withheldMinor, e.leftToPayMinor, at],
    );
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM insights.tax_estimates WHERE user_id = $1`, [userId]);
  }
}
