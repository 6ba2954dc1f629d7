import { Column, Entity, PrimaryColumn } from "typeorm";

/** Budgets' copy of identity's preferences (from `identity.user.v1`): currency and period alignment. */
@Entity({ name: "user_settings" })
export class UserSettingsEntity {
  @PrimaryColumn("uuid", { name: "user_id" })
  userId!: string;

  @Column("char", { name: "base_currency", length: 3 })
  baseCurrency!: string;

  /** ISO: 1 = Monday … 7 = Sunday, as identity keeps it. */
  @Column("smallint", { name: "first_day_of_week" })
  firstDayOfWeek!: number;

  /** 1-28. */
  @Column("smallint", { name: "month_start_day" })
  monthStartDay!: number;

  /** IANA zone: the user's "today". */
  @Column("text")
  timezone!: string;

  @Column("timestamptz", { name: "updated_at" })
  updatedAt!: Date;
}
