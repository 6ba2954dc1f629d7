import "./loans.css";

import { useSearchParams } from "react-router";

import { useApiQuery } from "../../api/hooks";
import { LoansPageListDocument } from "../../generated/graphql";
import { Card, PageHeader } from "../../ui/card";
import { EmptyState, ErrorMessage, Loading } from "../../ui/status";
import { CreateLoanForm } from "./create-loan-form";
import { DebtSummary } from "./debt-summary";
import { LoanDetail } from "./loan-detail";
import { LoansTable } from "./loans-table";

/** Loans lent and borrowed: what is owed, each loan's schedule (?loan=), payments and new loans. */
export default function LoansPage() {
  const list = useApiQuery(LoansPageListDocument, {});
  const [params, setParams] = useSearchParams();
  const loans = list.data?.loans ?? [];
  const chosen = loans.find((l) => l.id === params.get("loan")) ?? loans[0];
  const debt = list.data?.me?.debtSummary;

  return (
    <div className="loans stack">
      <PageHeader title="Loans" />
      <Card title="Your loans" id="loans">
        {list.error ? (
          <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
        ) : !list.data ? (
          <Loading label="Loading loans" />
        ) : (
          <>
            {debt && <DebtSummary owedByMe={debt.owedByMe} owedToMe={debt.owedToMe} />}
            {loans.length === 0 ? (
              <EmptyState title="No loans yet">
                <p>Add money you borrowed or lent below to follow its schedule.</p>
              </EmptyState>
            ) : (
              <LoansTable loans={loans} chosenId={chosen?.id} />
            )}
          </>
        )}
      </Card>
      {chosen && <LoanDetail key={chosen.id} loanId={chosen.id} />}
      <Card title="New loan" id="new-loan">
        <CreateLoanForm onCreated={(id) => setParams({ loan: id }, { replace: true })} />
      </Card>
    </div>
  );
}
