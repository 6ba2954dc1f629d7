import { Arg, Ctx, Directive, Query, Resolver } from "type-graphql";

import { badInput } from "../../../platform/errors/index.js";
import { type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import { MoneyInput } from "../../../platform/money/index.js";
import type { InsightsDeps } from "../insights.deps.js";
import { MAX_TEXT_LENGTH } from "./payee-tokens.js";
import { CategorySuggestion } from "./suggestion.type.js";

@Resolver()
export class CategorizerResolver {
  constructor(private readonly deps: InsightsDeps) {}

  @Directive(scopes("insights:read"))
  @Query(() => [CategorySuggestion], {
    description:
      "The three likeliest categories for a transaction, from a naive Bayes model trained on your own categorised transactions " +
      "(payee and note words, and the amount's size; your own choices weigh three times a rule's). Empty until it has learnt something.",
  })
  async suggestCategory(
    @Ctx() context: RequestContext,
    @Arg("payee", () => String) payee: string,
    @Arg("amount", () => MoneyInput, { description: "Signed like a transaction: money out negative." }) amount: MoneyInput,
    @Arg("notes", () => String, { nullable: true }) notes: string | null,
  ): Promise<CategorySuggestion[]> {
    const userId = requireUserId(context);
    if (payee.length > MAX_TEXT_LENGTH) throw badInput(`payee may be at most ${MAX_TEXT_LENGTH} characters`, { field: "payee" });
    if ((notes?.length ?? 0) > MAX_TEXT_LENGTH) throw badInput(`notes may be at most ${MAX_TEXT_LENGTH} characters`, { field: "notes" });
    const money = amount.toMoney();
    const suggestions = await this.deps.categorizer.suggestions(userId, { payee, notes: notes ?? "", amountMinor: money.amountMinor });
    const names = new Map((await this.deps.categories.list(userId)).map((c) => [c.id, c.name]));
    return suggestions.map((s) =>
      Object.assign(new CategorySuggestion(), {
        categoryId: s.categoryId,
        name: names.get(s.categoryId) ?? null,
        confidence: s.confidence,
      }),
    );
  }
}
