/*
 * The rhythms a recurring series can have and how far a charge may stray from them. Dates are
 * always counted from the series' anchor (the start of its schedule, see `Chain`), never from the
 * previous charge, so a series that started on the 31st is expected on Feb 28 (or 29), Mar 31,
 * Apr 30, and posting a day late once does not shift every later expectation.
 */
export type Cadence = "WEEKLY" | "BIWEEKLY" | "MONTHLY" | "QUARTERLY" | "YEARLY";

interface CadenceRule {
  readonly days: number;
  readonly months: number;
  /** How many times a year it is paid: the yearly cost is the typical amount times this, exactly. */
  readonly perYear: bigint;
  /** Two yearly charges already say "every year"; shorter rhythms need a third to rule out chance. */
  readonly minOccurrences: number;
  /**
   * The longest gap between two charges of a series, in steps: 2 tolerates one missed charge (a
   * skipped week, a card change that failed a month). A yearly series tolerates none: two years
   * apart is not a yearly subscription.
   */
  readonly maxStepsPerGap: number;
}

export const CADENCES: Readonly<Record<Cadence, CadenceRule>> = {
  WEEKLY: { days: 7, months: 0, perYear: 52n, minOccurrences: 3, maxStepsPerGap: 2 },
  BIWEEKLY: { days: 14, months: 0, perYear: 26n, minOccurrences: 3, maxStepsPerGap: 2 },
  MONTHLY: { days: 0, months: 1, perYear: 12n, minOccurrences: 3, maxStepsPerGap: 2 },
  QUARTERLY: { days: 0, months: 3, perYear: 4n, minOccurrences: 3, maxStepsPerGap: 2 },
  YEARLY: { days: 0, months: 12, perYear: 1n, minOccurrences: 2, maxStepsPerGap: 1 },
};

/**
 * Shortest first: a transaction claimed by a weekly series is not offered to the monthly search,
 * where every fourth or fifth weekly charge would otherwise line up with a monthly rhythm.
 */
export const DETECTION_ORDER: readonly Cadence[] = ["WEEKLY", "BIWEEKLY", "MONTHLY", "QUARTERLY", "YEARLY"];

/** How many days a charge may fall before or after its expected date. */
export const DATE_TOLERANCE_DAYS = 2;

const MS_PER_DAY = 86_400_000;

/**
 * The day number of the k-th expected charge of a series anchored on `anchorDay`: k steps on, and
 * for months on the anchor's day of the month or the last day of a shorter month (date-fns'
 * addMonths rule). Done on UTC fields by hand because the detector asks it for every open chain
 * at every charge, and building date-fns' UTC dates was most of a detection's time.
 */
export function expectedDay(cadence: Cadence, anchorDay: number, k: number): number {
  const rule = CADENCES[cadence];
  if (rule.months === 0) return anchorDay + k * rule.days;
  const anchor = new Date(anchorDay * MS_PER_DAY);
  const monthIndex = anchor.getUTCMonth() + k * rule.months;
  const lastDay = new Date(Date.UTC(anchor.getUTCFullYear(), monthIndex + 1, 0)).getUTCDate();
  return Date.UTC(anchor.getUTCFullYear(), monthIndex, Math.min(anchor.getUTCDate(), lastDay)) / MS_PER_DAY;
}
