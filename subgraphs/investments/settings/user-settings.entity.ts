import { Column, Entity, PrimaryColumn } from "typeorm";

/** Investments' copy of identity's preferences (from `identity.user.v1`): net worth's currency and the user's day. */
@Entity({ name: "user_settings" })
export class UserSettingsEntity {
  @PrimaryColumn("uuid", { name: "user_id" })
  userId!: string;

  @Column("char", { name: "base_currency", length: 3 })
  baseCurrency!: string;

  /** IANA zone: the user's "today" (no trade after it; valuations as of it). */
  @Column("text")
  timezone!: string;

  @Column("timestamptz", { name: "updated_at" })
  updatedAt!: Date;
}
