import { Column, Entity, PrimaryColumn } from "typeorm";

@Entity({ name: "audit_events" })
export class AuditEventEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  @Column("text")
  type!: string;

  @Column("text", { nullable: true })
  ip!: string | null;

  @Column("text", { name: "user_agent", nullable: true })
  userAgent!: string | null;

  @Column("jsonb")
  details!: Record<string, unknown>;

  @Column("timestamptz", { name: "occurred_at" })
  occurredAt!: Date;
}
