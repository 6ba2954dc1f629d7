import { useApiQuery } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import { OverviewUpcomingDocument } from "../../generated/graphql";
import { Card } from "../../ui/card";
import { EmptyState, ErrorMessage, Loading } from "../../ui/status";
import { addDays, upcomingItems } from "./overview-data";

const DAYS = 30;

/** Bills and loan installments due in the next 30 days. */
export function UpcomingCard() {
  const format = useFormat();
  const query = useApiQuery(OverviewUpcomingDocument, {});
  const body = () => {
    if (query.error) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
    if (!query.data) return <Loading label="Loading upcoming payments" />;
    const items = upcomingItems(query.data.upcomingBills, query.data.loans, addDays(format.today(), DAYS));
    if (items.length === 0)
      return (
        <EmptyState title="Nothing due in the next 30 days">
          <p>Recurring bills and loan installments show up here before they are due.</p>
        </EmptyState>
      );
    return (
      <ul className="plain">
        {items.slice(0, 8).map((item) => (
          <li key={item.key} className="upcoming-item">
            <span>
              <span className="upcoming-label">{item.label}</span>
              <span className="muted">
                {" "}
                · {item.kind === "bill" ? "Bill" : item.incoming ? "Installment to receive" : "Installment"} · {format.day(item.date)}
              </span>
            </span>
            <span className={`amount ${item.incoming ? "positive" : ""}`}>{format.money(item.amount)}</span>
          </li>
        ))}
      </ul>
    );
  };
  return (
    <Card title="Coming up" id="upcoming">
      {body()}
    </Card>
  );
}
