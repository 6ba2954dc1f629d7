import { Arg, Ctx, Directive, ID, Mutation, Query, Resolver } from "type-graphql";

import { type RequestContext, requireUserId, scopes } from "../../../platform/graphql/index.js";
import type { LedgerDeps } from "../ledger.deps.js";
import { Transaction } from "../transactions/transaction.type.js";
import { CategorySuggestionSettingsInput } from "./suggestion.inputs.js";
import { CategorySuggestionSettings } from "./suggestion.type.js";

@Resolver()
export class SuggestionResolver {
  constructor(private readonly deps: LedgerDeps) {}

  @Directive(scopes("ledger:read"))
  @Query(() => CategorySuggestionSettings, {
    description: "Whether the ledger applies insights' category suggestions, and from which confidence.",
  })
  async categorySuggestionSettings(@Ctx() context: RequestContext): Promise<CategorySuggestionSettings> {
    return CategorySuggestionSettings.from(await this.deps.suggestions.settings(requireUserId(context)));
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => CategorySuggestionSettings, {
    description: "Applies to suggestions that arrive from now on; BAD_USER_INPUT (field minConfidence) outside 0.50 to 1.00.",
  })
  async setCategorySuggestions(
    @Ctx() context: RequestContext,
    @Arg("input", () => CategorySuggestionSettingsInput) input: CategorySuggestionSettingsInput,
  ): Promise<CategorySuggestionSettings> {
    return CategorySuggestionSettings.from(await this.deps.suggestions.setSettings(requireUserId(context), input));
  }

  @Directive(scopes("ledger:write"))
  @Mutation(() => Transaction, {
    description:
      "Returns a transaction whose category is an applied suggestion to uncategorised. BAD_USER_INPUT when it carries none (never applied, undone, or changed since).",
  })
  async undoCategorySuggestion(@Ctx() context: RequestContext, @Arg("id", () => ID) id: string): Promise<Transaction> {
    const stored = await this.deps.suggestions.undo(requireUserId(context), id, context.traceId);
    return Transaction.from(stored.transaction);
  }
}
