import { Column, Entity, PrimaryColumn } from "typeorm";

export const EmailTokenPurpose = {
  VERIFY_EMAIL: "verify_email",
  RESET_PASSWORD: "reset_password",
} as const;
export type EmailTokenPurpose = (typeof EmailTokenPurpose)[keyof typeof EmailTokenPurpose];

/** A single-use link token; only its SHA-256 is stored, the token itself exists only in the mail. */
@Entity({ name: "email_tokens" })
export class EmailTokenEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  @Column("text")
  purpose!: EmailTokenPurpose;

  @Column("text", { name: "token_hash", unique: true })
  tokenHash!: string;

  @Column("timestamptz", { name: "expires_at" })
  expiresAt!: Date;

  @Column("timestamptz", { name: "used_at", nullable: true })
  usedAt!: Date | null;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;
}
