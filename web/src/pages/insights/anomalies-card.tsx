import { useApiMutation, useApiQuery } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import { InsightsPageAnomaliesDocument, InsightsPageDismissAnomalyDocument } from "../../generated/graphql";
import { Card } from "../../ui/card";
import { EmptyState, ErrorMessage, Loading } from "../../ui/status";

const KIND: Record<string, string> = {
  UNUSUAL_AMOUNT: "Unusual amount",
  DUPLICATE_CHARGE: "Possible duplicate",
  NEW_PAYEE_LARGE: "Large new payee",
  CATEGORY_SPIKE: "Category spike",
};

/** Unusual transactions found in the ledger; dismissing one hides it. */
export function AnomaliesCard() {
  const format = useFormat();
  const anomalies = useApiQuery(InsightsPageAnomaliesDocument, {});
  const dismiss = useApiMutation(InsightsPageDismissAnomalyDocument);
  const list = anomalies.data?.anomalies;
  return (
    <Card title="Unusual activity" id="anomalies">
      {anomalies.error ? (
        <ErrorMessage error={anomalies.error} onRetry={() => void anomalies.refetch()} />
      ) : !list ? (
        <Loading label="Loading unusual activity" />
      ) : list.length === 0 ? (
        <EmptyState title="Nothing unusual found." />
      ) : (
        <ul className="plain">
          {list.map((a) => (
            <li key={a.id} className="insight-item">
              <div>
                <span className="badge">{KIND[a.kind] ?? a.kind}</span> <span className="muted">{format.day(a.date)}</span>
                <p>{a.explanation}</p>
              </div>
              <button
                type="button"
                className="button secondary small"
                disabled={dismiss.isPending && dismiss.variables?.id === a.id}
                onClick={() => dismiss.mutate({ id: a.id })}
                aria-label={`Dismiss: ${a.explanation}`}
              >
                Dismiss
              </button>
            </li>
          ))}
        </ul>
      )}
      {dismiss.error && <ErrorMessage error={dismiss.error} />}
    </Card>
  );
}
