import { type FormEvent, useState } from "react";

import { useApiMutation } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import { InvestmentsPageCreatePortfolioDocument } from "../../generated/graphql";
import { SelectField, SubmitButton, TextField } from "../../ui/form";
import { ErrorMessage } from "../../ui/status";

/** Opens a portfolio; `onCreated` selects it. */
export function CreatePortfolioForm({ onCreated }: { onCreated: (id: string) => void }) {
  const format = useFormat();
  const create = useApiMutation(InvestmentsPageCreatePortfolioDocument);
  const [name, setName] = useState("");
  const [currency, setCurrency] = useState(format.baseCurrency);
  const [method, setMethod] = useState<"FIFO" | "AVERAGE_COST">("FIFO");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { input: { name: name.trim(), currency: currency.trim().toUpperCase(), costBasisMethod: method } },
      {
        onSuccess: (data) => {
          setName("");
          onCreated(data.createPortfolio.id);
        },
      },
    );
  };

  return (
    <form className="stack" onSubmit={submit}>
      <TextField label="Portfolio name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
      <div className="row">
        <TextField
          label="Currency"
          value={currency}
          onChange={(e) => setCurrency(e.target.value)}
          required
          pattern="[A-Za-z]{3}"
          maxLength={3}
          size={5}
        />
        <SelectField label="Cost basis" value={method} onChange={(e) => setMethod(e.target.value as typeof method)}>
          <option value="FIFO">Oldest lots first (FIFO)</option>
          <option value="AVERAGE_COST">Average cost</option>
        </SelectField>
      </div>
      {create.error && <ErrorMessage error={create.error} />}
      <div>
        <SubmitButton busy={create.isPending}>Create portfolio</SubmitButton>
      </div>
    </form>
  );
}
