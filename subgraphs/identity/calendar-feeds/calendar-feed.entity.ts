import { Column, Entity, PrimaryColumn } from "typeorm";

/** A user's private calendar feed. The secret is shown once; revoking drops its hash for good. */
@Entity({ name: "calendar_feeds" })
export class CalendarFeedEntity {
  @PrimaryColumn("uuid", { name: "user_id" })
  userId!: string;

  // Left out of every SELECT unless asked for, so no read or export can leak it by accident.
  @Column("text", { name: "secret_hash", nullable: true, select: false })
  secretHash?: string | null;

  /** When the current secret was issued. */
  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;

  /** Coarse on purpose: written at most once a minute. */
  @Column("timestamptz", { name: "last_fetched_at", nullable: true })
  lastFetchedAt!: Date | null;

  @Column("timestamptz", { name: "revoked_at", nullable: true })
  revokedAt!: Date | null;
}
