import { Column, Entity, PrimaryColumn } from "typeorm";

/** A user's rate for one day: 1 `fromCurrency` = `rate` `toCurrency`. Kept as PostgreSQL numeric text. */
@Entity({ name: "exchange_rates" })
export class ExchangeRateEntity {
  @PrimaryColumn("uuid", { name: "user_id" })
  userId!: string;

  @PrimaryColumn("char", { name: "from_currency", length: 3 })
  fromCurrency!: string;

  @PrimaryColumn("char", { name: "to_currency", length: 3 })
  toCurrency!: string;

  @PrimaryColumn("date")
  date!: string;

  @Column("numeric")
  rate!: string;

  @Column("timestamptz", { name: "updated_at" })
  updatedAt!: Date;
}
