import { Column, Entity, PrimaryColumn } from "typeorm";

/** A role beyond the scopes every user holds over their own data; only `admin` exists. */
@Entity({ name: "user_roles" })
export class UserRoleEntity {
  @PrimaryColumn("uuid", { name: "user_id" })
  userId!: string;

  @PrimaryColumn("text")
  role!: "admin";

  @Column("timestamptz", { name: "granted_at" })
  grantedAt!: Date;
}
