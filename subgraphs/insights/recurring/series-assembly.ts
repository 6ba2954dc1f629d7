import { doubledMedianOfSorted } from "../anomalies/robust-stats.js";
import { AMOUNT_TOLERANCE_PER_MILLE, withinTolerance } from "./amount-tolerance.js";
import { type Cadence, CADENCES, DATE_TOLERANCE_DAYS } from "./cadence.js";
import { type Chain, type ChainMember, closestDue, lastDue } from "./chains.js";
import type { MerchantCharges } from "./merchant-charges.js";

/** A run of charges at one price inside a series; `offset` turns the chain's steps into the series'. */
export interface Segment {
  /** The schedule start the segment's next dates are counted from. */
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
 * a new segment, if that series' price had persisted too (two charges or more). A price that
 * appears once and is gone again was a chain of one and never joins.
 */
export function assembleSeries(chains: readonly Chain[], cadence: Cadence): AssembledSeries[] {
  const assembled: { segments: Segment[] }[] = [];
  // Series whose price has persisted and whose next charge may still come: the only ones a later chain can continue.
  let open: { series: { segments: Segment[] }; due: number[][] }[] = [];
  for (const chain of chains) {
    const segment = toSegment(chain, 0);
    const first = chain.members[0]!;
    open = open.filter((entry) => first.day <= lastDue(entry) + DATE_TOLERANCE_DAYS);
    let best: { entry: (typeof open)[number]; offset: number; deviation: number } | undefined;
    if (chain.members.length >= 2) {
      for (const entry of open) {
        const last = entry.series.segments.at(-1)!;
        const lastMember = last.members.at(-1)!;
        if (lastMember.day >= first.day || !isPriceStep(last.doubledTypical, segment.doubledTypical)) continue;
        const hit = closestDue(entry.due, first.day);
        if (!hit || (best && best.deviation <= hit.deviation)) continue;
        best = { entry, offset: last.offset + lastMember.step + hit.steps, deviation: hit.deviation };
      }
    }
    let series: { segments: Segment[] };
    if (best) {
      series = best.entry.series;
      series.segments.push(toSegment(chain, best.offset));
      open = open.filter((entry) => entry !== best!.entry);
    } else {
      series = { segments: [segment] };
      assembled.push(series);
    }
    if (chain.members.length >= 2) open.push({ series, due: chain.due });
  }
  return assembled.map(({ segments }) => ({ cadence, segments }));
}

function toSegment(chain: Chain, offset: number): Segment {
  return { anchorDay: chain.anchors[0]!, offset, members: chain.members, doubledTypical: doubledMedianOfSorted(chain.amounts) };
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
 * needs the cadence's minimum occurrences (two yearly charges only at the very same amount and
 * with nothing else charged there in between: with so little evidence, any two equal purchases a
 * year apart at a restaurant would do), no more than one missed charge for every three gaps (so a
 * series that mostly skips is not mistaken for a faster rhythm), and each price segment a rhythm
 * chance would not explain (`coincidental`; two chance runs of three at a grocer, a step apart,
 * are not a price change).
 */
export function validatedSeries(series: AssembledSeries, merchant: MerchantCharges): AssembledSeries | null {
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
  if (members.length < 3 && !aloneAtOnePrice(kept, merchant)) return null;
  const gaps = members.length - 1;
  const missed = members.slice(1).reduce((sum, step, i) => sum + (step - members[i]! - 1), 0);
  if (missed * 3 > gaps) return null;
  if (kept.some((segment) => coincidental(segment, kept, merchant, rule.maxStepsPerGap))) return null;
  return { cadence: series.cadence, segments: kept };
}

function aloneAtOnePrice(segments: readonly Segment[], merchant: MerchantCharges): boolean {
  const members = segments.flatMap((segment) => segment.members);
  if (members.some((member) => member.amount !== members[0]!.amount)) return false;
  const [from, to] = [members[0]!.day, members.at(-1)!.day];
  return merchant.countBetweenDays(from, to) === members.length;
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

/**
 * Whether a price segment's rhythm could be a coincidence among the merchant's other charges: at
 * a shop the user visits every few days, similar amounts fall a week or a month apart now and
 * then, and a daily coffee at menu prices has the same amount a week after any other.
 *
 * The estimate: another charge is "alike" when it is within the tolerance of the segment's median,
 * or, when every charge of the segment has one exact price (strong evidence), when it has that
 * very amount (counted, or estimated from the similar charges spread over the amounts the
 * tolerance spans, whichever is more). If alike charges arrive at a rate r per day over the
 * merchant's history, each next charge of a chance chain can land in up to `maxStepsPerGap`
 * windows of 2·tolerance + 1 days, so with probability about p = min(1, maxStepsPerGap · r ·
 * window); each of the merchant's N charges could start a chain, so about N · p^(n−1) chance
 * chains of n charges are expected. The detector asks this of every merchant and cadence, dozens
 * of questions per user, so a segment is believed only when its answer is far below one. A
 * heuristic over counts and days, not money, so plain numbers.
 */
const CHANCE_LIMIT = 0.01;

function coincidental(segment: Segment, series: readonly Segment[], merchant: MerchantCharges, maxStepsPerGap: number): boolean {
  const members = series.flatMap((part) => part.members.map((member) => member.amount));
  const similar =
    merchant.countNear(segment.doubledTypical) - members.filter((amount) => withinTolerance(amount, segment.doubledTypical)).length;
  const [price, ...rest] = segment.members.map((member) => member.amount);
  let alike = similar;
  if (rest.every((amount) => amount === price)) {
    const amountsSpanned = 2 * Number((price! * AMOUNT_TOLERANCE_PER_MILLE) / 1000n) + 1;
    const exact = merchant.countExactly(price!) - members.filter((amount) => amount === price).length;
    alike = Math.max(exact, similar / amountsSpanned);
  }
  if (alike === 0) return false;
  const perStep = Math.min(1, maxStepsPerGap * (alike / merchant.historyDays) * (2 * DATE_TOLERANCE_DAYS + 1));
  return merchant.size * perStep ** (segment.members.length - 1) >= CHANCE_LIMIT;
}
