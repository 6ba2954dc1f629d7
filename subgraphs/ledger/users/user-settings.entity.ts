import { Column, Entity, PrimaryColumn } from "typeorm";

/** The ledger's read model of identity's preferences (from `identity.user.v1`): only what it needs. */
@Entity({ name: "user_settings" })
export class UserSettingsEntity {
  @PrimaryColumn("uuid", { name: "user_id" })
  userId!: string;

  @Column("char", { name: "base_currency", length: 3 })
  baseCurrency!: string;

  @Column("timestamptz", { name: "updated_at" })
  updatedAt!: Date;
}
