import { Column, Entity, PrimaryColumn } from "typeorm";

import type { TransactionFilter } from "../transactions/transaction.inputs.js";

export type RuleApplicationStatus = "QUEUED" | "RUNNING" | "COMPLETED" | "FAILED";

/** One `applyRules` call: the rules re-run over the transactions its filter matches, in a background job. */
@Entity({ name: "rule_applications" })
export class RuleApplicationEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  @Column("text")
  status!: RuleApplicationStatus;

  /** Income and expenses the rules ran over so far (locked ones are skipped, not counted). */
  @Column("integer")
  examined!: number;

  @Column("integer")
  changed!: number;

  /** The filter as the client sent it (JSON-safe), prepared again by the job. */
  @Column("jsonb", { nullable: true })
  filter!: TransactionFilter | null;

  /** Why it FAILED, for the user (unexpected errors are masked, naming the job). */
  @Column("text", { nullable: true })
  error!: string | null;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;

  @Column("timestamptz", { name: "started_at", nullable: true })
  startedAt!: Date | null;

  @Column("timestamptz", { name: "finished_at", nullable: true })
  finishedAt!: Date | null;
}
