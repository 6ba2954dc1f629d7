import "./tax.css";

import { useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "react-router";

import { useApiQuery, useLive } from "../../api/hooks";
import { TaxPageEstimateChangedDocument, TaxPageProfileDocument } from "../../generated/graphql";
import { Card, PageHeader } from "../../ui/card";
import { SelectField } from "../../ui/form";
import { ErrorMessage, Loading } from "../../ui/status";
import { ProfileForm } from "./profile-form";
import { taxYears } from "./tax-labels";
import { YearSummary } from "./year-summary";

/** A tax year (?year=, else the profile's own year): the estimate, what counts, and the year's settings. */
export default function TaxPage() {
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get("year")) || undefined;
  const profile = useApiQuery(TaxPageProfileDocument, { year: asked ?? null });
  const queries = useQueryClient();
  // A new transaction, trade or profile moves the estimate: reload what is shown.
  useLive(TaxPageEstimateChangedDocument, {}, () => void queries.invalidateQueries());

  const data = profile.data;
  const year = data?.taxProfile.year ?? asked;
  const years = data ? taxYears(data.taxTables) : [];
  const table =
    data?.taxTables.find((t) => t.year === year && t.jurisdiction === data.taxProfile.jurisdiction && t.isDefault) ??
    data?.taxTables.find((t) => t.year === year);

  return (
    <div className="tax stack">
      <PageHeader title="Tax">
        {year && years.length > 0 && (
          <SelectField label="Tax year" value={year} onChange={(e) => setParams({ year: e.target.value }, { replace: true })}>
            {(years.includes(year) ? years : [year, ...years]).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </SelectField>
        )}
      </PageHeader>
      {profile.error && <ErrorMessage error={profile.error} onRetry={() => void profile.refetch()} />}
      {!data && !profile.error && <Loading label="Loading your tax profile" />}
      {data && year && (
        <div className="grid">
          <YearSummary year={year} />
          <Card title={`Your ${year} profile`} id="tax-profile">
            <ProfileForm key={year} profile={data.taxProfile} filingStatuses={table?.filingStatuses ?? [data.taxProfile.filingStatus]} />
          </Card>
        </div>
      )}
    </div>
  );
}
