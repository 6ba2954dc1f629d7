import { Column, Entity, PrimaryColumn } from "typeorm";

/** A provider account (`provider` + its stable `sub`) that signs in as one Moneta user. */
@Entity({ name: "external_identities" })
export class ExternalIdentityEntity {
  @PrimaryColumn("text")
  provider!: string;

  /** The provider's `sub` claim: stable and never reassigned, unlike the e-mail address. */
  @PrimaryColumn("text")
  subject!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  /** The address the provider last reported, for the owner to recognise the link; never used to match. */
  @Column("text", { nullable: true })
  email!: string | null;

  @Column("timestamptz", { name: "linked_at" })
  linkedAt!: Date;
}
