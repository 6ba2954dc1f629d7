import { useApiMutation } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import { isNegative } from "../../format/money";
import { type GroupPageGroupFragment, GroupPageRecordSettlementDocument } from "../../generated/graphql";
import { Card } from "../../ui/card";
import { EmptyState, ErrorMessage } from "../../ui/status";

const isZero = (amount: string) => /^-?0+(\.0+)?$/.test(amount);

/** Who is owed and who owes, the fewest payments that square everyone, and recording one. */
export function GroupBalances({ group }: { group: GroupPageGroupFragment }) {
  const format = useFormat();
  const record = useApiMutation(GroupPageRecordSettlementDocument);
  const balances = group.balances;
  const plan = group.settlementPlan;
  return (
    <Card title="Balances" id="group-balances">
      {balances.length === 0 ? (
        <EmptyState title="No balances yet">
          <p className="muted">Add an expense and everyone's share shows here.</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="muted">Positive: is owed; negative: owes.</caption>
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col" className="amount">
                  Balance
                </th>
              </tr>
            </thead>
            <tbody data-testid="group-balances">
              {balances.map((balance) => (
                <tr key={balance.member.id}>
                  <th scope="row">{balance.member.displayName}</th>
                  <td className={`amount ${isNegative(balance.amount) ? "negative" : isZero(balance.amount.amount) ? "" : "positive"}`}>
                    {format.money(balance.amount, { signed: true })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3 className="group-subheading">Settle up</h3>
      {plan.length === 0 ? (
        <p className="muted">Everyone is square.</p>
      ) : (
        <ul className="plain" aria-label="Settle-up plan">
          {plan.map((transfer) => {
            const text = `${transfer.from.displayName} pays ${transfer.to.displayName} ${format.money(transfer.amount)}`;
            return (
              <li key={`${transfer.from.id}-${transfer.to.id}`} className="transfer-row">
                <span>{text}</span>
                <button
                  type="button"
                  className="button secondary small"
                  disabled={record.isPending || group.archived}
                  aria-label={`Record settlement: ${text}`}
                  onClick={() =>
                    record.mutate({
                      input: {
                        groupId: group.id,
                        fromMemberId: transfer.from.id,
                        toMemberId: transfer.to.id,
                        amount: { amount: transfer.amount.amount, currency: transfer.amount.currency },
                        date: format.today(),
                        idempotencyKey: crypto.randomUUID(),
                      },
                    })
                  }
                >
                  Record settlement
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {record.error && <ErrorMessage error={record.error} />}

      {group.settlements.length > 0 && (
        <>
          <h3 className="group-subheading">Recent settlements</h3>
          <ul className="plain">
            {group.settlements.map((settlement) => (
              <li key={settlement.id} className="transfer-row">
                <span>
                  {settlement.from.displayName} paid {settlement.to.displayName}
                  <span className="muted"> · {format.day(settlement.date)}</span>
                </span>
                <span className="amount">{format.money(settlement.amount)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
