import { doubledMedianOfSorted } from "../anomalies/robust-stats.js";
import type { HistoryItem } from "../history/history-item.js";
import { withinTolerance } from "./amount-tolerance.js";
import { type Cadence, CADENCES, DATE_TOLERANCE_DAYS, expectedDay } from "./cadence.js";

/** A charge placed in a chain: `step` counts cadence steps from the chain's anchor (its first charge). */
export interface ChainMember {
  readonly item: HistoryItem;
  readonly day: number;
  /** The charge's size in minor units, whichever the direction. */
  readonly amount: bigint;
  readonly step: number;
}

/** Charges of one merchant at one price that keep one rhythm. */
export interface Chain {
  readonly anchorDay: number;
  readonly members: ChainMember[];
  /** The members' amounts in ascending order, for the running median. */
  readonly amounts: bigint[];
  /** Day numbers of the next expected charges, one step and up to `maxStepsPerGap` steps after the last member. */
  due: number[];
}

export interface Charge {
  readonly item: HistoryItem;
  readonly day: number;
  readonly amount: bigint;
}

/**
 * Splits one merchant's charges (in history order) into chains of `cadence`: each charge joins the
 * open chain whose next expected date it hits (within the day tolerance, one missed step allowed
 * where the cadence allows it) and whose median so far its amount is within tolerance of;
 * otherwise it starts a chain of its own. A price change therefore starts a new chain, which
 * `assembleSeries` may join to the old one; a one-off spike stays a chain of one and is dropped.
 */
export function buildChains(charges: readonly Charge[], cadence: Cadence): Chain[] {
  const open: Chain[] = [];
  const closed: Chain[] = [];
  for (const charge of charges) {
    // A chain whose latest tolerated expectation is behind this charge can never grow again.
    for (let i = open.length - 1; i >= 0; i--) {
      if (charge.day > open[i]!.due.at(-1)! + DATE_TOLERANCE_DAYS) closed.push(...open.splice(i, 1));
    }
    const fit = bestFit(open, charge);
    if (fit) {
      fit.chain.members.push({ ...charge, step: fit.step });
      insertSorted(fit.chain.amounts, charge.amount);
      fit.chain.due = dueAfter(cadence, fit.chain.anchorDay, fit.step);
    } else {
      open.push({
        anchorDay: charge.day,
        members: [{ ...charge, step: 0 }],
        amounts: [charge.amount],
        due: dueAfter(cadence, charge.day, 0),
      });
    }
  }
  return [...closed, ...open].sort((a, b) => a.anchorDay - b.anchorDay || compareIds(a, b));
}

/** The days the next charge may be due after step `step`: one step on, or more where a charge may be missed. */
export function dueAfter(cadence: Cadence, anchorDay: number, step: number): number[] {
  return Array.from({ length: CADENCES[cadence].maxStepsPerGap }, (_, missed) => expectedDay(cadence, anchorDay, step + 1 + missed));
}

function bestFit(open: readonly Chain[], charge: Charge) {
  let best: { chain: Chain; step: number; deviation: number } | undefined;
  for (const chain of open) {
    const lastStep = chain.members.at(-1)!.step;
    chain.due.forEach((dueDay, missed) => {
      const deviation = Math.abs(charge.day - dueDay);
      if (deviation > DATE_TOLERANCE_DAYS) return;
      // Closest expected date first; then the longer chain, the more established rhythm.
      if (best && (deviation > best.deviation || (deviation === best.deviation && chain.members.length <= best.chain.members.length)))
        return;
      if (!withinTolerance(charge.amount, doubledMedianOfSorted(chain.amounts))) return;
      best = { chain, step: lastStep + 1 + missed, deviation };
    });
  }
  return best;
}

function insertSorted(sorted: bigint[], value: bigint): void {
  let at = sorted.length;
  while (at > 0 && sorted[at - 1]! > value) at--;
  sorted.splice(at, 0, value);
}

function compareIds(a: Chain, b: Chain): number {
  const [x, y] = [a.members[0]!.item.transactionId, b.members[0]!.item.transactionId];
  return x < y ? -1 : x > y ? 1 : 0;
}
