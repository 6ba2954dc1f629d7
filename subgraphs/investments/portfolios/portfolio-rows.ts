import type { EntityManager } from "typeorm";

import { isUuid } from "../../../platform/time/index.js";
import { type CostBasisMethodName, PortfolioEntity } from "./portfolio.entity.js";

/** The columns portfolioFromRow reads. */
export const COLUMNS = `id, user_id, name, currency, cost_basis_method, ledger_account_id, version::text AS version, archived_at, created_at, updated_at`;

export function portfolioFromRow(row: Record<string, unknown>): PortfolioEntity {
  return Object.assign(new PortfolioEntity(), {
    id: row.id as string,
    userId: row.user_id as string,
    name: row.name as string,
    currency: (row.currency as string).trim(),
    costBasisMethod: row.cost_basis_method as CostBasisMethodName,
    ledgerAccountId: (row.ledger_account_id as string | null) ?? null,
    version: BigInt(row.version as string),
    archivedAt: row.archived_at ? new Date(row.archived_at as string) : null,
    createdAt: new Date(row.created_at as string),
    updatedAt: new Date(row.updated_at as string),
  });
}

/** The user's portfolios among `ids`, in any order; others' and malformed ids are left out. */
export async function portfoliosAmong(manager: EntityManager, userId: string, ids: readonly string[]): Promise<PortfolioEntity[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  const rows: Array<Record<string, unknown>> = await manager.query(
    `SELECT ${COLUMNS} FROM investments.portfolios WHERE user_id = $1 AND id = ANY($2::uuid[])`,
    [userId, valid],
  );
  return rows.map(portfolioFromRow);
}
