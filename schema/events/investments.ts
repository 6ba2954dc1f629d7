/**
 * investments' event contract: topics, event types and payloads (see identity.ts for the rules of
 * this folder). Amounts are strings of minor units; dates are YYYY-MM-DD.
 */

// ---------------------------------------------------------------------------------------------
// market data
// ---------------------------------------------------------------------------------------------

/**
 * Daily closes were added or replaced. Key = the user id for a user's own prices, the security id
 * for shared ones (a feed's), so one security's shared updates stay in order.
 */
export const INVESTMENTS_PRICE_TOPIC = "investments.price.v1" as const;

export const PRICES_UPDATED = "PricesUpdated" as const;

export interface PricesUpdatedV1 {
  securityIds: string[];
  /** The user whose own prices changed; null: shared prices, which every holder sees. */
  userId: string | null;
  /** The first and last day among the changed prices (inclusive). */
  dates: { from: string; to: string };
}

/** Payloads on `investments.price.v1`, by event type. */
export type InvestmentsPriceEvents = {
  [PRICES_UPDATED]: PricesUpdatedV1;
};

// ---------------------------------------------------------------------------------------------
// every topic
// ---------------------------------------------------------------------------------------------

/** Every investments topic and what it carries. */
export type InvestmentsTopics = {
  [INVESTMENTS_PRICE_TOPIC]: InvestmentsPriceEvents;
};
