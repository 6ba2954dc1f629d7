import { useApiQuery } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import { InsightsPageForecastDocument } from "../../generated/graphql";
import { Card } from "../../ui/card";
import { ChartCanvas, seriesColors } from "../../ui/chart";
import { EmptyState, ErrorMessage, Loading } from "../../ui/status";
import { forecastPoints, forecastSummary } from "./forecast-data";

export const FORECAST_DAYS = 90;

/** The next 90 days' projected balance per currency, and the accounts heading below zero. */
export function ForecastCard() {
  const format = useFormat();
  const forecast = useApiQuery(InsightsPageForecastDocument, { days: FORECAST_DAYS });
  const data = forecast.data?.cashflowForecast;
  const colors = seriesColors();
  return (
    <Card title={`Cash flow, next ${FORECAST_DAYS} days`} id="forecast" className="wide">
      {forecast.error ? (
        <ErrorMessage error={forecast.error} onRetry={() => void forecast.refetch()} />
      ) : !data ? (
        <Loading label="Projecting your balances" />
      ) : data.totals.length === 0 ? (
        <EmptyState title="No open accounts to project">
          <p>Add an account and a few transactions to see where your balance is heading.</p>
        </EmptyState>
      ) : (
        <div className="stack">
          {data.totals.map((total, i) => {
            const points = forecastPoints(total);
            const summary = forecastSummary(total, format);
            const color = colors[i % colors.length];
            return (
              <div key={total.currency} className="stack">
                <ChartCanvas
                  testId={`forecast-chart-${total.currency}`}
                  summary={summary}
                  config={{
                    type: "line",
                    data: {
                      labels: points.labels.map((d) => format.day(d, "short")),
                      datasets: [
                        {
                          label: `Balance (${total.currency})`,
                          data: points.values,
                          borderColor: color,
                          backgroundColor: color,
                          pointRadius: 0,
                        },
                      ],
                    },
                    options: { interaction: { mode: "index", intersect: false }, scales: { x: { ticks: { maxTicksLimit: 8 } } } },
                  }}
                />
                <p className="muted" aria-hidden="true">
                  {summary}
                </p>
              </div>
            );
          })}
          {data.warnings.length > 0 && (
            <ul className="plain" aria-label="Accounts projected below zero">
              {data.warnings.map((w) => (
                <li key={w.accountId}>
                  <strong>{w.name}</strong> goes below zero on {format.day(w.firstDate)} ({w.daysBelowZero} days); lowest{" "}
                  <span className="amount negative">{format.money(w.lowest.balance)}</span> on {format.day(w.lowest.date)}.
                </li>
              ))}
            </ul>
          )}
          {data.notes.map((note) => (
            <p key={note} className="muted">
              {note}
            </p>
          ))}
        </div>
      )}
    </Card>
  );
}
