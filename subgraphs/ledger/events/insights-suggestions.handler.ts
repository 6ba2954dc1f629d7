import type { ConsumerDefinition } from "../../../platform/events/index.js";
import { CATEGORY_SUGGESTED, INSIGHTS_SUGGESTION_TOPIC, type InsightsSuggestionEvents } from "../../../schema/events/insights.js";
import type { SuggestionService } from "../suggestions/suggestion.service.js";

/** The categories insights suggests for new uncategorised transactions, applied once each (the inbox) when the user lets them. */
export function insightsSuggestionsConsumer(suggestions: SuggestionService): ConsumerDefinition<InsightsSuggestionEvents> {
  return {
    // The consumer group and inbox entries are `ledger.category-suggestions`: renaming it replays history.
    name: "category-suggestions",
    topics: [INSIGHTS_SUGGESTION_TOPIC],
    handlers: {
      [CATEGORY_SUGGESTED]: (event, manager) => suggestions.consider(manager, event.data, event.key, event.traceId),
    },
  };
}
