import { doubledMedianOfSorted } from "../anomalies/robust-stats.js";
import { withinTolerance } from "./amount-tolerance.js";
import { type Cadence, CADENCES, DATE_TOLERANCE_DAYS, expectedDay } from "./cadence.js";
import type { Chain, ChainMember, Charge } from "./chains.js";

/** A run of charges at one price inside a series; `offset` turns the chain's steps into the series'. */
export interface Segment {
  readonly anchorDay: number;
  readonly offset: number;
  readonly members: readonly ChainMember[];
  /** 2 × the median amount of the members. */
  readonly doubledTypical: bigint;
}

export interface AssembledSeries {
  readonly cadence: Cadence;
  readonly segments: readonly Segment[];
}

/**
 * Joins chains of one merchant and cadence across price changes: a chain of at least two charges
 * (the new price has persisted) that starts where another series' next charge was due, at an amount
 * outside the tolerance but no more than double or less than half of it, continues that series as
 * a new segment. A price that appears once and is gone again was a chain of one and never joins.
 */
export function assembleSeries(chains: readonly Chain[], cadence: Cadence): AssembledSeries[] {
  const { maxStepsPerGap } = CADENCES[cadence];
  const assembled: { segments: Segment[] }[] = [];
  for (const chain of chains) {
    const segment = toSegment(chain, 0);
    const first = chain.members[0]!;
    let best: { series: { segments: Segment[] }; offset: number; deviation: number } | undefined;
    if (chain.members.length >= 2) {
      for (const series of assembled) {
        const last = series.segments.at(-1)!;
        const lastMember = last.members.at(-1)!;
        if (lastMember.day >= first.day || !isPriceStep(last.doubledTypical, segment.doubledTypical)) continue;
        for (let steps = 1; steps <= maxStepsPerGap; steps++) {
          const deviation = Math.abs(first.day - expectedDay(cadence, last.anchorDay, lastMember.step + steps));
          if (deviation > DATE_TOLERANCE_DAYS || (best && best.deviation <= deviation)) continue;
          best = { series, offset: last.offset + lastMember.step + steps, deviation };
        }
      }
    }
    if (best) best.series.segments.push(toSegment(chain, best.offset));
    else assembled.push({ segments: [segment] });
  }
  return assembled.map(({ segments }) => ({ cadence, segments }));
}

function toSegment(chain: Chain, offset: number): Segment {
  return { anchorDay: chain.anchorDay, offset, members: chain.members, doubledTypical: doubledMedianOfSorted(chain.amounts) };
}

/** Outside the tolerance (else it would be the same price) yet within a factor of two. */
function isPriceStep(doubledBefore: bigint, doubledAfter: bigint): boolean {
  if (withinTolerance(doubledAfter, 2n * doubledBefore)) return false;
  return doubledAfter <= 2n * doubledBefore && 2n * doubledAfter >= doubledBefore;
}

/**
 * What survives of a series once its final figures are known, or null: members outside the
 * tolerance of their segment's median are dropped; a gap longer than the cadence allows cuts the
 * series and the latest part is kept (it is the one that says what the user pays now); then it
 * needs the cadence's minimum occurrences, no more than one missed charge for every three gaps (so
 * a series that mostly skips is not mistaken for a faster rhythm), and no more charges of a similar
 * amount at the merchant during its span than it has itself (a daily coffee always has one charge
 * a week apart, but it is a habit, not a subscription).
 */
export function validatedSeries(series: AssembledSeries, merchantCharges: readonly Charge[]): AssembledSeries | null {
  const rule = CADENCES[series.cadence];
  const segments = series.segments
    .map((segment) => {
      const members = segment.members.filter((member) => withinTolerance(member.amount, segment.doubledTypical));
      return { ...segment, members };
    })
    .filter((segment) => segment.members.length > 0);
  const kept = latestRun(segments, rule.maxStepsPerGap);
  const members = kept.flatMap((segment) => segment.members.map((member) => segment.offset + member.step));
  if (members.length < rule.minOccurrences) return null;
  const gaps = members.length - 1;
  const missed = members.slice(1).reduce((sum, step, i) => sum + (step - members[i]! - 1), 0);
  if (missed * 3 > gaps) return null;
  if (similarOutside(kept, merchantCharges) > members.length) return null;
  return { cadence: series.cadence, segments: kept };
}

function latestRun(segments: readonly Segment[], maxStepsPerGap: number): Segment[] {
  const run: Segment[] = [];
  let next: number | undefined;
  for (let s = segments.length - 1; s >= 0; s--) {
    const segment = segments[s]!;
    const members: ChainMember[] = [];
    for (let m = segment.members.length - 1; m >= 0; m--) {
      const member = segment.members[m]!;
      if (next !== undefined && next - (segment.offset + member.step) > maxStepsPerGap) {
        if (members.length > 0) run.unshift({ ...segment, members });
        return run;
      }
      members.unshift(member);
      next = segment.offset + member.step;
    }
    run.unshift({ ...segment, members });
  }
  return run;
}

function similarOutside(segments: readonly Segment[], merchantCharges: readonly Charge[]): number {
  const inSeries = new Set(segments.flatMap((segment) => segment.members.map((member) => member.item.transactionId)));
  const from = segments[0]!.members[0]!.day;
  const to = segments.at(-1)!.members.at(-1)!.day;
  return merchantCharges.filter(
    (charge) =>
      charge.day >= from &&
      charge.day <= to &&
      !inSeries.has(charge.item.transactionId) &&
      segments.some((segment) => withinTolerance(charge.amount, segment.doubledTypical)),
  ).length;
}
