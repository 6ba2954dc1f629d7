import { Link } from "react-router";

import { useApiQuery } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import { isNegative } from "../../format/money";
import { OverviewNetWorthDocument } from "../../generated/graphql";
import { Card } from "../../ui/card";
import { ChartCanvas, seriesColors } from "../../ui/chart";
import { EmptyState, ErrorMessage, Loading } from "../../ui/status";
import { lastMonths, netWorthChart } from "./overview-data";

/** Net worth today and month by month over the last year. */
export function NetWorthCard() {
  const format = useFormat();
  const range = lastMonths(format.today(), 12);
  const query = useApiQuery(OverviewNetWorthDocument, { range });
  const shortMonth = new Intl.DateTimeFormat(format.locale, { month: "short", year: "2-digit", timeZone: "UTC" });
  const body = () => {
    if (query.error) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
    if (!query.data) return <Loading label="Loading net worth" />;
    const netWorth = query.data.me?.netWorth;
    const history = query.data.netWorthHistory;
    const points = history.netWorth;
    const empty = !netWorth || /^-?0+(\.0+)?$/.test(netWorth.amount);
    const last = points.at(-1);
    return (
      <>
        {netWorth ? (
          <p className={`figure ${isNegative(netWorth) ? "negative" : ""}`}>{format.money(netWorth)}</p>
        ) : (
          <p className="muted">Not available today: an account is in a currency with no exchange rate yet.</p>
        )}
        {empty && points.every((p) => Number(p.value) === 0) ? (
          <EmptyState title="Nothing to add up yet">
            <p>
              <Link to="/accounts">Add your accounts</Link> with their balances to see your net worth and how it changes.
            </p>
          </EmptyState>
        ) : (
          points.length > 1 && (
            <ChartCanvas
              config={netWorthChart(points, (date) => shortMonth.format(new Date(`${date.slice(0, 7)}-01T00:00:00Z`)), seriesColors()[0]!)}
              summary={`Net worth over the last ${points.length} months${
                last ? `, ending at ${format.money({ amount: last.value, currency: history.currency })}` : ""
              }.`}
              height={200}
              testId="net-worth-chart"
            />
          )
        )}
        {history.leftOut > 0 && (
          <p className="muted small-print">
            {history.leftOut} account{history.leftOut === 1 ? "" : "s"} in another currency left out of the history.
          </p>
        )}
      </>
    );
  };
  return (
    <Card title="Net worth" id="net-worth" className="overview-wide">
      {body()}
    </Card>
  );
}
