import { useApiQuery } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import { LoansPageScheduleDocument } from "../../generated/graphql";
import { Card } from "../../ui/card";
import { EmptyState, ErrorMessage, Loading } from "../../ui/status";
import { PaymentForm } from "./payment-form";
import { ScheduleTable } from "./schedule-table";

const METHOD: Record<string, string> = { AMORTIZING: "equal payments", SIMPLE: "simple interest", INTEREST_ONLY: "interest only" };

/** One loan's terms, its schedule and a payment form. */
export function LoanDetail({ loanId }: { loanId: string }) {
  const format = useFormat();
  const loan = useApiQuery(LoansPageScheduleDocument, { id: loanId });
  const data = loan.data?.loan;
  return (
    <Card title={data ? `Schedule: ${data.name}` : "Schedule"} id="schedule">
      {loan.error ? (
        <ErrorMessage error={loan.error} onRetry={() => void loan.refetch()} />
      ) : !loan.data ? (
        <Loading label="Loading the schedule" />
      ) : !data ? (
        <EmptyState title="This loan no longer exists." />
      ) : (
        <div className="stack">
          <dl className="figures">
            <div>
              <dt>Rate</dt>
              <dd>{data.annualRatePercent} % a year</dd>
            </div>
            <div>
              <dt>Term</dt>
              <dd>
                {data.termMonths ? `${data.termMonths} months` : "Informal"}
                {data.method ? `, ${METHOD[data.method]}` : ""}
              </dd>
            </div>
            <div>
              <dt>Installment</dt>
              <dd>{data.installmentAmount ? format.money(data.installmentAmount) : "—"}</dd>
            </div>
            <div>
              <dt>Total interest</dt>
              <dd>{format.money(data.totalInterest)}</dd>
            </div>
          </dl>
          {data.schedule.length === 0 ? (
            <EmptyState title="No installments: this loan is repaid whenever." />
          ) : (
            <ScheduleTable schedule={data.schedule} />
          )}
          {(data.status === "ACTIVE" || data.status === "OVERDUE") && (
            <PaymentForm loanId={data.id} currency={data.totalInterest.currency} startDate={data.startDate} />
          )}
        </div>
      )}
    </Card>
  );
}
