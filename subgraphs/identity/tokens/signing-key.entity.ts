import type { JWK } from "jose";
import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * An access-token signing key. The private key is stored as PKCS#8 PEM; a production deployment
 * would keep it in a KMS instead (see README).
 */
@Entity({ name: "signing_keys" })
export class SigningKeyEntity {
  @PrimaryColumn("text")
  kid!: string;

  @Column("text")
  algorithm!: string;

  @Column("jsonb", { name: "public_jwk" })
  publicJwk!: JWK;

  @Column("text", { name: "private_key_pem" })
  privateKeyPem!: string;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;

  /** When it stopped signing; its public key stays published until tokens it signed have expired. */
  @Column("timestamptz", { name: "retired_at", nullable: true })
  retiredAt!: Date | null;
}
