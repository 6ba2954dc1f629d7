import { useApiQuery } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import { isNegative, type MoneyValue } from "../../format/money";
import { formatPercent } from "../../format/percent";
import { TaxPageSummaryDocument } from "../../generated/graphql";
import { Card } from "../../ui/card";
import { EmptyState, ErrorMessage, Loading } from "../../ui/status";
import { filingStatusLabel, TREATMENT_LABEL } from "./tax-labels";

function Figure({ label, value, total }: { label: string; value: string; total?: boolean }) {
  return (
    <>
      <dt className={total ? "total" : undefined}>{label}</dt>
      <dd className={`amount ${total ? "total" : ""}`}>{value}</dd>
    </>
  );
}

/** The year's estimate from the person's own data: income, deduction, tax, what is left to pay. */
export function YearSummary({ year }: { year: number }) {
  const format = useFormat();
  const summary = useApiQuery(TaxPageSummaryDocument, { year });
  const s = summary.data?.taxYearSummary;
  const money = (m: MoneyValue) => format.money(m);
  return (
    <>
      <Card title={`Estimate for ${year}`} id="estimate">
        {summary.error ? (
          <ErrorMessage error={summary.error} onRetry={() => void summary.refetch()} />
        ) : !s ? (
          <Loading label="Loading the estimate" />
        ) : (
          <>
            <p className="muted">
              {s.jurisdiction}, {filingStatusLabel(s.filingStatus)} · tables {s.revision}
            </p>
            <dl className="figures" data-testid="tax-figures">
              <Figure label="Gross income" value={money(s.grossIncome)} />
              <Figure label="Adjusted gross income" value={money(s.adjustedGrossIncome)} />
              <Figure
                label={s.deduction.chosen === "STANDARD" ? "Standard deduction" : "Itemized deductions"}
                value={money(s.deduction.amount)}
              />
              <Figure label="Net capital gains" value={money(s.capitalGains.net)} />
              <Figure label="Taxable income" value={money(s.taxableIncome)} />
              <Figure label="Estimated tax" value={money(s.estimatedTax)} total />
              <Figure label="Effective rate" value={formatPercent(s.effectiveRatePercent, format.locale, { signed: false })} />
              <Figure label="Already withheld or paid" value={money(s.withheld)} />
              <Figure
                label={isNegative(s.leftToPay) ? "Refund to expect" : "Left to pay"}
                value={
                  isNegative(s.leftToPay) ? money({ ...s.leftToPay, amount: s.leftToPay.amount.replace(/^-/, "") }) : money(s.leftToPay)
                }
                total
              />
            </dl>
            {s.unconvertedItems > 0 && (
              <p className="muted">
                {s.unconvertedItems} items in other currencies are left out (no amount in {s.currency}).
              </p>
            )}
          </>
        )}
      </Card>
      <Card title="Categories that count" id="tax-categories">
        {!s ? (
          summary.error ? (
            <EmptyState title="No estimate to break down." />
          ) : (
            <Loading label="Loading categories" />
          )
        ) : s.categories.length === 0 ? (
          <EmptyState title="No income or deductions recorded for this year yet." />
        ) : (
          <div className="table-wrap">
            <table aria-label={`Tax categories ${year}`}>
              <thead>
                <tr>
                  <th scope="col">Category</th>
                  <th scope="col">Counts as</th>
                  <th scope="col" className="amount">
                    Amount
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.categories.map((c) => (
                  <tr key={`${c.categoryId ?? "none"}-${c.treatment}`}>
                    <th scope="row">{c.name}</th>
                    <td>{TREATMENT_LABEL[c.treatment]}</td>
                    <td className="amount">{money(c.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
