import type { InsightsPageForecastQuery } from "../../generated/graphql";

type Total = InsightsPageForecastQuery["cashflowForecast"]["totals"][number];

/** The pieces of formatting the summary needs (the viewer's Format has them). */
export interface SummaryFormat {
  money(value: { amount: string; currency: string }): string;
  day(day: string): string;
}

/** Numbers for drawing one currency's projected balance (never for what a person reads). */
export function forecastPoints(total: Total): { labels: string[]; values: number[] } {
  return { labels: total.series.map((p) => p.date), values: total.series.map((p) => Number(p.value)) };
}

/** The chart's text alternative: where the balance starts, ends, and its lowest day. */
export function forecastSummary(total: Total, format: SummaryFormat): string {
  const last = total.series[total.series.length - 1];
  const start = format.money(total.startingBalance);
  const end = last ? format.money({ amount: last.value, currency: total.currency }) : start;
  const endDay = last ? ` on ${format.day(last.date)}` : "";
  return (
    `${total.currency} balance projected from ${start} today to ${end}${endDay}; ` +
    `lowest ${format.money(total.lowest.balance)} on ${format.day(total.lowest.date)}.`
  );
}
