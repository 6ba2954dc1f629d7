import { type FormEvent, useState } from "react";

import { useApiMutation } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import { TransactionsPagePostDocument, TransactionsPageUpdateDocument } from "../../generated/graphql";
import { SelectField, SubmitButton, TextField } from "../../ui/form";
import { ErrorMessage } from "../../ui/status";
import { fieldErrorsOf } from "./field-errors";
import { type AccountOption, type CategoryOption, CategoryOptionList } from "./options";
import { SplitLines } from "./split-lines";
import { type Draft, draftFromRow, newDraft, postInput, readDraft, splitRemainder, updateInput } from "./transaction-draft";
import type { TransactionRow } from "./use-transaction-pages";

/**
 * Adds a transaction, or edits `editing`. An add carries one idempotency key for the life of the
 * form, so a second click (or a retry after a lost answer) posts it once.
 */
export function TransactionForm({
  editing,
  accounts,
  categories,
  onDone,
  onCancel,
}: {
  editing?: TransactionRow;
  accounts: readonly AccountOption[];
  categories: readonly CategoryOption[];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const format = useFormat();
  const [draft, setDraft] = useState<Draft>(() =>
    editing ? draftFromRow(editing, format.locale) : newDraft(accounts[0]?.id ?? "", format.today()),
  );
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const post = useApiMutation(TransactionsPagePostDocument);
  const update = useApiMutation(TransactionsPageUpdateDocument);
  const mutation = editing ? update : post;
  const errors = { ...fieldErrorsOf(mutation.error), ...localErrors };
  const currency = accounts.find((a) => a.id === draft.accountId)?.currency ?? editing?.amount.currency ?? format.baseCurrency;
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const read = readDraft(draft, format.locale, currency);
    setLocalErrors(read.ok ? {} : read.errors);
    if (!read.ok || mutation.isPending) return;
    const payee = read.fields.payee || "transaction";
    if (editing) {
      update.mutate({ id: editing.id, input: updateInput(read.fields) }, { onSuccess: () => onDone(`Saved ${payee}.`) });
    } else {
      post.mutate({ input: postInput(read.fields, idempotencyKey) }, { onSuccess: () => onDone(`Added ${payee}.`) });
    }
  };

  return (
    <form onSubmit={submit} className="stack" aria-label={editing ? "Edit transaction" : "Add transaction"} noValidate>
      <div className="tx-form-grid">
        <SelectField label="Account" value={draft.accountId} onChange={(e) => set({ accountId: e.target.value })} required>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({a.currency})
            </option>
          ))}
        </SelectField>
        <TextField
          label="Date"
          type="date"
          required
          value={draft.date}
          error={errors.date}
          onChange={(e) => set({ date: e.target.value })}
        />
        <TextField
          label="Payee"
          value={draft.payee}
          maxLength={200}
          error={errors.payee}
          onChange={(e) => set({ payee: e.target.value })}
        />
        <SelectField label="Direction" value={draft.direction} onChange={(e) => set({ direction: e.target.value as Draft["direction"] })}>
          <option value="out">Money out</option>
          <option value="in">Money in</option>
        </SelectField>
        <TextField
          label={`Amount (${currency})`}
          inputMode="decimal"
          autoComplete="off"
          required
          value={draft.amount}
          error={errors.amount}
          onChange={(e) => set({ amount: e.target.value })}
        />
        {!draft.split && (
          <SelectField label="Category" value={draft.categoryId} onChange={(e) => set({ categoryId: e.target.value })}>
            <option value="">{editing ? "Uncategorised" : "Let my rules choose"}</option>
            <CategoryOptionList categories={categories} />
          </SelectField>
        )}
      </div>
      <label className="tx-check">
        <input type="checkbox" checked={draft.split} onChange={(e) => set({ split: e.target.checked })} /> Split between several categories
      </label>
      {draft.split && (
        <SplitLines
          lines={draft.lines}
          onChange={(lines) => set({ lines })}
          remainder={splitRemainder(draft, format.locale)}
          currency={currency}
          categories={categories}
          errors={errors}
        />
      )}
      <TextField label="Notes" value={draft.notes} maxLength={2000} error={errors.notes} onChange={(e) => set({ notes: e.target.value })} />
      <TextField
        label="Tags"
        hint="Separate tags with commas."
        value={draft.tags}
        error={errors.tags}
        onChange={(e) => set({ tags: e.target.value })}
      />
      {errors.accountId && <p className="field-error">{errors.accountId}</p>}
      {mutation.error && <ErrorMessage error={mutation.error} />}
      <div className="row">
        <SubmitButton busy={mutation.isPending}>{editing ? "Save changes" : "Add transaction"}</SubmitButton>
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
