import { useApiQuery } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import { isNegative, type MoneyValue } from "../../format/money";
import { InvestmentsPageHoldingsDocument } from "../../generated/graphql";
import { EmptyState, ErrorMessage, Loading } from "../../ui/status";

/** Each security held: units, cost, latest price (with its day), value and gain. */
export function HoldingsTable({ portfolioId }: { portfolioId: string }) {
  const format = useFormat();
  const holdings = useApiQuery(InvestmentsPageHoldingsDocument, { id: portfolioId });
  if (holdings.error) return <ErrorMessage error={holdings.error} onRetry={() => void holdings.refetch()} />;
  if (!holdings.data) return <Loading label="Loading holdings" />;
  const portfolio = holdings.data.portfolio;
  if (!portfolio) return <EmptyState title="This portfolio no longer exists." />;
  const money = (value: MoneyValue | null | undefined) => (value ? format.money(value) : "—");
  const quantity = (text: string) =>
    new Intl.NumberFormat(format.locale, { maximumFractionDigits: 18 }).format(text as Intl.StringNumericLiteral);

  return (
    <>
      {portfolio.holdings.length === 0 ? (
        <EmptyState title="Nothing held yet">
          <p>Record a buy below to see it here.</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table aria-label="Holdings">
            <thead>
              <tr>
                <th scope="col">Security</th>
                <th scope="col" className="amount">
                  Units
                </th>
                <th scope="col" className="amount">
                  Cost
                </th>
                <th scope="col" className="amount">
                  Price
                </th>
                <th scope="col" className="amount">
                  Value
                </th>
                <th scope="col" className="amount">
                  Gain
                </th>
              </tr>
            </thead>
            <tbody>
              {portfolio.holdings.map((h) => (
                <tr key={h.id}>
                  <th scope="row">
                    <span className="symbol">{h.security.symbol}</span>
                    <span className="muted small-text">{h.security.name}</span>
                  </th>
                  <td className="amount">{quantity(h.quantity)}</td>
                  <td className="amount">{money(h.costBasis)}</td>
                  <td className="amount">
                    {money(h.price)}
                    {h.priceDate && <span className="muted small-text">{format.day(h.priceDate, "short")}</span>}
                  </td>
                  <td className="amount">{money(h.marketValue)}</td>
                  <td className={`amount ${h.unrealizedGain && isNegative(h.unrealizedGain) ? "negative" : "positive"}`}>
                    {h.unrealizedGain ? format.money(h.unrealizedGain, { signed: true }) : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {portfolio.tracksCash && portfolio.cash.length > 0 && (
        <p className="muted">Cash: {portfolio.cash.map((c) => format.money(c)).join(", ")}</p>
      )}
    </>
  );
}
