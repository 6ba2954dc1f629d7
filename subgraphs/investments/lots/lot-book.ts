import { allocate } from "../../../platform/money/index.js";
import { divideRoundingHalfUp } from "../quantities/index.js";
import { type CostBasisMethod } from "./position.js";

/** A lot while replaying: quantity in 10⁻¹⁸ units, always positive. */
export interface OpenLot {
  openedBy: string;
  acquiredOn: string;
  atto: bigint;
  /** FIFO: the lot's own remaining cost. AVERAGE_COST: unused (0); the pool's cost is shared out when read. */
  costMinor: bigint;
}

/**
 * Splits minor units in proportion to weights with platform/money's largest-remainder allocation
 * (its currency plays no part), so the parts add up to the total exactly.
 */
export const shareOut = (totalMinor: bigint, weights: readonly bigint[]): bigint[] =>
  weights.length === 1 ? [totalMinor] : allocate({ amountMinor: totalMinor, currency: "XXX" }, weights).map((part) => part.amountMinor);

/**
 * The open lots of one position, oldest first. Both methods take quantity from the oldest lots
 * (so acquisition dates, and with them the holding term, follow FIFO); they differ in the cost that
 * leaves with it: FIFO the lots' own costs, AVERAGE_COST the pooled cost × sold / held.
 * Every cost that leaves is subtracted from what stays, so no minor unit appears or disappears.
 */
export class LotBook {
  private readonly lots: OpenLot[] = [];
  private head = 0;
  heldAtto = 0n;
  costMinor = 0n;

  constructor(private readonly method: CostBasisMethod) {}

  open(openedBy: string, acquiredOn: string, atto: bigint, costMinor: bigint): void {
    this.lots.push({ openedBy, acquiredOn, atto, costMinor: this.method === "FIFO" ? costMinor : 0n });
    this.heldAtto += atto;
    this.costMinor += costMinor;
  }

  /** Closes `atto` (0 < atto ≤ heldAtto) and returns the closed parts, oldest first, with their costs. */
  close(atto: bigint): OpenLot[] {
    const parts: OpenLot[] = [];
    let left = atto;
    while (left > 0n) {
      const lot = this.lots[this.head]!;
      if (lot.atto <= left) {
        parts.push({ ...lot });
        left -= lot.atto;
        this.head++;
      } else {
        const costMinor = this.method === "FIFO" ? divideRoundingHalfUp(lot.costMinor * left, lot.atto) : 0n;
        parts.push({ ...lot, atto: left, costMinor });
        lot.atto -= left;
        lot.costMinor -= costMinor;
        left = 0n;
      }
    }
    if (this.method === "AVERAGE_COST") {
      const closedCost = atto === this.heldAtto ? this.costMinor : divideRoundingHalfUp(this.costMinor * atto, this.heldAtto);
      shareOut(
        closedCost,
        parts.map((part) => part.atto),
      ).forEach((cost, i) => (parts[i]!.costMinor = cost));
    }
    this.heldAtto -= atto;
    this.costMinor -= parts.reduce((sum, part) => sum + part.costMinor, 0n);
    if (this.head > 1024 && this.head * 2 > this.lots.length) this.compact();
    return parts;
  }

  /**
   * Multiplies every lot's quantity by units / scale (the split ratio), rounding each half-up to
   * 10⁻¹⁸; costs stay. Returns false, changing nothing, when a lot would round to nothing.
   */
  split(units: bigint, scale: bigint): boolean {
    const open = this.lots.slice(this.head);
    const scaledAtto = open.map((lot) => divideRoundingHalfUp(lot.atto * units, scale));
    if (scaledAtto.some((atto) => atto <= 0n)) return false;
    open.forEach((lot, i) => (lot.atto = scaledAtto[i]!));
    this.heldAtto = scaledAtto.reduce((sum, atto) => sum + atto, 0n);
    return true;
  }

  /** The open lots with their costs: under AVERAGE_COST the pool's cost shared out by quantity. */
  openLots(): OpenLot[] {
    const open = this.lots.slice(this.head).map((lot) => ({ ...lot }));
    if (this.method === "AVERAGE_COST" && open.length > 0) {
      shareOut(
        this.costMinor,
        open.map((lot) => lot.atto),
      ).forEach((cost, i) => (open[i]!.costMinor = cost));
    }
    return open;
  }

  private compact(): void {
    this.lots.splice(0, this.head);
    this.head = 0;
  }
}
