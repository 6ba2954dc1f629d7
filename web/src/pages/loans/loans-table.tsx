import { Link } from "react-router";

import { useFormat } from "../../app/viewer";
import type { LoansPageListQuery } from "../../generated/graphql";
import { StatusBadge } from "./status-badge";

type Loan = LoansPageListQuery["loans"][number];

/** Every loan with its balance, status and next installment; a loan's name opens its schedule. */
export function LoansTable({ loans, chosenId }: { loans: readonly Loan[]; chosenId?: string }) {
  const format = useFormat();
  return (
    <div className="table-wrap">
      <table aria-label="Loans">
        <thead>
          <tr>
            <th scope="col">Loan</th>
            <th scope="col">With</th>
            <th scope="col">Status</th>
            <th scope="col" className="amount">
              Still owed
            </th>
            <th scope="col">Next due</th>
          </tr>
        </thead>
        <tbody>
          {loans.map((loan) => (
            <tr key={loan.id} className={loan.id === chosenId ? "chosen" : undefined}>
              <th scope="row">
                <Link to={`?loan=${loan.id}`} aria-current={loan.id === chosenId ? "true" : undefined}>
                  {loan.name}
                </Link>
                <div className="muted">{loan.direction === "BORROWED" ? "Borrowed" : "Lent"}</div>
              </th>
              <td>{loan.contact.name}</td>
              <td>
                <StatusBadge status={loan.status} />
              </td>
              <td className="amount">
                {format.money(loan.amountOwed)}
                <div className="muted">of {format.money(loan.principal)}</div>
              </td>
              <td>
                {loan.nextDue ? (
                  <>
                    {format.day(loan.nextDue.dueDate)}
                    <div className="muted amount">{format.money(loan.nextDue.amountDue)}</div>
                  </>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
