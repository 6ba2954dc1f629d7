import { Column, Entity, PrimaryColumn } from "typeorm";

/** A single-use code that lets one person join one group before it expires. Only its hash is kept. */
@Entity({ name: "invites" })
export class InviteEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "group_id" })
  groupId!: string;

  @Column("text", { name: "code_hash" })
  codeHash!: string;

  /** The member who made it. */
  @Column("uuid", { name: "created_by" })
  createdBy!: string;

  @Column("timestamptz", { name: "expires_at" })
  expiresAt!: Date;

  @Column("timestamptz", { name: "revoked_at", nullable: true })
  revokedAt!: Date | null;

  @Column("timestamptz", { name: "used_at", nullable: true })
  usedAt!: Date | null;

  @Column("uuid", { name: "used_by", nullable: true })
  usedBy!: string | null;

  /** What the joiner becomes: MEMBER, or VIEWER (sees everything, changes nothing). */
  @Column("text")
  role!: "MEMBER" | "VIEWER";

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;
}
