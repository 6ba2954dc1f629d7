import { useFormat } from "../../app/viewer";
import type { LoansPageScheduleQuery } from "../../generated/graphql";
import { StatusBadge } from "./status-badge";

type Installment = NonNullable<LoansPageScheduleQuery["loan"]>["schedule"][number];

/** The amortization schedule: every installment with its split into interest and principal. */
export function ScheduleTable({ schedule }: { schedule: readonly Installment[] }) {
  const format = useFormat();
  return (
    <div className="table-wrap">
      <table aria-label="Amortization schedule">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Due</th>
            <th scope="col" className="amount">
              Payment
            </th>
            <th scope="col" className="amount">
              Interest
            </th>
            <th scope="col" className="amount">
              Principal
            </th>
            <th scope="col" className="amount">
              Balance after
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {schedule.map((row) => (
            <tr key={row.number} className={row.status === "PAID" ? "paid" : undefined}>
              <th scope="row">{row.number}</th>
              <td>{format.day(row.dueDate, "short")}</td>
              <td className="amount">{format.money(row.payment)}</td>
              <td className="amount">{format.money(row.interest)}</td>
              <td className="amount">{format.money(row.principal)}</td>
              <td className="amount">{format.money(row.balance)}</td>
              <td>
                <StatusBadge status={row.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
