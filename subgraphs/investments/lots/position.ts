import { type Decimal } from "decimal.js";

export type CostBasisMethod = "FIFO" | "AVERAGE_COST";
export const COST_BASIS_METHODS: readonly CostBasisMethod[] = ["FIFO", "AVERAGE_COST"];

export type ActivityType = "BUY" | "SELL" | "DIVIDEND" | "INTEREST" | "FEE" | "SPLIT" | "DEPOSIT" | "WITHDRAWAL";
export const ACTIVITY_TYPES: readonly ActivityType[] = ["BUY", "SELL", "DIVIDEND", "INTEREST", "FEE", "SPLIT", "DEPOSIT", "WITHDRAWAL"];

/** One recorded activity for one security, money in the security's currency's minor units. */
export interface Activity {
  id: string;
  type: ActivityType;
  /** YYYY-MM-DD. */
  date: string;
  /** Order within a day (creation order): a buy and a sell on one day replay as they were entered. */
  sequence: number;
  /** BUY and SELL: units traded, positive, at most 18 decimals. */
  quantity: Decimal | null;
  /** BUY and SELL: price per unit in minor units. */
  priceMinor: bigint | null;
  /** Every type: a BUY's fee joins the lot's cost, a SELL's reduces proceeds, any other is a fee paid. */
  feeMinor: bigint;
  /** DIVIDEND, INTEREST, FEE, DEPOSIT, WITHDRAWAL: the cash amount, not negative. */
  amountMinor: bigint | null;
  /** SPLIT: new units per old unit, 2 for a 2-for-1 split, 0.1 for a 1-for-10 reverse split. */
  splitRatio: Decimal | null;
}

export interface Lot {
  /** The BUY that opened it. */
  openedBy: string;
  acquiredOn: string;
  quantity: Decimal;
  /** The cost of what is left of the lot, its share of the buying fee included. */
  costMinor: bigint;
}

export type HoldingTerm = "SHORT" | "LONG";

/** The part of one lot that one SELL closed. */
export interface RealizedLot {
  /** The SELL. */
  activityId: string;
  openedBy: string;
  acquiredOn: string;
  soldOn: string;
  quantity: Decimal;
  costMinor: bigint;
  /** This part's share of the sale's proceeds (after the sale's fee), in proportion to quantity. */
  proceedsMinor: bigint;
  gainMinor: bigint;
  /** LONG when held more than one year: soldOn after the anniversary of acquiredOn. */
  term: HoldingTerm;
}

/** Quantity and cost basis at the end of a day on which something changed them. */
export interface PositionPoint {
  date: string;
  quantity: Decimal;
  costBasisMinor: bigint;
}

export interface PositionState {
  quantity: Decimal;
  /** Σ lots' costMinor. */
  costBasisMinor: bigint;
  /** Open lots, oldest first. Under AVERAGE_COST each carries its share of the pooled cost by quantity. */
  lots: Lot[];
  /** Every closed part in replay order (by sale, then oldest lot first). */
  realized: RealizedLot[];
  realizedGainMinor: bigint;
  /** DIVIDEND amounts. Not part of cost or gain. */
  dividendsMinor: bigint;
  /** INTEREST amounts (bond coupons, say), kept apart from dividends. */
  interestMinor: bigint;
  /** Fees not already inside a cost or proceeds: FEE amounts and the fees on other non-trades. */
  feesMinor: bigint;
  /** Fees paid on BUY and SELL, for reporting only: they are already in lots' costs and sales' proceeds. */
  tradeFeesMinor: bigint;
  /** The position at the end of every day with a BUY, SELL or SPLIT, in date order. */
  timeline: PositionPoint[];
}
