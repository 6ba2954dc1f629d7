import { Column, Entity, PrimaryColumn } from "typeorm";

import { bigintColumn } from "../../../platform/db/bigint.transformer.js";

export const COST_BASIS_METHODS = ["FIFO", "AVERAGE_COST"] as const;
export type CostBasisMethodName = (typeof COST_BASIS_METHODS)[number];

/** A set of holdings valued and measured together, in one currency. */
@Entity({ name: "portfolios" })
export class PortfolioEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  @Column("text")
  name!: string;

  /** Values, returns and allocation are reported in it; holdings keep their securities' currencies. */
  @Column("char", { length: 3 })
  currency!: string;

  /** How a SELL picks the lots it closes. Lots are replayed, so changing it would restate history. */
  @Column("text", { name: "cost_basis_method" })
  costBasisMethod!: CostBasisMethodName;

  /** The ledger account holding the portfolio's cash, if the user linked one. */
  @Column("uuid", { name: "ledger_account_id", nullable: true })
  ledgerAccountId!: string | null;

  /** Raised by every write to the activity: a replay cached under (id, version) is current. */
  @Column("bigint", { transformer: bigintColumn, default: 0 })
  version!: bigint;

  /** Archived portfolios are read-only. */
  @Column("timestamptz", { name: "archived_at", nullable: true })
  archivedAt!: Date | null;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;

  @Column("timestamptz", { name: "updated_at" })
  updatedAt!: Date;
}
