import { Column, Entity, PrimaryColumn } from "typeorm";

/** A sign-in on one device: a family of refresh tokens, each used once. */
@Entity({ name: "sessions" })
export class SessionEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  @Column("text", { nullable: true })
  device!: string | null;

  @Column("text", { nullable: true })
  ip!: string | null;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;

  @Column("timestamptz", { name: "last_seen_at" })
  lastSeenAt!: Date;

  @Column("timestamptz", { name: "expires_at" })
  expiresAt!: Date;

  @Column("timestamptz", { name: "revoked_at", nullable: true })
  revokedAt!: Date | null;

  @Column("text", { name: "revoked_reason", nullable: true })
  revokedReason!: string | null;
}

@Entity({ name: "refresh_tokens" })
export class RefreshTokenEntity {
  /** SHA-256 of the opaque token; the token itself is never stored. */
  @PrimaryColumn("text", { name: "token_hash" })
  tokenHash!: string;

  @Column("uuid", { name: "session_id" })
  sessionId!: string;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;

  /** Set when exchanged; presenting it again means it was stolen (or replayed). */
  @Column("timestamptz", { name: "used_at", nullable: true })
  usedAt!: Date | null;
}
