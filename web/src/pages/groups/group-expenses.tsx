import { useApiMutation, useApiQuery } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import { GroupPageDeleteExpenseDocument, GroupPageExpensesDocument, type GroupPageGroupFragment } from "../../generated/graphql";
import { Card } from "../../ui/card";
import { EmptyState, ErrorMessage, Loading } from "../../ui/status";
import { ExpenseForm } from "./expense-form";

const SPLIT = { EQUAL: "Equally", SHARES: "By shares", EXACT: "Exact amounts", PERCENT: "By percent" } as const;

/** The group's expenses, newest first: who paid, who shares, and adding or deleting one. */
export function GroupExpenses({ group }: { group: GroupPageGroupFragment }) {
  const format = useFormat();
  // The 20 newest; older ones stay in the group's history (no paging here yet).
  const expenses = useApiQuery(GroupPageExpensesDocument, { id: group.id });
  const remove = useApiMutation(GroupPageDeleteExpenseDocument);
  const nodes = expenses.data?.group?.expenses.nodes;
  return (
    <Card title="Expenses" id="group-expenses" className="group-wide">
      {!group.archived && <ExpenseForm group={group} />}
      {expenses.error ? (
        <ErrorMessage error={expenses.error} onRetry={() => void expenses.refetch()} />
      ) : !nodes ? (
        <Loading label="Loading expenses" />
      ) : nodes.length === 0 ? (
        <EmptyState title="No expenses yet">
          <p className="muted">Add the first one above: who paid and who shares it.</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Description</th>
                <th scope="col">Paid by</th>
                <th scope="col">Split</th>
                <th scope="col" className="amount">
                  Amount
                </th>
                <th scope="col">
                  <span className="muted">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {nodes.map((expense) => (
                <tr key={expense.id}>
                  <td>{format.day(expense.date, "short")}</td>
                  <td>{expense.description}</td>
                  <td>{expense.paidBy.map((p) => p.member.displayName).join(", ")}</td>
                  <td>{SPLIT[expense.splitMode]}</td>
                  <td className="amount">
                    {format.money(expense.amount)}
                    {expense.amount.currency !== expense.groupAmount.currency && (
                      <span className="muted"> ({format.money(expense.groupAmount)})</span>
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button danger small"
                      disabled={remove.isPending || group.archived}
                      aria-label={`Delete expense ${expense.description}`}
                      onClick={() => remove.mutate({ id: expense.id })}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {remove.error && <ErrorMessage error={remove.error} />}
    </Card>
  );
}
