import { useQueryClient } from "@tanstack/react-query";
import { type ChangeEvent, type FormEvent, useState } from "react";

import { queryKeyOf, useApiMutation } from "../../api/hooks";
import { TransactionsPageImportBatchDocument, TransactionsPageImportDocument } from "../../generated/graphql";
import { Card } from "../../ui/card";
import { SelectField, SubmitButton } from "../../ui/form";
import { ErrorMessage } from "../../ui/status";
import { type CsvGuess, DATE_FORMATS, DELIMITERS, formatOfFile, guessCsvMapping, headerColumns } from "./csv-mapping";
import { ImportProgress } from "./import-progress";
import type { AccountOption } from "./options";

interface Picked {
  name: string;
  text: string;
  format: "CSV" | "OFX";
  /** One key per chosen file: sending the same file twice (a double click) imports it once. */
  idempotencyKey: string;
}

function ColumnSelect({
  label,
  value,
  columns,
  optional,
  onChange,
}: {
  label: string;
  value: string;
  columns: string[];
  optional?: boolean;
  onChange: (v: string) => void;
}) {
  return (
    <SelectField label={label} value={value} onChange={(e) => onChange(e.target.value)} required={!optional}>
      <option value="">{optional ? "None" : "Choose a column"}</option>
      {columns.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </SelectField>
  );
}

/** Picks the CSV's columns; the first guess comes from the file's header and rows. */
function CsvMappingFields({ text, mapping, onChange }: { text: string; mapping: CsvGuess; onChange: (m: CsvGuess) => void }) {
  const set = (change: Partial<CsvGuess>) => onChange({ ...mapping, ...change });
  return (
    <fieldset className="tx-form-grid">
      <legend>Columns</legend>
      <SelectField
        label="Separator"
        value={mapping.delimiter}
        onChange={(e) => set({ delimiter: e.target.value, columns: headerColumns(text, e.target.value) })}
      >
        {DELIMITERS.map((d) => (
          <option key={d.label} value={d.value}>
            {d.label}
          </option>
        ))}
      </SelectField>
      <ColumnSelect label="Date column" value={mapping.date} columns={mapping.columns} onChange={(date) => set({ date })} />
      <SelectField label="Date format" value={mapping.dateFormat} onChange={(e) => set({ dateFormat: e.target.value })}>
        {DATE_FORMATS.map((f) => (
          <option key={f}>{f}</option>
        ))}
      </SelectField>
      <ColumnSelect label="Amount column" value={mapping.amount} columns={mapping.columns} onChange={(amount) => set({ amount })} />
      <SelectField
        label="Decimal mark"
        value={mapping.decimalSeparator}
        onChange={(e) => set({ decimalSeparator: e.target.value as "." | "," })}
      >
        <option value=".">Point (12.50)</option>
        <option value=",">Comma (12,50)</option>
      </SelectField>
      <ColumnSelect label="Payee column" value={mapping.payee} columns={mapping.columns} optional onChange={(payee) => set({ payee })} />
      <ColumnSelect label="Memo column" value={mapping.memo} columns={mapping.columns} optional onChange={(memo) => set({ memo })} />
    </fieldset>
  );
}

/** Imports a bank statement (CSV or OFX/QFX) into one account, then follows the import. */
export function ImportCard({ accounts, onFinished }: { accounts: readonly AccountOption[]; onFinished: () => void }) {
  const queries = useQueryClient();
  const [accountId, setAccountId] = useState("");
  const [picked, setPicked] = useState<Picked | undefined>();
  const [mapping, setMapping] = useState<CsvGuess | undefined>();
  const [batchId, setBatchId] = useState<string | undefined>();
  const [missing, setMissing] = useState(false);
  const start = useApiMutation(TransactionsPageImportDocument, { invalidate: false });
  const account = accountId || accounts[0]?.id || "";

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    start.reset();
    setBatchId(undefined);
    setMissing(false);
    if (!file) return setPicked(undefined);
    const text = await file.text();
    const format = formatOfFile(file.name, text);
    setPicked({ name: file.name, text, format, idempotencyKey: crypto.randomUUID() });
    setMapping(format === "CSV" ? guessCsvMapping(text) : undefined);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!picked);
    if (!picked || !account || start.isPending) return;
    const csv = picked.format === "CSV" && mapping;
    start.mutate(
      {
        input: {
          accountId: account,
          format: picked.format,
          content: picked.text,
          idempotencyKey: picked.idempotencyKey,
          mapping: csv
            ? {
                date: mapping.date,
                amount: mapping.amount,
                payee: mapping.payee || undefined,
                memo: mapping.memo || undefined,
                dateFormat: mapping.dateFormat,
                decimalSeparator: mapping.decimalSeparator,
                delimiter: mapping.delimiter,
              }
            : undefined,
        },
      },
      {
        onSuccess: ({ importTransactions: batch }) => {
          queries.setQueryData(queryKeyOf(TransactionsPageImportBatchDocument, { id: batch.id }), { importBatch: batch });
          setBatchId(batch.id);
        },
      },
    );
  };

  return (
    <Card title="Import a statement" id="import">
      <form className="stack" onSubmit={submit} aria-label="Import a statement">
        <div className="tx-form-grid">
          <div className="field">
            <label htmlFor="import-file">Statement file (CSV, OFX or QFX)</label>
            <input
              id="import-file"
              type="file"
              accept=".csv,.ofx,.qfx,.txt,text/csv"
              aria-invalid={missing || undefined}
              aria-describedby={missing ? "import-file-error" : undefined}
              onChange={(e) => void choose(e)}
            />
            {missing && (
              <p id="import-file-error" className="field-error">
                Choose a file first.
              </p>
            )}
          </div>
          <SelectField label="Into account" value={account} onChange={(e) => setAccountId(e.target.value)}>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.currency})
              </option>
            ))}
          </SelectField>
        </div>
        {picked?.format === "OFX" && <p className="muted">{picked.name}: an OFX statement; its columns are known.</p>}
        {picked?.format === "CSV" && mapping && <CsvMappingFields text={picked.text} mapping={mapping} onChange={setMapping} />}
        {start.error && <ErrorMessage error={start.error} />}
        <div>
          <SubmitButton busy={start.isPending}>Import</SubmitButton>
        </div>
      </form>
      {batchId && <ImportProgress key={batchId} id={batchId} onFinished={onFinished} />}
    </Card>
  );
}
