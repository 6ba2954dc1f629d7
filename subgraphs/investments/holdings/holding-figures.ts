import type { Decimal } from "decimal.js";

import { averageCostMinor, type Lot, type RealizedLot } from "../lots/index.js";
import { multiplyToMinor } from "../quantities/index.js";
import type { Position } from "./portfolio-book.js";

/** The close a holding is valued at, and the day it is from. */
export interface PriceOnDay {
  closeMinor: bigint;
  priceDate: string;
}

/** One position's figures in its security's currency (minor units). */
export interface HoldingFigures {
  securityId: string;
  currency: string;
  quantity: Decimal;
  costBasisMinor: bigint;
  /** Null when nothing is held. */
  averageCostMinor: bigint | null;
  /** Null when no price exists on or before the valuation day (never guessed). */
  price: PriceOnDay | null;
  marketValueMinor: bigint | null;
  unrealizedGainMinor: bigint | null;
  realizedGainMinor: bigint;
  dividendsMinor: bigint;
  interestMinor: bigint;
  /** Every fee on the position: trades' (already inside cost and proceeds) and the others. */
  feesMinor: bigint;
  lots: Lot[];
  realized: RealizedLot[];
}

export function holdingFigures(position: Position, price: PriceOnDay | null): HoldingFigures {
  const { state } = position;
  const held = !state.quantity.isZero();
  const marketValueMinor = held ? (price ? multiplyToMinor(state.quantity, price.closeMinor) : null) : 0n;
  return {
    securityId: position.securityId,
    currency: position.currency,
    quantity: state.quantity,
    costBasisMinor: state.costBasisMinor,
    averageCostMinor: averageCostMinor(state),
    price: held ? price : null,
    marketValueMinor,
    unrealizedGainMinor: marketValueMinor === null ? null : marketValueMinor - state.costBasisMinor,
    realizedGainMinor: state.realizedGainMinor,
    dividendsMinor: state.dividendsMinor,
    interestMinor: state.interestMinor,
    feesMinor: state.feesMinor + state.tradeFeesMinor,
    lots: state.lots,
    realized: state.realized,
  };
}

/** Open positions, and with `includeClosed` every security ever held (its realized gain and income stay). */
export function visiblePositions(positions: Iterable<Position>, includeClosed: boolean): Position[] {
  return [...positions].filter((p) => includeClosed || !p.state.quantity.isZero());
}
