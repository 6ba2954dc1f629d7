import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * One started sign-in, waiting for the provider to send the user back. Holds the secrets the
 * callback must be checked against; the `state` itself is only stored hashed, since it is what
 * the caller presents to find the attempt.
 */
@Entity({ name: "external_login_attempts" })
export class ExternalLoginAttemptEntity {
  @PrimaryColumn("text", { name: "state_hash" })
  stateHash!: string;

  @Column("text")
  provider!: string;

  /** Compared with the ID token's `nonce`, which binds the token to this attempt. */
  @Column("text")
  nonce!: string;

  /** PKCE verifier: sent with the code, so a stolen code is useless without it. */
  @Column("text", { name: "code_verifier" })
  codeVerifier!: string;

  @Column("text", { name: "redirect_uri" })
  redirectUri!: string;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;

  @Column("timestamptz", { name: "expires_at" })
  expiresAt!: Date;

  /** Set when a callback claims the attempt; a state is good for one try, whatever the outcome. */
  @Column("timestamptz", { name: "used_at", nullable: true })
  usedAt!: Date | null;

  @Column("text", { name: "created_ip", nullable: true })
  createdIp!: string | null;
}
