import { useApiMutation, useApiQuery } from "../../api/hooks";
import { InsightsPageDismissRecommendationDocument, InsightsPageRecommendationsDocument } from "../../generated/graphql";
import { Card } from "../../ui/card";
import { EmptyState, ErrorMessage, Loading } from "../../ui/status";

/** Advice from the person's own figures; dismissing hides it until the situation is a new one. */
export function RecommendationsCard() {
  const recommendations = useApiQuery(InsightsPageRecommendationsDocument, {});
  const dismiss = useApiMutation(InsightsPageDismissRecommendationDocument);
  const list = recommendations.data?.recommendations;
  return (
    <Card title="Recommendations" id="recommendations">
      {recommendations.error ? (
        <ErrorMessage error={recommendations.error} onRetry={() => void recommendations.refetch()} />
      ) : !list ? (
        <Loading label="Loading recommendations" />
      ) : list.length === 0 ? (
        <EmptyState title="No recommendations right now." />
      ) : (
        <ul className="plain">
          {list.map((r) => (
            <li key={r.id} className="insight-item">
              <div>
                <strong>{r.title}</strong>
                <p>{r.explanation}</p>
                {r.figures.length > 0 && (
                  <dl className="insight-figures">
                    {r.figures.map((f) => (
                      <div key={f.label} className="contents">
                        <dt>{f.label}</dt>
                        <dd>{f.value}</dd>
                      </div>
                    ))}
                  </dl>
                )}
              </div>
              <button
                type="button"
                className="button secondary small"
                onClick={() => dismiss.mutate({ id: r.id })}
                aria-label={`Dismiss: ${r.title}`}
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
