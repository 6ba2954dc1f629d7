import { Link } from "react-router";

import { useApiQuery } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import { monthOf } from "../../format/dates";
import { OverviewSpendingDocument } from "../../generated/graphql";
import { Card } from "../../ui/card";
import { ChartCanvas, seriesColors } from "../../ui/chart";
import { EmptyState, ErrorMessage, Loading } from "../../ui/status";
import { spendingDonut, topSlices } from "./overview-data";

/** This month's spending by category (in the person's time zone), as a donut and its legend. */
export function SpendingCard() {
  const format = useFormat();
  const today = format.today();
  const query = useApiQuery(OverviewSpendingDocument, { range: monthOf(today) });
  const body = () => {
    if (query.error) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
    if (!query.data) return <Loading label="Loading spending" />;
    const { categories, total, currency } = query.data.spendingByCategory;
    if (categories.length === 0)
      return (
        <EmptyState title="No spending this month yet">
          <p>
            Record or import <Link to="/transactions">transactions</Link> on your <Link to="/accounts">accounts</Link> to see where the
            money goes.
          </p>
        </EmptyState>
      );
    const slices = topSlices(categories.map((c) => ({ name: c.name, amount: c.amount.amount })));
    const colors = seriesColors();
    return (
      <>
        <p className="figure">{format.money(total)}</p>
        <div className="donut-layout">
          <ChartCanvas
            config={spendingDonut(slices, colors)}
            summary={`Spending in ${format.month(today.slice(0, 7))}: ${slices.map((s) => `${s.name} ${format.money({ amount: s.amount, currency })}`).join(", ")}.`}
            height={180}
            testId="spending-donut"
          />
          <ul className="plain legend">
            {slices.map((s, i) => (
              <li key={s.name}>
                <span className="swatch" style={{ background: colors[i % colors.length] }} aria-hidden="true" />
                <span className="legend-name">{s.name}</span>
                <span className="amount">{format.money({ amount: s.amount, currency })}</span>
              </li>
            ))}
          </ul>
        </div>
      </>
    );
  };
  return (
    <Card title={`Spending in ${format.month(today.slice(0, 7))}`} id="spending">
      {body()}
    </Card>
  );
}
