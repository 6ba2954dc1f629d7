import { type FormEvent, useState } from "react";

import { useApiMutation } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import { parseAmountInput } from "../../format/money";
import { GroupPageCreateGoalDocument, type GroupPageGroupFragment } from "../../generated/graphql";
import { Card } from "../../ui/card";
import { SubmitButton, TextField } from "../../ui/form";
import { EmptyState, ErrorMessage } from "../../ui/status";
import { GoalCard } from "./goal-card";
import { useGroupCache } from "./group-cache";

/** A goal the members save towards together, in the group's currency. */
function CreateGoalForm({ group }: { group: GroupPageGroupFragment }) {
  const format = useFormat();
  const [name, setName] = useState("");
  const [targetText, setTargetText] = useState("");
  const [deadline, setDeadline] = useState("");
  const [problem, setProblem] = useState<string>();
  const cache = useGroupCache(group.id);
  const create = useApiMutation(GroupPageCreateGoalDocument, { invalidate: false });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const target = parseAmountInput(targetText, format.locale);
    if (!target || Number(target) <= 0) return setProblem("Enter a positive target, like 1200.");
    setProblem(undefined);
    create.mutate(
      {
        input: {
          groupId: group.id,
          name: name.trim(),
          target: { amount: target, currency: group.currency },
          deadline: deadline || undefined,
        },
      },
      { onSuccess: ({ createGroupSavingsGoal }) => (cache.goal(createGroupSavingsGoal), setName(""), setTargetText(""), setDeadline("")) },
    );
  };
  return (
    <form className="stack" onSubmit={submit} aria-label="Create a group savings goal">
      <div className="row">
        <TextField label="Goal name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        <TextField
          label={`Target (${group.currency})`}
          inputMode="decimal"
          required
          value={targetText}
          error={problem}
          onChange={(e) => setTargetText(e.target.value)}
        />
        <TextField
          label="Deadline (optional)"
          type="date"
          min={format.today()}
          value={deadline}
          onChange={(e) => setDeadline(e.target.value)}
        />
      </div>
      {create.error && <ErrorMessage error={create.error} />}
      <div>
        <SubmitButton busy={create.isPending}>Create goal</SubmitButton>
      </div>
    </form>
  );
}

/** The group's savings goals, each live, and a form for a new one. */
export function GroupGoals({ group }: { group: GroupPageGroupFragment }) {
  return (
    <Card title="Savings goals" id="group-goals">
      <div className="stack">
        {group.savingsGoals.length === 0 ? (
          <EmptyState title="No savings goal yet">
            <p className="muted">Save together for a sofa, a trip or a deposit, and see who put in what.</p>
          </EmptyState>
        ) : (
          group.savingsGoals.map((goal) => <GoalCard key={goal.id} goal={goal} groupId={group.id} archived={group.archived} />)
        )}
        {!group.archived && (
          <details className="goal-create" open={group.savingsGoals.length === 0}>
            <summary>New savings goal</summary>
            <CreateGoalForm group={group} />
          </details>
        )}
      </div>
    </Card>
  );
}
