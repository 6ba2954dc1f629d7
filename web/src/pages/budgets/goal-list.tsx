import { type FormEvent, useState } from "react";

import { useApiMutation, useApiQuery } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import { parseAmountInput } from "../../format/money";
import {
  BudgetsPageArchiveGoalDocument,
  BudgetsPageContributeDocument,
  type BudgetsPageGoalFragment,
  BudgetsPageGoalsDocument,
  type BudgetsPageGoalsQuery,
  BudgetsPageGoalUpdatedDocument,
  BudgetsPageWithdrawDocument,
  type SavingsGoalStatus,
} from "../../generated/graphql";
import { Card } from "../../ui/card";
import { TextField } from "../../ui/form";
import { ProgressBar } from "../../ui/progress-bar";
import { EmptyState, ErrorMessage, Loading } from "../../ui/status";
import { replaceById } from "./budget-progress";
import { useLiveItem } from "./use-live-item";

const STATUS_LABELS: Record<SavingsGoalStatus, string> = { REACHED: "Reached", ON_TRACK: "On track", BEHIND: "Behind" };

/** Adds money to a goal or takes some out (the submit button pressed says which). */
function MoveMoney({ goal }: { goal: BudgetsPageGoalFragment }) {
  const format = useFormat();
  const [amount, setAmount] = useState("");
  const [amountError, setAmountError] = useState<string>();
  const contribute = useApiMutation(BudgetsPageContributeDocument);
  const withdraw = useApiMutation(BudgetsPageWithdrawDocument);
  const busy = contribute.isPending || withdraw.isPending;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseAmountInput(amount, format.locale);
    setAmountError(parsed ? undefined : "Enter an amount, for example 50.");
    if (!parsed) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const mutation = submitter?.value === "withdraw" ? withdraw : contribute;
    contribute.reset();
    withdraw.reset();
    mutation.mutate(
      { id: goal.id, amount: { amount: parsed, currency: goal.target.currency }, idempotencyKey: crypto.randomUUID() },
      { onSuccess: () => setAmount("") },
    );
  };

  const error = contribute.error ?? withdraw.error;
  return (
    <form className="goal-move" onSubmit={submit} aria-label={`Move money for ${goal.name}`}>
      <TextField
        label={`Amount (${goal.target.currency})`}
        inputMode="decimal"
        required
        value={amount}
        error={amountError}
        onChange={(e) => setAmount(e.target.value)}
      />
      <button type="submit" className="button small" value="contribute" disabled={busy}>
        Add
      </button>
      <button type="submit" className="button secondary small" value="withdraw" disabled={busy}>
        Withdraw
      </button>
      {error && <ErrorMessage error={error} />}
    </form>
  );
}

/** One goal, kept current by its own live subscription. */
function GoalItem({ goal }: { goal: BudgetsPageGoalFragment }) {
  const format = useFormat();
  useLiveItem(BudgetsPageGoalUpdatedDocument, { id: goal.id }, BudgetsPageGoalsDocument, (list: BudgetsPageGoalsQuery, update) =>
    update.savingsGoalUpdated ? { savingsGoals: replaceById(list.savingsGoals, update.savingsGoalUpdated) } : list,
  );
  const archive = useApiMutation(BudgetsPageArchiveGoalDocument);
  return (
    <li>
      <div className="budget-bar">
        <div className="budget-bar-head">
          <span className="budget-bar-name">{goal.name}</span>
          <span className="amount">
            {format.money(goal.saved)} <span className="muted">of {format.money(goal.target)}</span>
          </span>
        </div>
        <ProgressBar value={goal.percent} label={`${goal.name}: saved`} testId={`goal-progress-${goal.id}`} />
      </div>
      <div className="item-meta muted">
        <span className="badge">{STATUS_LABELS[goal.status]}</span>
        <span>
          {format.money(goal.remaining)} to go
          {goal.targetDate && ` · by ${format.day(goal.targetDate)}`}
          {goal.requiredPerMonth && ` · ${format.money(goal.requiredPerMonth)} a month`}
        </span>
        <button
          type="button"
          className="button secondary small"
          aria-label={`Archive ${goal.name}`}
          onClick={() => archive.mutate({ id: goal.id })}
          disabled={archive.isPending}
        >
          Archive
        </button>
      </div>
      <MoveMoney goal={goal} />
      {archive.error && <ErrorMessage error={archive.error} />}
    </li>
  );
}

/** The person's savings goals with live progress and money in and out. */
export function GoalList() {
  const goals = useApiQuery(BudgetsPageGoalsDocument, {});
  return (
    <Card title="Savings goals" id="goals">
      {goals.error ? (
        <ErrorMessage error={goals.error} onRetry={() => void goals.refetch()} />
      ) : !goals.data ? (
        <Loading label="Loading savings goals" />
      ) : goals.data.savingsGoals.length === 0 ? (
        <EmptyState title="No savings goals yet">
          <p>Saving for a holiday or a rainy-day fund? Give it a target below and add money as you go.</p>
        </EmptyState>
      ) : (
        <ul className="plain" aria-label="Your savings goals">
          {goals.data.savingsGoals.map((goal) => (
            <GoalItem key={goal.id} goal={goal} />
          ))}
        </ul>
      )}
    </Card>
  );
}
