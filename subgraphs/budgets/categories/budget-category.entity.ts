import { Column, Entity, PrimaryColumn } from "typeorm";

/** Budgets' copy of the ledger's category tree (from `ledger.category.v1`): ownership, nesting, kind. */
@Entity({ name: "categories" })
export class BudgetCategoryEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  @Column("uuid", { name: "parent_id", nullable: true })
  parentId!: string | null;

  @Column("text")
  kind!: string;
}
