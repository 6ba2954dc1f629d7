import { Column, Entity, PrimaryColumn } from "typeorm";

/** Someone the user lends to or borrows from: a name in their address book, not an account. */
@Entity({ name: "contacts" })
export class ContactEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  @Column("text")
  name!: string;

  @Column("text", { nullable: true })
  email!: string | null;

  @Column("text", { nullable: true })
  notes!: string | null;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;

  @Column("timestamptz", { name: "updated_at" })
  updatedAt!: Date;
}
