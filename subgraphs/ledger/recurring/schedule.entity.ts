import { Column, Entity, PrimaryColumn } from "typeorm";

import { bigintColumn } from "../../../platform/db/bigint.transformer.js";
import type { Frequency } from "../../../platform/time/recurrence/index.js";

@Entity({ name: "schedules" })
export class ScheduleEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  @Column("uuid", { name: "account_id" })
  accountId!: string;

  @Column("uuid", { name: "category_id", nullable: true })
  categoryId!: string | null;

  /** Signed like a transaction: a bill is negative. */
  @Column("bigint", { name: "amount_minor", transformer: bigintColumn })
  amountMinor!: bigint;

  @Column("char", { length: 3 })
  currency!: string;

  @Column("text")
  payee!: string;

  @Column("text")
  notes!: string;

  @Column("text")
  frequency!: Frequency;

  @Column("integer")
  interval!: number;

  @Column("smallint", { name: "day_of_month", nullable: true })
  dayOfMonth!: number | null;

  @Column("date", { name: "start_date" })
  startDate!: string;

  @Column("date", { name: "end_date", nullable: true })
  endDate!: string | null;

  /** The next occurrence not yet posted; null once the schedule has ended. */
  @Column("date", { name: "next_due", nullable: true })
  nextDue!: string | null;

  @Column("smallint", { name: "remind_days_before" })
  remindDaysBefore!: number;

  /** The occurrence a BillDue went out for, so it goes out once. */
  @Column("date", { name: "reminded_for", nullable: true })
  remindedFor!: string | null;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;
}
