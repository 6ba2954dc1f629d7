import { Decimal } from "decimal.js";
import { Field, ID, ObjectType } from "type-graphql";

import type { TransactionEntity } from "../transactions/transaction.entity.js";
import type { SuggestionSettings } from "./suggestion.terms.js";

@ObjectType("AppliedCategorySuggestion", {
  description: "The category insights suggested and the ledger applied; undoCategorySuggestion takes it back.",
})
export class AppliedCategorySuggestion {
  @Field(() => ID)
  categoryId!: string;

  @Field(() => String, { description: 'How sure insights was, a decimal from 0 to 1 ("0.9312").' })
  confidence!: string;

  @Field(() => String, { description: "When the ledger applied it (ISO 8601)." })
  appliedAt!: string;

  /** The mark on `t`, or null when its category is no applied suggestion. */
  static of(t: TransactionEntity): AppliedCategorySuggestion | null {
    if (!t.suggestedCategoryId || !t.suggestionConfidence || !t.suggestionAppliedAt) return null;
    return Object.assign(new AppliedCategorySuggestion(), {
      categoryId: t.suggestedCategoryId,
      // As insights announces it, four places.
      confidence: new Decimal(t.suggestionConfidence).toFixed(4),
      appliedAt: t.suggestionAppliedAt.toISOString(),
    });
  }
}

@ObjectType("CategorySuggestionSettings", { description: "Whether and from which confidence insights' category suggestions are applied." })
export class CategorySuggestionSettings {
  @Field(() => Boolean, { description: "Apply suggestions to new uncategorised transactions (default true)." })
  autoApply!: boolean;

  @Field(() => String, { description: 'The least confidence applied, a decimal from 0.50 to 1.00 (default "0.90").' })
  minConfidence!: string;

  static from(settings: SuggestionSettings): CategorySuggestionSettings {
    return Object.assign(new CategorySuggestionSettings(), { autoApply: settings.autoApply, minConfidence: settings.minConfidence });
  }
}
