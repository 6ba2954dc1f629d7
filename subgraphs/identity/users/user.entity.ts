import { Column, Entity, PrimaryColumn } from "typeorm";

@Entity({ name: "users" })
export class UserEntity {
  @PrimaryColumn("uuid")
  id!: string;

  /** Normalised (trimmed, lower-case); unique. */
  @Column("text", { unique: true })
  email!: string;

  @Column("text", { name: "display_name" })
  displayName!: string;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;
}
