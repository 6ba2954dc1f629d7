import "./investments.css";

import { useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "react-router";

import { useApiQuery, useLive } from "../../api/hooks";
import { InvestmentsPagePortfoliosDocument, InvestmentsPagePortfolioUpdatedDocument } from "../../generated/graphql";
import { Card, PageHeader } from "../../ui/card";
import { SelectField } from "../../ui/form";
import { EmptyState, ErrorMessage, Loading } from "../../ui/status";
import { CreatePortfolioForm } from "./create-portfolio-form";
import { HoldingsTable } from "./holdings-table";
import { PerformanceCard } from "./performance-card";
import { TradeForm } from "./trade-form";

/** One portfolio: holdings, value and returns, trades; reloaded live when its activity or prices change. */
function PortfolioView({ id, name, currency }: { id: string; name: string; currency: string }) {
  const queries = useQueryClient();
  useLive(InvestmentsPagePortfolioUpdatedDocument, { id }, () => void queries.invalidateQueries());
  return (
    <>
      <Card title={`Holdings in ${name}`} id="holdings" className="wide">
        <HoldingsTable portfolioId={id} />
      </Card>
      <Card title="Performance" id="performance">
        <PerformanceCard portfolioId={id} />
      </Card>
      <Card title="Record a trade" id="trade">
        <TradeForm portfolioId={id} currency={currency} />
      </Card>
    </>
  );
}

/** Portfolios: pick one (kept in the address as ?portfolio=), or open a new one. */
export default function InvestmentsPage() {
  const portfolios = useApiQuery(InvestmentsPagePortfoliosDocument, {});
  const [params, setParams] = useSearchParams();
  const select = (id: string) => setParams({ portfolio: id }, { replace: true });
  const list = portfolios.data?.portfolios ?? [];
  const chosen = list.find((p) => p.id === params.get("portfolio")) ?? list[0];

  return (
    <div className="investments stack">
      <PageHeader title="Investments">
        {list.length > 1 && chosen && (
          <SelectField label="Portfolio" value={chosen.id} onChange={(e) => select(e.target.value)}>
            {list.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.currency})
              </option>
            ))}
          </SelectField>
        )}
      </PageHeader>
      {portfolios.error && <ErrorMessage error={portfolios.error} onRetry={() => void portfolios.refetch()} />}
      {!portfolios.data && !portfolios.error && <Loading label="Loading portfolios" />}
      {portfolios.data && !chosen && (
        <EmptyState title="No portfolios yet">
          <p>Create one below, then record what you bought.</p>
        </EmptyState>
      )}
      <div className="grid">
        {chosen && <PortfolioView key={chosen.id} id={chosen.id} name={chosen.name} currency={chosen.currency} />}
        <Card title="New portfolio" id="new-portfolio">
          <CreatePortfolioForm onCreated={select} />
        </Card>
      </div>
    </div>
  );
}
