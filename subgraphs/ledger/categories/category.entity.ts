import { Column, Entity, PrimaryColumn } from "typeorm";

export const CATEGORY_KINDS = ["INCOME", "EXPENSE"] as const;
export type CategoryKindValue = (typeof CATEGORY_KINDS)[number];

@Entity({ name: "categories" })
export class CategoryEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  /** One level of nesting: a parent is always a top-level category. */
  @Column("uuid", { name: "parent_id", nullable: true })
  parentId!: string | null;

  @Column("text")
  name!: string;

  @Column("text")
  kind!: CategoryKindValue;

  @Column("text", { nullable: true })
  icon!: string | null;

  @Column("text", { nullable: true })
  color!: string | null;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;
}
