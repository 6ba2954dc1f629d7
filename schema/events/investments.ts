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
// portfolios and their activity: every key is the user id; quantities and ratios are exact
// decimal strings
// ---------------------------------------------------------------------------------------------

/** Key = user id. A portfolio's activity: each entry, edit and deletion, and realized lots for tax. */
export const INVESTMENTS_TRANSACTION_TOPIC = "investments.transaction.v1" as const;

export const INVESTMENT_TRANSACTION_RECORDED = "InvestmentTransactionRecorded" as const;
export const INVESTMENT_TRANSACTION_UPDATED = "InvestmentTransactionUpdated" as const;
export const INVESTMENT_TRANSACTION_DELETED = "InvestmentTransactionDeleted" as const;
/**
 * Lots are replayed, so an entry, edit or deletion dated before later sales changes which lots
 * those sales closed: this restates every SELL of the security from `from` on.
 */
export const REALIZED_GAINS_RESTATED = "RealizedGainsRestated" as const;

export type InvestmentActivityTypeV1 = "BUY" | "SELL" | "DIVIDEND" | "INTEREST" | "FEE" | "SPLIT" | "DEPOSIT" | "WITHDRAWAL";

export interface InvestmentTransactionSnapshotV1 {
  transactionId: string;
  portfolioId: string;
  userId: string;
  type: InvestmentActivityTypeV1;
  /** Null for cash movements and for fees and interest not tied to a security. */
  securityId: string | null;
  symbol: string | null;
  /** YYYY-MM-DD. */
  date: string;
  /** Of priceMinor, feeMinor and amountMinor. */
  currency: string;
  quantity: string | null;
  priceMinor: string | null;
  feeMinor: string;
  amountMinor: string | null;
  /** New units per old unit (SPLIT). */
  splitRatio: string | null;
}

/** Part of a lot a sale closed. Short term: held one year or less. */
export interface RealizedLotV1 {
  /** The BUY that opened the lot. */
  openedBy: string;
  acquiredOn: string;
  soldOn: string;
  quantity: string;
  /** Including the buy's fee, pro rata. */
  costMinor: string;
  /** Net of the sale's fee, pro rata. */
  proceedsMinor: string;
  gainMinor: string;
  term: "SHORT" | "LONG";
}

export interface InvestmentTransactionRecordedV1 {
  transaction: InvestmentTransactionSnapshotV1;
  /** The lots a SELL closed (empty for other types). */
  realizedLots: RealizedLotV1[];
}

export interface InvestmentTransactionUpdatedV1 {
  before: InvestmentTransactionSnapshotV1;
  after: InvestmentTransactionSnapshotV1;
  /** The lots the SELL now closes (empty for other types). */
  realizedLots: RealizedLotV1[];
}

export interface InvestmentTransactionDeletedV1 {
  transaction: InvestmentTransactionSnapshotV1;
}

export interface RestatedSaleV1 {
  transactionId: string;
  date: string;
  realizedLots: RealizedLotV1[];
}

export interface RealizedGainsRestatedV1 {
  userId: string;
  portfolioId: string;
  securityId: string;
  currency: string;
  /** Every SELL of the security on or after this date, as it now stands (replace what you kept). */
  from: string;
  sales: RestatedSaleV1[];
}

/** Payloads on `investments.transaction.v1`, by event type. */
export type InvestmentsTransactionEvents = {
  [INVESTMENT_TRANSACTION_RECORDED]: InvestmentTransactionRecordedV1;
  [INVESTMENT_TRANSACTION_UPDATED]: InvestmentTransactionUpdatedV1;
  [INVESTMENT_TRANSACTION_DELETED]: InvestmentTransactionDeletedV1;
  [REALIZED_GAINS_RESTATED]: RealizedGainsRestatedV1;
};

/** Key = user id. A portfolio or anything its figures depend on changed (live dashboards re-read it). */
export const INVESTMENTS_PORTFOLIO_TOPIC = "investments.portfolio.v1" as const;

export const PORTFOLIO_UPDATED = "PortfolioUpdated" as const;

export type PortfolioChangeV1 = "CREATED" | "RENAMED" | "ARCHIVED" | "LEDGER_ACCOUNT" | "ACTIVITY" | "PRICES" | "USER_DELETED";

export interface PortfolioUpdatedV1 {
  portfolioId: string;
  userId: string;
  change: PortfolioChangeV1;
  /**
   * What the portfolio is worth at the end of `valuedOn` after the change, in `currency` minor
   * units: its holdings at the latest close on or before that day, plus its cash unless a ledger
   * account holds it (the ledger counts that cash; leaving it out keeps net worth from counting it
   * twice). Absent when a held security has no close or a currency no rate by then (never a
   * guess), on USER_DELETED, and in events written before the field existed.
   */
  valueMinor?: string;
  /** The portfolio's currency, which `valueMinor` is in. */
  currency?: string;
  /** YYYY-MM-DD: the owner's own day the value is for (today where they live). */
  valuedOn?: string;
  /** Archived portfolios take no new activity but still hold what they held and move with prices. */
  archived?: boolean;
}

/** Payloads on `investments.portfolio.v1`, by event type. */
export type InvestmentsPortfolioEvents = {
  [PORTFOLIO_UPDATED]: PortfolioUpdatedV1;
};

// ---------------------------------------------------------------------------------------------
// every topic
// ---------------------------------------------------------------------------------------------

/** Every investments topic and what it carries. */
export type InvestmentsTopics = {
  [INVESTMENTS_PRICE_TOPIC]: InvestmentsPriceEvents;
  [INVESTMENTS_TRANSACTION_TOPIC]: InvestmentsTransactionEvents;
  [INVESTMENTS_PORTFOLIO_TOPIC]: InvestmentsPortfolioEvents;
};
