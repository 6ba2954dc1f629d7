import { type Decimal } from "decimal.js";

import {
  ATTO_PER_UNIT,
  decimal,
  divideRoundingHalfUp,
  fromAtto,
  MAX_AMOUNT_MINOR,
  MAX_QUANTITY_DECIMALS,
  scaled,
  toAtto,
} from "../quantities/index.js";
import { holdingTerm } from "./holding-term.js";
import { LotBook, shareOut } from "./lot-book.js";
import { insufficientQuantity, invalidActivity } from "./lots.errors.js";
import { type Activity, type CostBasisMethod, type PositionPoint, type PositionState, type RealizedLot } from "./position.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function inReplayOrder(a: Activity, b: Activity): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.sequence !== b.sequence) return a.sequence - b.sequence;
  // Ties only when a caller reuses a sequence: the id keeps the replay deterministic.
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function tradeFigures(activity: Activity): { atto: bigint; valueMinor: bigint } {
  const { id, quantity, priceMinor, feeMinor } = activity;
  if (quantity === null) throw invalidActivity(id, "quantity", "is required");
  if (priceMinor === null) throw invalidActivity(id, "price", "is required");
  if (priceMinor < 0n) throw invalidActivity(id, "price", "must not be negative");
  if (feeMinor < 0n) throw invalidActivity(id, "fee", "must not be negative");
  if (!quantity.isFinite() || quantity.decimalPlaces() > MAX_QUANTITY_DECIMALS) {
    throw invalidActivity(id, "quantity", `must be a number with at most ${MAX_QUANTITY_DECIMALS} decimals`);
  }
  const atto = toAtto(quantity);
  if (atto <= 0n) throw invalidActivity(id, "quantity", "must be greater than zero");
  // quantity × price rounded once, as amountOf does it; the quantity is exactly atto / 10¹⁸.
  const valueMinor = divideRoundingHalfUp(atto * priceMinor, ATTO_PER_UNIT);
  if (valueMinor > MAX_AMOUNT_MINOR) throw invalidActivity(id, "quantity", "× price is larger than an amount may be");
  return { atto, valueMinor };
}

function cashAmount(activity: Activity): bigint {
  if (activity.amountMinor === null) throw invalidActivity(activity.id, "amount", "is required");
  if (activity.amountMinor < 0n) throw invalidActivity(activity.id, "amount", "must not be negative");
  if (activity.feeMinor < 0n) throw invalidActivity(activity.id, "fee", "must not be negative");
  return activity.amountMinor;
}

/**
 * Replays one portfolio's activity in one security, in (date, sequence) order whatever order it
 * comes in, into open lots, realized gains and income. Money is exact minor units throughout:
 * each trade's value is quantity × price rounded once, and every later division of a cost (a
 * partly sold lot, an average-cost sale, one sale's proceeds across lots) gives each part a
 * rounded share and the whole keeps the rest, so realized + open cost is always everything bought.
 *
 * Refuses (BAD_USER_INPUT, field and activityId) missing or negative figures and a split ratio
 * that is not positive, and (INSUFFICIENT_QUANTITY) a SELL of more than is held at that point,
 * including one before any BUY. DEPOSIT and WITHDRAWAL are the portfolio's cash, not the
 * security's, and are skipped.
 */
export function replayPosition(activities: readonly Activity[], method: CostBasisMethod): PositionState {
  const book = new LotBook(method);
  const realized: RealizedLot[] = [];
  // Quantities become Decimals only for the last point of each day, when the replay is done.
  const days: { date: string; atto: bigint; costBasisMinor: bigint }[] = [];
  const totals = { realizedGainMinor: 0n, dividendsMinor: 0n, interestMinor: 0n, feesMinor: 0n, tradeFeesMinor: 0n };
  const ordered = [...activities].sort(inReplayOrder);

  for (const activity of ordered) {
    const { id, type, date, feeMinor } = activity;
    if (!DATE.test(date)) throw invalidActivity(id, "date", "must be a date written YYYY-MM-DD");
    switch (type) {
      case "BUY": {
        const { atto, valueMinor } = tradeFigures(activity);
        book.open(id, date, atto, valueMinor + feeMinor);
        totals.tradeFeesMinor += feeMinor;
        break;
      }
      case "SELL": {
        const { atto, valueMinor } = tradeFigures(activity);
        if (atto > book.heldAtto) throw insufficientQuantity(id, date, fromAtto(atto).toFixed(), fromAtto(book.heldAtto).toFixed());
        const parts = book.close(atto);
        const proceeds = shareOut(
          valueMinor - feeMinor,
          parts.map((part) => part.atto),
        );
        parts.forEach((part, i) => {
          const proceedsMinor = proceeds[i]!;
          const gainMinor = proceedsMinor - part.costMinor;
          realized.push({
            activityId: id,
            openedBy: part.openedBy,
            acquiredOn: part.acquiredOn,
            soldOn: date,
            quantity: fromAtto(part.atto),
            costMinor: part.costMinor,
            proceedsMinor,
            gainMinor,
            term: holdingTerm(part.acquiredOn, date),
          });
          totals.realizedGainMinor += gainMinor;
        });
        totals.tradeFeesMinor += feeMinor;
        break;
      }
      case "SPLIT": {
        const ratio = activity.splitRatio;
        if (ratio === null) throw invalidActivity(id, "splitRatio", "is required");
        if (!ratio.isFinite() || ratio.lte(0)) throw invalidActivity(id, "splitRatio", "must be greater than zero");
        if (feeMinor < 0n) throw invalidActivity(id, "fee", "must not be negative");
        const { units, scale } = scaled(ratio);
        if (!book.split(units, scale)) throw invalidActivity(id, "splitRatio", "would leave a lot with less than 10⁻¹⁸ of a unit");
        totals.feesMinor += feeMinor;
        break;
      }
      case "DIVIDEND":
        totals.dividendsMinor += cashAmount(activity);
        totals.feesMinor += feeMinor;
        break;
      case "INTEREST":
        totals.interestMinor += cashAmount(activity);
        totals.feesMinor += feeMinor;
        break;
      case "FEE":
        totals.feesMinor += cashAmount(activity) + feeMinor;
        break;
      case "DEPOSIT":
      case "WITHDRAWAL":
        continue;
    }
    const changesPosition = type === "BUY" || type === "SELL" || type === "SPLIT";
    if (changesPosition && days.at(-1)?.date === date) days.pop();
    if (changesPosition) days.push({ date, atto: book.heldAtto, costBasisMinor: book.costMinor });
  }

  const lots = book.openLots().map(({ openedBy, acquiredOn, atto, costMinor }) => ({
    openedBy,
    acquiredOn,
    quantity: fromAtto(atto),
    costMinor,
  }));
  const timeline: PositionPoint[] = days.map(({ date, atto, costBasisMinor }) => ({ date, quantity: fromAtto(atto), costBasisMinor }));
  return { quantity: fromAtto(book.heldAtto), costBasisMinor: book.costMinor, lots, realized, timeline, ...totals };
}

/**
 * The cost basis per unit, in the security's minor units per unit, unrounded (60 significant
 * digits): 1000 minor units over 3 units is 333.333…; null when nothing is held.
 */
export function averageCost(state: Pick<PositionState, "quantity" | "costBasisMinor">): Decimal | null {
  if (state.quantity.isZero()) return null;
  return decimal(state.costBasisMinor.toString()).div(decimal(state.quantity));
}

/** {@link averageCost} rounded half-up to a whole minor unit, as a Money figure shows it. */
export function averageCostMinor(state: Pick<PositionState, "quantity" | "costBasisMinor">): bigint | null {
  const atto = toAtto(state.quantity);
  if (atto === 0n) return null;
  return divideRoundingHalfUp(state.costBasisMinor * ATTO_PER_UNIT, atto);
}
