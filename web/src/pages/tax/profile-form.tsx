import { type FormEvent, useState } from "react";

import { useApiMutation } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import { parseAmountInput } from "../../format/money";
import { type TaxPageProfileQuery, TaxPageSetProfileDocument } from "../../generated/graphql";
import { SelectField, SubmitButton, TextField } from "../../ui/form";
import { ErrorMessage } from "../../ui/status";
import { filingStatusLabel } from "./tax-labels";

type Profile = TaxPageProfileQuery["taxProfile"];

/** The year's settings: filing status, children, whether dividends are qualified, tax paid outside the ledger. */
export function ProfileForm({ profile, filingStatuses }: { profile: Profile; filingStatuses: readonly string[] }) {
  const format = useFormat();
  const save = useApiMutation(TaxPageSetProfileDocument);
  const [status, setStatus] = useState(profile.filingStatus);
  const [dependants, setDependants] = useState(String(profile.dependants));
  const [qualified, setQualified] = useState(profile.dividendsQualified);
  const [withholding, setWithholding] = useState(profile.otherWithholding.amount);
  const [checked, setChecked] = useState(false);
  const [saved, setSaved] = useState(false);

  const children = Number(dependants);
  const childrenError = !Number.isInteger(children) || children < 0 || children > 20 ? "Enter 0 to 20." : undefined;
  const withheld = parseAmountInput(withholding || "0", format.locale);
  const withheldError = !withheld || withheld.startsWith("-") ? "Enter an amount, 0 or more." : undefined;
  const currency = profile.otherWithholding.currency;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setSaved(false);
    if (childrenError || withheldError || !withheld) return;
    save.mutate(
      {
        input: {
          year: profile.year,
          filingStatus: status,
          dependants: children,
          dividendsQualified: qualified,
          otherWithholding: { amount: withheld, currency },
        },
      },
      { onSuccess: () => setSaved(true) },
    );
  };

  return (
    <form className="stack" onSubmit={submit} noValidate>
      <p className="muted">
        {profile.saved
          ? `Saved for ${profile.year}.`
          : profile.carriedFrom
            ? `Carried over from ${profile.carriedFrom} until you save ${profile.year}.`
            : `Defaults until you save ${profile.year}.`}
      </p>
      <SelectField label="Filing status" value={status} onChange={(e) => setStatus(e.target.value)}>
        {(filingStatuses.includes(status) ? filingStatuses : [status, ...filingStatuses]).map((code) => (
          <option key={code} value={code}>
            {filingStatusLabel(code)}
          </option>
        ))}
      </SelectField>
      <div className="row">
        <TextField
          label="Children"
          type="number"
          min={0}
          max={20}
          value={dependants}
          onChange={(e) => setDependants(e.target.value)}
          error={checked ? childrenError : undefined}
        />
        <TextField
          label={`Tax paid outside Moneta (${currency})`}
          inputMode="decimal"
          value={withholding}
          onChange={(e) => setWithholding(e.target.value)}
          error={checked ? withheldError : undefined}
          size={12}
        />
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={qualified} onChange={(e) => setQualified(e.target.checked)} />
        My dividends are qualified (taxed at capital gains rates)
      </label>
      {save.error && <ErrorMessage error={save.error} />}
      <div className="row">
        <SubmitButton busy={save.isPending}>Save tax profile</SubmitButton>
        {saved && (
          <p role="status" className="muted">
            Saved.
          </p>
        )}
      </div>
    </form>
  );
}
