import { type FormEvent, useId, useState } from "react";

import { useApiMutation, useLive } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import { parseAmountInput } from "../../format/money";
import { GroupPageContributeDocument, type GroupPageGoalFragment, GroupPageGoalUpdatedDocument } from "../../generated/graphql";
import { SubmitButton, TextField } from "../../ui/form";
import { ProgressBar } from "../../ui/progress-bar";
import { ErrorMessage } from "../../ui/status";
import { useGroupCache } from "./group-cache";
import { leaderboard } from "./leaderboard";

const STATUS = { REACHED: "Reached", ON_TRACK: "On track", BEHIND: "Behind" } as const;

/** Money in; the goal as answered replaces the one on screen (nothing else moves: no reload). */
function ContributeForm({ goal, groupId }: { goal: GroupPageGoalFragment; groupId: string }) {
  const format = useFormat();
  const [amountText, setAmountText] = useState("");
  const [problem, setProblem] = useState<string>();
  const cache = useGroupCache(groupId);
  const contribute = useApiMutation(GroupPageContributeDocument, { invalidate: false });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amount = parseAmountInput(amountText, format.locale);
    if (!amount || Number(amount) <= 0) return setProblem("Enter a positive amount, like 25.");
    setProblem(undefined);
    contribute.mutate(
      { input: { goalId: goal.id, amount: { amount, currency: goal.target.currency }, idempotencyKey: crypto.randomUUID() } },
      { onSuccess: ({ contributeToGroupSavingsGoal }) => (cache.goal(contributeToGroupSavingsGoal), setAmountText("")) },
    );
  };
  return (
    <form className="row" onSubmit={submit} aria-label={`Contribute to ${goal.name}`}>
      <TextField
        label={`Your contribution (${goal.target.currency})`}
        inputMode="decimal"
        required
        value={amountText}
        error={problem}
        onChange={(e) => setAmountText(e.target.value)}
      />
      <SubmitButton busy={contribute.isPending}>Contribute</SubmitButton>
      {contribute.error && <ErrorMessage error={contribute.error} />}
    </form>
  );
}

/** One group goal: a live progress bar, the contribution leaderboard, and putting money in. */
export function GoalCard({ goal, groupId, archived }: { goal: GroupPageGoalFragment; groupId: string; archived: boolean }) {
  const format = useFormat();
  const headingId = useId();
  const cache = useGroupCache(groupId);
  // Another member's contribution arrives here and replaces the goal in place.
  useLive(GroupPageGoalUpdatedDocument, { id: goal.id }, ({ groupSavingsGoalUpdated }) => cache.goal(groupSavingsGoalUpdated));
  const rows = leaderboard(goal.contributions);
  return (
    <article className="goal" aria-labelledby={headingId}>
      <div className="goal-head">
        <h3 id={headingId}>{goal.name}</h3>
        <span className="badge">{STATUS[goal.status]}</span>
      </div>
      <p className="goal-figures">
        <span className="amount" data-testid={`group-goal-saved-${goal.id}`}>
          {format.money(goal.saved)}
        </span>
        <span className="muted">
          {" "}
          of {format.money(goal.target)} · {format.money(goal.remaining)} to go
          {goal.deadline && ` · by ${format.day(goal.deadline)}`}
        </span>
      </p>
      <ProgressBar
        testId={`group-goal-progress-${goal.id}`}
        value={goal.progressPercent}
        label={`${goal.name}: ${goal.progressPercent}% saved`}
        tone={goal.status === "BEHIND" ? "warning" : "ok"}
      />
      <h4 className="group-subheading">Who put in what</h4>
      {rows.length === 0 ? (
        <p className="muted">Nobody has contributed yet.</p>
      ) : (
        <ol className="leaderboard" data-testid="group-goal-leaderboard" aria-label={`Contributions to ${goal.name}, largest first`}>
          {rows.map((row) => (
            <li key={row.memberId}>
              <span className="leader-name">{row.name}</span> <span className="amount">{format.money(row.amount)}</span>
            </li>
          ))}
        </ol>
      )}
      {!archived && <ContributeForm goal={goal} groupId={groupId} />}
    </article>
  );
}
