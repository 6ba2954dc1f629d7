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
  const { maxStepsPerGap } = CADENCES[cadence];
  const open: Chain[] = [];
  const closed: Chain[] = [];
  for (const charge of charges) {
    // A chain whose latest tolerated expectation is behind this charge can never grow again.
    for (let i = open.length - 1; i >= 0; i--) {
      const chain = open[i]!;
      const lastStep = chain.members.at(-1)!.step;
      if (charge.day > expectedDay(cadence, chain.anchorDay, lastStep + maxStepsPerGap) + DATE_TOLERANCE_DAYS) {
        closed.push(chain);
        open.splice(i, 1);
      }
    }
    const fit = bestFit(open, charge, cadence, maxStepsPerGap);
    if (fit) {
      fit.chain.members.push({ ...charge, step: fit.step });
      insertSorted(fit.chain.amounts, charge.amount);
    } else {
      open.push({ anchorDay: charge.day, members: [{ ...charge, step: 0 }], amounts: [charge.amount] });
    }
  }
  return [...closed, ...open].sort((a, b) => a.anchorDay - b.anchorDay || compareIds(a, b));
}

function bestFit(open: readonly Chain[], charge: Charge, cadence: Cadence, maxStepsPerGap: number) {
  let best: { chain: Chain; step: number; deviation: number } | undefined;
  for (const chain of open) {
    if (!withinTolerance(charge.amount, doubledMedianOfSorted(chain.amounts))) continue;
    const lastStep = chain.members.at(-1)!.step;
    for (let steps = 1; steps <= maxStepsPerGap; steps++) {
      const deviation = Math.abs(charge.day - expectedDay(cadence, chain.anchorDay, lastStep + steps));
      if (deviation > DATE_TOLERANCE_DAYS) continue;
      // Closest expected date first; then the longer chain, the more established rhythm.
      if (!best || deviation < best.deviation || (deviation === best.deviation && chain.members.length > best.chain.members.length)) {
        best = { chain, step: lastStep + steps, deviation };
      }
    }
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
