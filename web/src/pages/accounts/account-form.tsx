import { type FormEvent, useState } from "react";

import { useApiMutation } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import { parseAmountInput } from "../../format/money";
import { AccountsPageCreateDocument, type AccountType } from "../../generated/graphql";
import { Card } from "../../ui/card";
import { SelectField, SubmitButton, TextField } from "../../ui/form";
import { ErrorMessage } from "../../ui/status";
import { ACCOUNT_TYPE_LABELS } from "./account-types";

/** A new account: its type, currency, and what it held on the day tracking starts. */
export function AccountForm() {
  const format = useFormat();
  const [name, setName] = useState("");
  const [type, setType] = useState<AccountType>("CHECKING");
  const [currency, setCurrency] = useState(format.baseCurrency);
  const [opening, setOpening] = useState("0");
  const [openingDate, setOpeningDate] = useState(format.today);
  const [openingError, setOpeningError] = useState<string>();
  const create = useApiMutation(AccountsPageCreateDocument);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseAmountInput(opening, format.locale);
    setOpeningError(parsed ? undefined : "Enter an amount, for example 0 or 1250.00 (negative for money owed).");
    if (!parsed) return;
    create.mutate(
      {
        input: {
          name: name.trim(),
          type,
          openingBalance: { amount: parsed, currency: currency.trim().toUpperCase() },
          openingDate,
          idempotencyKey: crypto.randomUUID(),
        },
      },
      {
        onSuccess: () => {
          setName("");
          setOpening("0");
        },
      },
    );
  };

  return (
    <Card title="New account" id="new-account">
      <form className="stack" onSubmit={submit} aria-label="New account">
        <TextField label="Account name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        <div className="row">
          <SelectField label="Type" value={type} onChange={(e) => setType(e.target.value as AccountType)}>
            {Object.entries(ACCOUNT_TYPE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Currency"
            required
            minLength={3}
            maxLength={3}
            pattern="[A-Za-z]{3}"
            autoCapitalize="characters"
            hint="ISO code, e.g. EUR"
            value={currency}
            onChange={(e) => setCurrency(e.target.value)}
          />
        </div>
        <div className="row">
          <TextField
            label="Opening balance"
            inputMode="decimal"
            required
            value={opening}
            error={openingError}
            onChange={(e) => setOpening(e.target.value)}
          />
          <TextField label="Opening date" type="date" required value={openingDate} onChange={(e) => setOpeningDate(e.target.value)} />
        </div>
        {create.error && <ErrorMessage error={create.error} />}
        <SubmitButton busy={create.isPending}>Add account</SubmitButton>
      </form>
    </Card>
  );
}
