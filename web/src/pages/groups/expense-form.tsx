import { type FormEvent, useState } from "react";

import { useApiMutation } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import { parseAmountInput } from "../../format/money";
import { GroupPageAddExpenseDocument, type GroupPageGroupFragment } from "../../generated/graphql";
import { SelectField, SubmitButton, TextField } from "../../ui/form";
import { ErrorMessage } from "../../ui/status";

/**
 * A new expense in the group's currency: one payer, shared equally by the members ticked (all of
 * them to begin with). The API splits to the cent (largest remainder), so the shares always add up.
 */
export function ExpenseForm({ group }: { group: GroupPageGroupFragment }) {
  const format = useFormat();
  const [description, setDescription] = useState("");
  const [amountText, setAmountText] = useState("");
  const [date, setDate] = useState(format.today);
  const [payer, setPayer] = useState(group.me.id);
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string>();
  const add = useApiMutation(GroupPageAddExpenseDocument);
  const sharing = group.members.filter((m) => !excluded.has(m.id));

  const toggle = (memberId: string, on: boolean) => {
    const next = new Set(excluded);
    if (on) next.delete(memberId);
    else next.add(memberId);
    setExcluded(next);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amount = parseAmountInput(amountText, format.locale);
    if (!amount || Number(amount) <= 0) return setProblem("Enter a positive amount, like 12.50.");
    if (sharing.length === 0) return setProblem("Tick at least one member to share it.");
    setProblem(undefined);
    add.mutate(
      {
        input: {
          groupId: group.id,
          description: description.trim(),
          amount: { amount, currency: group.currency },
          date,
          paidBy: [{ memberId: payer, amount }],
          split: { mode: "EQUAL", parts: sharing.map((m) => ({ memberId: m.id })) },
          idempotencyKey: crypto.randomUUID(),
        },
      },
      { onSuccess: () => (setDescription(""), setAmountText("")) },
    );
  };

  return (
    <form className="stack expense-form" onSubmit={submit} aria-label="Add an expense">
      <div className="row">
        <TextField label="Description" required maxLength={200} value={description} onChange={(e) => setDescription(e.target.value)} />
        <TextField
          label={`Amount (${group.currency})`}
          inputMode="decimal"
          required
          value={amountText}
          error={problem}
          onChange={(e) => setAmountText(e.target.value)}
        />
        <TextField label="Date" type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        <SelectField label="Paid by" value={payer} onChange={(e) => setPayer(e.target.value)}>
          {group.members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.displayName}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset className="split-members">
        <legend>Split equally between</legend>
        {group.members.map((m) => (
          <label key={m.id} className="check">
            <input type="checkbox" checked={!excluded.has(m.id)} onChange={(e) => toggle(m.id, e.target.checked)} />
            {m.displayName}
          </label>
        ))}
      </fieldset>
      {add.error && <ErrorMessage error={add.error} />}
      <div>
        <SubmitButton busy={add.isPending}>Add expense</SubmitButton>
      </div>
    </form>
  );
}
