import { Column, Entity, PrimaryColumn } from "typeorm";

/** A user's choice about insights' category suggestions; no row: the defaults (suggestion.terms.ts). */
@Entity({ name: "category_suggestion_settings" })
export class CategorySuggestionSettingsEntity {
  @PrimaryColumn("uuid", { name: "user_id" })
  userId!: string;

  @Column("boolean", { name: "auto_apply" })
  autoApply!: boolean;

  /** Decimal text, 0.5 to 1. */
  @Column("numeric", { name: "min_confidence" })
  minConfidence!: string;

  @Column("timestamptz", { name: "updated_at" })
  updatedAt!: Date;
}
