import type { ConsumerDefinition } from "../../../platform/events/index.js";
import { TAX_ESTIMATE_CHANGED, TAX_SUMMARY_TOPIC, type TaxSummaryEvents } from "../../../schema/events/tax.js";
import type { TaxEstimateStore } from "../reports/tax-estimate.store.js";

/** The tax subgraph's yearly estimates, for the tax year report; an older event never overwrites a newer one. */
export function taxSummaryConsumer(estimates: TaxEstimateStore): ConsumerDefinition<TaxSummaryEvents> {
  return {
    name: "insights-tax-summary",
    topics: [TAX_SUMMARY_TOPIC],
    handlers: {
      [TAX_ESTIMATE_CHANGED]: (event, manager) => estimates.record(manager, event.data, event.occurredAt),
    },
  };
}
