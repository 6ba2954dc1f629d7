import { Column, Entity, PrimaryColumn } from "typeorm";

export const SECURITY_KINDS = ["STOCK", "ETF", "FUND", "BOND", "CRYPTO", "CASH", "OTHER"] as const;
export type SecurityKindName = (typeof SECURITY_KINDS)[number];

/**
 * Something a portfolio can hold. Shared (no `userId`): known to a price feed and seen by every
 * signed-in user. User-defined (`userId` set): for what no feed knows, seen by its owner alone.
 */
@Entity({ name: "securities" })
export class SecurityEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "user_id", nullable: true })
  userId!: string | null;

  /** Upper case; unique per owner (a user's own may shadow a shared one). */
  @Column("text")
  symbol!: string;

  @Column("text")
  name!: string;

  @Column("text")
  kind!: SecurityKindName;

  /** Its prices are in this currency. */
  @Column("char", { length: 3 })
  currency!: string;

  @Column("text", { nullable: true })
  exchange!: string | null;

  /** The feed's name for it; set on shared securities the daily refresh keeps priced. */
  @Column("text", { name: "provider_symbol", nullable: true })
  providerSymbol!: string | null;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;
}
