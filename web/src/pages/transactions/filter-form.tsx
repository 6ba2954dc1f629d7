import type { FormEvent } from "react";
import { useSearchParams } from "react-router";

import { SelectField, TextField } from "../../ui/form";
import { FILTER_PARAMS, paramsFromForm, UNCATEGORIZED } from "./filters";
import { type AccountOption, type CategoryOption, CategoryOptionList } from "./options";

/**
 * The filters, kept in the URL: choices apply at once, typed text and dates when the form is sent
 * (Enter or "Apply"). The form is rebuilt when the URL changes (back and forward).
 */
export function FilterForm({ accounts, categories }: { accounts: readonly AccountOption[]; categories: readonly CategoryOption[] }) {
  const [params, setParams] = useSearchParams();
  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setParams(paramsFromForm(new FormData(event.currentTarget)));
  };
  const applyNow = (event: { currentTarget: HTMLSelectElement }) => event.currentTarget.form?.requestSubmit();
  const value = (name: string) => params.get(name) ?? "";
  return (
    <form key={params.toString()} role="search" aria-label="Filter transactions" className="tx-filters" onSubmit={apply}>
      <TextField label="Search" name="q" type="search" defaultValue={value("q")} maxLength={200} hint='Payee or notes; "phrases", -not' />
      <div className="tx-filter-actions">
        <button type="submit" className="button secondary">
          Apply
        </button>
        <button type="button" className="button secondary" onClick={() => setParams(new URLSearchParams())} disabled={params.size === 0}>
          Clear
        </button>
      </div>
      <details className="tx-more-filters" open={FILTER_PARAMS.some((name) => name !== "q" && params.get(name)) || undefined}>
        <summary>More filters</summary>
        <div className="tx-filter-grid">
          <SelectField label="Account" name="account" defaultValue={value("account")} onChange={applyNow}>
            <option value="">All accounts</option>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Category" name="category" defaultValue={value("category")} onChange={applyNow}>
            <option value="">All categories</option>
            <option value={UNCATEGORIZED}>Uncategorised</option>
            <CategoryOptionList categories={categories} />
          </SelectField>
          <SelectField label="Kind" name="kind" defaultValue={value("kind")} onChange={applyNow}>
            <option value="">Everything</option>
            <option value="EXPENSE">Expenses</option>
            <option value="INCOME">Income</option>
            <option value="TRANSFER">Transfers</option>
          </SelectField>
          <TextField label="From" name="from" type="date" defaultValue={value("from")} />
          <TextField label="To" name="to" type="date" defaultValue={value("to")} />
          <SelectField label="Show" name="deleted" defaultValue={value("deleted")} onChange={applyNow}>
            <option value="">Current</option>
            <option value="1">Deleted</option>
          </SelectField>
        </div>
      </details>
    </form>
  );
}
