import { useApiQuery } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import { monthOf } from "../../format/dates";
import { isNegative } from "../../format/money";
import { formatPercent } from "../../format/percent";
import { InsightsPageSavingsDocument } from "../../generated/graphql";
import { Card } from "../../ui/card";
import { ErrorMessage, Loading } from "../../ui/status";

/** This month's income, spending and the share of income saved. */
export function SavingsCard() {
  const format = useFormat();
  const today = format.today();
  const savings = useApiQuery(InsightsPageSavingsDocument, { range: monthOf(today) });
  const s = savings.data?.savingsRate;
  return (
    <Card title={`Savings rate, ${format.month(today.slice(0, 7))}`} id="savings">
      {savings.error ? (
        <ErrorMessage error={savings.error} onRetry={() => void savings.refetch()} />
      ) : !s ? (
        <Loading label="Loading your savings rate" />
      ) : (
        <>
          <p className="figure" data-testid="savings-rate">
            {s.ratePercent === null ? "No income yet" : formatPercent(s.ratePercent, format.locale, { signed: false })}
          </p>
          <dl className="insight-figures">
            <dt>Income</dt>
            <dd className="amount">{format.money(s.income)}</dd>
            <dt>Spending</dt>
            <dd className="amount">{format.money(s.spending)}</dd>
            <dt>Saved</dt>
            <dd className={`amount ${isNegative(s.saved) ? "negative" : ""}`}>{format.money(s.saved, { signed: true })}</dd>
          </dl>
        </>
      )}
    </Card>
  );
}
