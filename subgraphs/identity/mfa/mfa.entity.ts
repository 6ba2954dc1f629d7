import { Column, Entity, PrimaryColumn } from "typeorm";

/** A single-use recovery code, for when the authenticator is out of reach. */
@Entity({ name: "mfa_backup_codes" })
export class MfaBackupCodeEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  /** SHA-256 of the user id and the normalised code; the code itself is shown once, never stored. */
  @Column("text", { name: "code_hash" })
  codeHash!: string;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;

  @Column("timestamptz", { name: "used_at", nullable: true })
  usedAt!: Date | null;
}

/** The password step passed; a code is still owed. Short-lived and consumed by the sign-in. */
@Entity({ name: "mfa_challenges" })
export class MfaChallengeEntity {
  /** SHA-256 of the opaque challenge handed to the client. */
  @PrimaryColumn("text", { name: "token_hash" })
  tokenHash!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;

  @Column("timestamptz", { name: "expires_at" })
  expiresAt!: Date;

  @Column("timestamptz", { name: "used_at", nullable: true })
  usedAt!: Date | null;

  /** Where the password step came from, for the security log. */
  @Column("text", { nullable: true })
  ip!: string | null;

  @Column("text", { name: "user_agent", nullable: true })
  userAgent!: string | null;
}
