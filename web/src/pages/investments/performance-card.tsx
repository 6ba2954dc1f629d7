import { useState } from "react";

import { ApiError } from "../../api/api-error";
import { useApiQuery } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import { isNegative } from "../../format/money";
import { formatPercent } from "../../format/percent";
import { InvestmentsPageReturnsDocument, InvestmentsPageValueHistoryDocument } from "../../generated/graphql";
import { ChartCanvas, seriesColors } from "../../ui/chart";
import { SelectField } from "../../ui/form";
import { EmptyState, ErrorMessage, Loading } from "../../ui/status";
import { type PeriodKey, periodRange, PERIODS } from "./periods";
import { valueSeries } from "./value-history";

/** Codes that mean "not known yet" (a security without a close), not a failure. */
const UNKNOWN_VALUE = new Set(["PRICE_MISSING", "EXCHANGE_RATE_MISSING"]);

function Returns({ portfolioId, from, to }: { portfolioId: string; from: string; to: string }) {
  const format = useFormat();
  const returns = useApiQuery(InvestmentsPageReturnsDocument, { id: portfolioId, from, to });
  if (returns.error instanceof ApiError && UNKNOWN_VALUE.has(returns.error.code)) {
    return (
      <EmptyState title="Value not known yet">
        <p>{returns.error.message}</p>
      </EmptyState>
    );
  }
  if (returns.error) return <ErrorMessage error={returns.error} onRetry={() => void returns.refetch()} />;
  if (!returns.data?.portfolio) return <Loading label="Loading value and returns" />;
  const { value, performance } = returns.data.portfolio;
  return (
    <dl className="figures">
      <div>
        <dt>Value today</dt>
        <dd data-testid="portfolio-value">{value ? format.money(value) : "—"}</dd>
      </div>
      <div>
        <dt>Gain in period</dt>
        <dd className={performance && isNegative(performance.gain) ? "negative" : ""}>
          {performance ? format.money(performance.gain, { signed: true }) : "—"}
        </dd>
      </div>
      <div>
        <dt>Time-weighted return</dt>
        <dd>{formatPercent(performance?.timeWeightedReturn, format.locale)}</dd>
      </div>
      <div>
        <dt>Money-weighted (yearly)</dt>
        <dd>{formatPercent(performance?.moneyWeightedReturn, format.locale)}</dd>
      </div>
    </dl>
  );
}

function ValueChart({ portfolioId, period }: { portfolioId: string; period: PeriodKey }) {
  const format = useFormat();
  const { from, to } = periodRange(format.today(), period);
  const history = useApiQuery(InvestmentsPageValueHistoryDocument, { id: portfolioId, from, to, interval: PERIODS[period].interval });
  if (history.error) return <ErrorMessage error={history.error} onRetry={() => void history.refetch()} />;
  if (!history.data?.portfolio) return <Loading label="Loading value history" />;
  const { currency, valueHistory } = history.data.portfolio;
  const series = valueSeries(valueHistory);
  if (!series.first || !series.last) return <EmptyState title="No value to chart in this period yet." />;
  const [value, contributed] = seriesColors();
  const summary =
    `Portfolio value from ${format.money({ amount: series.first.amount, currency })} on ${format.day(series.first.date)} ` +
    `to ${format.money({ amount: series.last.amount, currency })} on ${format.day(series.last.date)}` +
    (series.missing > 0 ? `; ${series.missing} points without a price.` : ".");
  return (
    <>
      <ChartCanvas
        testId="portfolio-value-chart"
        summary={summary}
        config={{
          type: "line",
          data: {
            labels: series.labels.map((d) => format.day(d, "short")),
            datasets: [
              { label: "Value", data: series.values, borderColor: value, backgroundColor: value, pointRadius: 0, spanGaps: false },
              {
                label: "Money put in",
                data: series.contributions,
                borderColor: contributed,
                backgroundColor: contributed,
                borderDash: [6, 4],
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
    </>
  );
}

/** Value today, returns over a chosen period, and the value's history as a line chart. */
export function PerformanceCard({ portfolioId }: { portfolioId: string }) {
  const format = useFormat();
  const [period, setPeriod] = useState<PeriodKey>("3M");
  const { from, to } = periodRange(format.today(), period);
  return (
    <div className="stack">
      <SelectField label="Period" value={period} onChange={(e) => setPeriod(e.target.value as PeriodKey)}>
        {(Object.keys(PERIODS) as PeriodKey[]).map((key) => (
          <option key={key} value={key}>
            {PERIODS[key].label}
          </option>
        ))}
      </SelectField>
      <Returns portfolioId={portfolioId} from={from} to={to} />
      <ValueChart portfolioId={portfolioId} period={period} />
    </div>
  );
}
