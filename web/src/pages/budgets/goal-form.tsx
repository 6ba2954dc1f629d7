import { type FormEvent, useState } from "react";

import { useApiMutation } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import { parseAmountInput } from "../../format/money";
import { BudgetsPageCreateGoalDocument } from "../../generated/graphql";
import { Card } from "../../ui/card";
import { SubmitButton, TextField } from "../../ui/form";
import { ErrorMessage } from "../../ui/status";

/** A new savings goal: a target in the base currency, and a date if the person has one. */
export function GoalForm() {
  const format = useFormat();
  const [name, setName] = useState("");
  const [target, setTarget] = useState("");
  const [targetDate, setTargetDate] = useState("");
  const [targetError, setTargetError] = useState<string>();
  const create = useApiMutation(BudgetsPageCreateGoalDocument);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseAmountInput(target, format.locale);
    setTargetError(parsed ? undefined : "Enter an amount, for example 1500.");
    if (!parsed) return;
    create.mutate(
      { input: { name: name.trim(), target: { amount: parsed, currency: format.baseCurrency }, targetDate: targetDate || null } },
      {
        onSuccess: () => {
          setName("");
          setTarget("");
          setTargetDate("");
        },
      },
    );
  };

  return (
    <Card title="New savings goal" id="new-goal">
      <form className="stack" onSubmit={submit} aria-label="New savings goal">
        <TextField label="Goal name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        <div className="row">
          <TextField
            label={`Target (${format.baseCurrency})`}
            inputMode="decimal"
            required
            value={target}
            error={targetError}
            onChange={(e) => setTarget(e.target.value)}
          />
          <TextField
            label="Target date (optional)"
            type="date"
            min={format.today()}
            value={targetDate}
            onChange={(e) => setTargetDate(e.target.value)}
          />
        </div>
        {create.error && <ErrorMessage error={create.error} />}
        <SubmitButton busy={create.isPending}>Create goal</SubmitButton>
      </form>
    </Card>
  );
}
