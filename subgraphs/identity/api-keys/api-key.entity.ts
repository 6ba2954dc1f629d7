import { Column, Entity, PrimaryColumn } from "typeorm";

/** An integrator's credential. Only the SHA-256 of the secret is kept; the secret is shown once. */
@Entity({ name: "api_keys" })
export class ApiKeyEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  @Column("text")
  name!: string;

  /** The visible part of the secret, so users can tell their keys apart. */
  @Column("text")
  prefix!: string;

  // Left out of every SELECT unless asked for, so no list or export can leak it by accident.
  @Column("text", { name: "secret_hash", select: false })
  secretHash?: string;

  @Column("text", { array: true })
  scopes!: string[];

  /** Only persisted (safelisted) operations may run with this key. */
  @Column("boolean", { name: "safelist_only" })
  safelistOnly!: boolean;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;

  /** Coarse on purpose: written at most once a minute per key. */
  @Column("timestamptz", { name: "last_used_at", nullable: true })
  lastUsedAt!: Date | null;

  @Column("timestamptz", { name: "revoked_at", nullable: true })
  revokedAt!: Date | null;
}
