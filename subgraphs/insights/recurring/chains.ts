import { doubledMedianOfSorted } from "../anomalies/robust-stats.js";
import type { HistoryItem } from "../history/history-item.js";
import { withinTolerance } from "./amount-tolerance.js";
import { type Cadence, CADENCES, DATE_TOLERANCE_DAYS, expectedDay } from "./cadence.js";

/** A charge placed in a chain: `step` counts cadence steps from the chain's first charge. */
export interface ChainMember {
  readonly item: HistoryItem;
  readonly day: number;
  /** The charge's size in minor units, whichever the direction. */
  readonly amount: bigint;
  readonly step: number;
}

/**
 * Charges of one merchant at one price that keep one rhythm: every charge within the day tolerance
 * of one schedule. For a rhythm in days the schedule starts on the first charge: if that one was
 * late, the others are early by as much and still within the tolerance. For months it does not
 * work out so: a bill due Feb 27 and posted Mar 1 is next due Mar 27, not Apr 1, because months
 * differ in length. So a chain in months keeps every start within the tolerance of its first
 * charge that all its members fit.
 */
export interface Chain {
  readonly members: ChainMember[];
  /** The members' amounts in ascending order, for the running median. */
  readonly amounts: bigint[];
  /** Day numbers of the schedule starts every member so far fits, nearest the first charge first. */
  anchors: number[];
  /** For each number of steps after the last member (1 up to `maxStepsPerGap`), the due day under each anchor. */
  due: number[][];
}

/** Nearest the first charge first: the anchor a series' next dates are counted from is the first that fits. */
const ANCHOR_SHIFTS = Array.from({ length: 2 * DATE_TOLERANCE_DAYS + 1 }, (_, i) => (i % 2 === 0 ? i / 2 : -(i + 1) / 2));

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
  const chains: Chain[] = [];
  // Chains by each day a next charge of theirs is due: a charge looks only at the chains due around
  // its own day, not at every chain a busy merchant has open.
  const byDueDay = new Map<number, Chain[]>();
  const index = (chain: Chain, add: boolean) => {
    for (const days of chain.due) {
      for (const day of days) {
        const list = byDueDay.get(day);
        if (add) {
          if (list) list.push(chain);
          else byDueDay.set(day, [chain]);
        } else if (list)
          byDueDay.set(
            day,
            list.filter((other) => other !== chain),
          );
      }
    }
  };
  for (const charge of charges) {
    const candidates = new Set<Chain>();
    for (let day = charge.day - DATE_TOLERANCE_DAYS; day <= charge.day + DATE_TOLERANCE_DAYS; day++) {
      for (const chain of byDueDay.get(day) ?? []) candidates.add(chain);
    }
    const fit = bestFit(candidates, charge);
    if (fit) {
      const { chain, steps } = fit;
      const step = chain.members.at(-1)!.step + steps;
      index(chain, false);
      chain.anchors = chain.anchors.filter((_, a) => Math.abs(charge.day - chain.due[steps - 1]![a]!) <= DATE_TOLERANCE_DAYS);
      chain.members.push({ ...charge, step });
      insertSorted(chain.amounts, charge.amount);
      chain.due = dueAfter(cadence, chain.anchors, step);
      index(chain, true);
    } else {
      const anchors = CADENCES[cadence].months === 0 ? [charge.day] : ANCHOR_SHIFTS.map((shift) => charge.day + shift);
      const chain = { members: [{ ...charge, step: 0 }], amounts: [charge.amount], anchors, due: dueAfter(cadence, anchors, 0) };
      chains.push(chain);
      index(chain, true);
    }
  }
  return chains.sort(byFirstCharge);
}

/** The due days after step `step`, one step on and more where a charge may be missed, under each anchor. */
export function dueAfter(cadence: Cadence, anchors: readonly number[], step: number): number[][] {
  return Array.from({ length: CADENCES[cadence].maxStepsPerGap }, (_, missed) =>
    anchors.map((anchor) => expectedDay(cadence, anchor, step + 1 + missed)),
  );
}

/** How well `day` hits a due day: the fewest steps on, then the smallest deviation under any anchor; undefined if it hits none. */
export function closestDue(due: readonly (readonly number[])[], day: number): { steps: number; deviation: number } | undefined {
  for (let missed = 0; missed < due.length; missed++) {
    let deviation = Infinity;
    for (const dueDay of due[missed]!) deviation = Math.min(deviation, Math.abs(day - dueDay));
    if (deviation <= DATE_TOLERANCE_DAYS) return { steps: missed + 1, deviation };
  }
  return undefined;
}

export function lastDue(chain: Pick<Chain, "due">): number {
  let last = -Infinity;
  for (const dueDay of chain.due.at(-1)!) last = Math.max(last, dueDay);
  return last;
}

function bestFit(candidates: Iterable<Chain>, charge: Charge) {
  let best: { chain: Chain; steps: number; deviation: number } | undefined;
  for (const chain of candidates) {
    const hit = closestDue(chain.due, charge.day);
    if (!hit || !withinTolerance(charge.amount, doubledMedianOfSorted(chain.amounts))) continue;
    // Closest expected date first; then the longer chain, the more established rhythm; then the older one.
    const order =
      best && (hit.deviation - best.deviation || best.chain.members.length - chain.members.length || byFirstCharge(chain, best.chain));
    if (!best || order! < 0) best = { chain, ...hit };
  }
  return best;
}

function insertSorted(sorted: bigint[], value: bigint): void {
  let at = sorted.length;
  while (at > 0 && sorted[at - 1]! > value) at--;
  sorted.splice(at, 0, value);
}

function byFirstCharge(a: Chain, b: Chain): number {
  const [x, y] = [a.members[0]!, b.members[0]!];
  if (x.day !== y.day) return x.day - y.day;
  return x.item.transactionId < y.item.transactionId ? -1 : x.item.transactionId > y.item.transactionId ? 1 : 0;
}
