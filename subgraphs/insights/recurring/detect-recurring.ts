import { doubledMedian, roundedQuotient } from "../anomalies/robust-stats.js";
import { dateOfDayNumber, dayNumber } from "../history/day-number.js";
import { type HistoryItem, type HistoryKind, inHistoryOrder, magnitude } from "../history/history-item.js";
import { type Cadence, CADENCES, DATE_TOLERANCE_DAYS, DETECTION_ORDER, expectedDay } from "./cadence.js";
import { buildChains, type Charge } from "./chains.js";
import { MerchantCharges } from "./merchant-charges.js";
import { assembleSeries, type Segment, validatedSeries } from "./series-assembly.js";

export interface RecurringOccurrence {
  readonly transactionId: string;
  readonly date: string;
  /** The charge's size in minor units; the series' `kind` says which way the money went. */
  readonly amountMinor: bigint;
}

/** A price that went up and stayed up: the series' typical amount before and after. */
export interface PriceIncrease {
  /** The first charge at the new price. */
  readonly date: string;
  readonly transactionId: string;
  readonly fromAmountMinor: bigint;
  readonly toAmountMinor: bigint;
}

export interface RecurringSeries {
  /** `recurring:<kind>:<merchantKey>:<cadence>:<first transaction id>`: kept while the series keeps its first charge. */
  readonly key: string;
  readonly merchantKey: string;
  /** The payee text of the latest charge, for display. */
  readonly payee: string;
  readonly kind: HistoryKind;
  readonly cadence: Cadence;
  /** Oldest first. */
  readonly occurrences: readonly RecurringOccurrence[];
  /** The median of the charges at the current price, rounded half-up to a minor unit. */
  readonly typicalAmountMinor: bigint;
  readonly lastAmountMinor: bigint;
  readonly lastDate: string;
  /** The next date a charge is due (past one missed charge), or null once the series is inactive. */
  readonly nextExpectedDate: string | null;
  /** typical × charges per year (52, 26, 12, 4 or 1), exact. */
  readonly yearlyCostMinor: bigint;
  /** False once the charge after the last one is more than one cadence and the day tolerance overdue. */
  readonly active: boolean;
  /** Expected charges inside the series that never came. */
  readonly missedOccurrences: number;
  readonly priceIncreases: readonly PriceIncrease[];
}

/**
 * The recurring series in a user's history as of `today`: per merchant and direction (refunds and
 * other charges against the kind's direction are left out), searched cadence by cadence from the
 * shortest, each transaction in at most one series. Grouping by merchant means one merchant's
 * charges never change another's series.
 */
export function detectRecurring(items: readonly HistoryItem[], today: string): RecurringSeries[] {
  const todayDay = dayNumber(today);
  const found: RecurringSeries[] = [];
  for (const charges of merchantGroups(items).values()) {
    const merchant = new MerchantCharges(charges);
    let pool = charges;
    for (const cadence of DETECTION_ORDER) {
      if (pool.length < CADENCES[cadence].minOccurrences) continue;
      const series = assembleSeries(buildChains(pool, cadence), cadence)
        .map((candidate) => validatedSeries(candidate, merchant))
        .filter((candidate) => candidate !== null);
      if (series.length === 0) continue;
      const claimed = new Set(series.flatMap(({ segments }) => segments.flatMap((s) => s.members.map((m) => m.item.transactionId))));
      pool = pool.filter((charge) => !claimed.has(charge.item.transactionId));
      found.push(...series.map(({ segments }) => describe(cadence, segments, todayDay)));
    }
  }
  return found.sort(
    (a, b) =>
      compare(a.merchantKey, b.merchantKey) ||
      compare(a.kind, b.kind) ||
      compare(a.occurrences[0]!.date, b.occurrences[0]!.date) ||
      compare(a.key, b.key),
  );
}

function merchantGroups(items: readonly HistoryItem[]): Map<string, Charge[]> {
  const groups = new Map<string, Charge[]>();
  for (const item of inHistoryOrder(items)) {
    const outward = item.kind === "EXPENSE";
    if (item.amountMinor === 0n || item.amountMinor < 0n !== outward || item.merchantKey === "") continue;
    const key = `${item.kind}\u0000${item.merchantKey}`;
    const charge = { item, day: dayNumber(item.date), amount: magnitude(item.amountMinor) };
    const group = groups.get(key);
    if (group) group.push(charge);
    else groups.set(key, [charge]);
  }
  return groups;
}

function describe(cadence: Cadence, segments: readonly Segment[], todayDay: number): RecurringSeries {
  const members = segments.flatMap((segment) => segment.members);
  const first = members[0]!.item;
  const lastSegment = segments.at(-1)!;
  const last = lastSegment.members.at(-1)!;
  const typical = typicalOf(lastSegment);
  const dueDay = expectedDay(cadence, lastSegment.anchorDay, last.step + 1);
  const afterMissedDay = expectedDay(cadence, lastSegment.anchorDay, last.step + 2);
  const active = todayDay <= afterMissedDay + DATE_TOLERANCE_DAYS;
  const steps = segments.flatMap((segment) => segment.members.map((member) => segment.offset + member.step));
  return {
    key: `recurring:${first.kind}:${first.merchantKey}:${cadence}:${first.transactionId}`,
    merchantKey: first.merchantKey,
    payee: last.item.payee,
    kind: first.kind,
    cadence,
    occurrences: members.map(({ item, amount }) => ({ transactionId: item.transactionId, date: item.date, amountMinor: amount })),
    typicalAmountMinor: typical,
    lastAmountMinor: last.amount,
    lastDate: last.item.date,
    nextExpectedDate: active ? dateOfDayNumber(todayDay <= dueDay + DATE_TOLERANCE_DAYS ? dueDay : afterMissedDay) : null,
    yearlyCostMinor: typical * CADENCES[cadence].perYear,
    active,
    missedOccurrences: steps.slice(1).reduce((sum, step, i) => sum + (step - steps[i]! - 1), 0),
    priceIncreases: priceIncreases(segments),
  };
}

function typicalOf(segment: Segment): bigint {
  return roundedQuotient(doubledMedian(segment.members.map((member) => member.amount)), 2n);
}

function priceIncreases(segments: readonly Segment[]): PriceIncrease[] {
  const increases: PriceIncrease[] = [];
  for (let i = 1; i < segments.length; i++) {
    const [from, to] = [typicalOf(segments[i - 1]!), typicalOf(segments[i]!)];
    const first = segments[i]!.members[0]!.item;
    if (to > from) increases.push({ date: first.date, transactionId: first.transactionId, fromAmountMinor: from, toAmountMinor: to });
  }
  return increases;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
