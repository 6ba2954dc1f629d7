import { Column, Entity, PrimaryColumn } from "typeorm";

/** Conditions and actions as stored: the engine's shapes with amounts as strings of minor units. */
export interface StoredConditions {
  payee?: { operator: string; value: string; caseSensitive?: boolean } | null;
  notes?: { operator: string; value: string; caseSensitive?: boolean } | null;
  amountMinMinor?: string | null;
  amountMaxMinor?: string | null;
  currency?: string | null;
  accountIds?: string[] | null;
}
export interface StoredActions {
  setCategoryId?: string | null;
  renamePayee?: string | null;
  addTags?: string[] | null;
}

@Entity({ name: "rules" })
export class RuleEntity {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("uuid", { name: "user_id" })
  userId!: string;

  @Column("text")
  name!: string;

  @Column("integer")
  position!: number;

  @Column("boolean")
  enabled!: boolean;

  @Column("jsonb")
  conditions!: StoredConditions;

  @Column("jsonb")
  actions!: StoredActions;

  @Column("timestamptz", { name: "created_at" })
  createdAt!: Date;
}
