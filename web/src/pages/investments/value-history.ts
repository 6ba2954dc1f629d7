import type { InvestmentsPageValueHistoryQuery } from "../../generated/graphql";

type Point = NonNullable<InvestmentsPageValueHistoryQuery["portfolio"]>["valueHistory"][number];

/** What the value chart draws: a label per point, and numbers for drawing only (null: no price that day). */
export interface ValueSeries {
  labels: string[];
  values: Array<number | null>;
  contributions: Array<number | null>;
  /** The first and last points with a value, as the API sent them (decimal strings). */
  first?: { date: string; amount: string };
  last?: { date: string; amount: string };
  /** Points left blank because a price or a rate was missing. */
  missing: number;
}

export function valueSeries(points: readonly Point[]): ValueSeries {
  const known = points.filter((p) => p.value !== null);
  const first = known[0];
  const last = known[known.length - 1];
  return {
    labels: points.map((p) => p.date),
    values: points.map((p) => (p.value ? Number(p.value.amount) : null)),
    contributions: points.map((p) => (p.netContributions ? Number(p.netContributions.amount) : null)),
    first: first?.value ? { date: first.date, amount: first.value.amount } : undefined,
    last: last?.value ? { date: last.date, amount: last.value.amount } : undefined,
    missing: points.length - known.length,
  };
}
