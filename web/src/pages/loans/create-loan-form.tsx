import { type FormEvent, useId, useState } from "react";

import { useApiMutation, useApiQuery } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import { parseAmountInput } from "../../format/money";
import { LoansPageContactsDocument, LoansPageCreateContactDocument, LoansPageCreateLoanDocument } from "../../generated/graphql";
import { SelectField, SubmitButton, TextField } from "../../ui/form";
import { ErrorMessage } from "../../ui/status";

const RATE = /^\d{1,3}(\.\d{1,4})?$/;

/**
 * A loan with a monthly schedule. The other party is one of your contacts, picked by name; a new
 * name becomes a contact first.
 */
export function CreateLoanForm({ onCreated }: { onCreated: (id: string) => void }) {
  const format = useFormat();
  const listId = useId();
  const contacts = useApiQuery(LoansPageContactsDocument, {});
  const createContact = useApiMutation(LoansPageCreateContactDocument, { invalidate: false });
  const createLoan = useApiMutation(LoansPageCreateLoanDocument);
  const [name, setName] = useState("");
  const [direction, setDirection] = useState<"BORROWED" | "LENT">("BORROWED");
  const [contact, setContact] = useState("");
  const [principal, setPrincipal] = useState("");
  const [currency, setCurrency] = useState(format.baseCurrency);
  const [rate, setRate] = useState("");
  const [term, setTerm] = useState("12");
  const [start, setStart] = useState(format.today());
  const [checked, setChecked] = useState(false);

  const amount = parseAmountInput(principal, format.locale);
  const ratePercent = rate.trim().replace(",", ".");
  const months = Number(term);
  const errors = {
    principal: !amount || amount.startsWith("-") ? "Enter the amount lent or borrowed, like 5000." : undefined,
    rate: !RATE.test(ratePercent) ? "Enter a yearly rate in percent, like 6.5 (0 for none)." : undefined,
    term: !Number.isInteger(months) || months < 1 || months > 600 ? "Enter 1 to 600 months." : undefined,
  };
  const busy = createContact.isPending || createLoan.isPending;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (!amount || errors.principal || errors.rate || errors.term) return;
    const existing = contacts.data?.contacts.find((c) => c.name.toLowerCase() === contact.trim().toLowerCase());
    try {
      const contactId = existing?.id ?? (await createContact.mutateAsync({ input: { name: contact.trim() } })).createContact.id;
      const created = await createLoan.mutateAsync({
        input: {
          name: name.trim(),
          direction,
          contactId,
          principal: { amount, currency: currency.trim().toUpperCase() },
          annualRatePercent: ratePercent,
          termMonths: months,
          startDate: start,
        },
      });
      setName("");
      setPrincipal("");
      setChecked(false);
      onCreated(created.createLoan.id);
    } catch {
      // Shown below from the mutation's error.
    }
  };

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
      <div className="row">
        <TextField label="Loan name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
        <SelectField label="Direction" value={direction} onChange={(e) => setDirection(e.target.value as typeof direction)}>
          <option value="BORROWED">I borrowed</option>
          <option value="LENT">I lent</option>
        </SelectField>
        <TextField
          label={direction === "BORROWED" ? "Lender" : "Borrower"}
          value={contact}
          onChange={(e) => setContact(e.target.value)}
          list={listId}
          required
          maxLength={100}
          hint="One of your contacts, or a new name."
        />
        <datalist id={listId}>
          {contacts.data?.contacts.map((c) => (
            <option key={c.id} value={c.name} />
          ))}
        </datalist>
      </div>
      <div className="row">
        <TextField
          label="Amount"
          inputMode="decimal"
          value={principal}
          onChange={(e) => setPrincipal(e.target.value)}
          error={checked ? errors.principal : undefined}
          size={12}
        />
        <TextField label="Currency" value={currency} onChange={(e) => setCurrency(e.target.value)} maxLength={3} size={5} />
        <TextField
          label="Yearly rate (%)"
          inputMode="decimal"
          value={rate}
          onChange={(e) => setRate(e.target.value)}
          error={checked ? errors.rate : undefined}
          size={8}
        />
        <TextField
          label="Months"
          type="number"
          min={1}
          max={600}
          value={term}
          onChange={(e) => setTerm(e.target.value)}
          error={checked ? errors.term : undefined}
        />
        <TextField label="Starts on" type="date" value={start} onChange={(e) => setStart(e.target.value)} required />
      </div>
      {(createContact.error ?? createLoan.error) && <ErrorMessage error={createContact.error ?? createLoan.error} />}
      <div>
        <SubmitButton busy={busy}>Create loan</SubmitButton>
      </div>
    </form>
  );
}
