import { useFormat } from "../../app/viewer";
import { isNegative } from "../../format/money";
import type { TransactionRow } from "./use-transaction-pages";

function CategoryCell({ row }: { row: TransactionRow }) {
  if (row.kind === "TRANSFER") return <span className="muted">Transfer{row.toAccount ? ` to ${row.toAccount.name}` : ""}</span>;
  if (row.splits.length > 1) {
    return (
      <ul className="tx-splits">
        {row.splits.map((split, i) => (
          <li key={i}>
            {split.category?.name ?? "Uncategorised"}
            <Money amount={split.amount} />
          </li>
        ))}
      </ul>
    );
  }
  return row.category ? <>{row.category.name}</> : <span className="muted">Uncategorised</span>;
}

/** Where a row came from, for every source but the user's own typing (the usual case, left unlabelled). */
const SOURCE_LABELS: Partial<Record<TransactionRow["source"], string>> = {
  IMPORT: "Imported",
  BANK_SYNC: "Bank",
  RECEIPT: "Receipt",
  RECURRING: "Recurring",
  GROUP: "Group",
  LENDING: "Loan",
  RULE: "Rule",
};

function Money({ amount }: { amount: TransactionRow["amount"] }) {
  const format = useFormat();
  return <span className={`amount${isNegative(amount) ? " negative" : ""}`}>{format.money(amount)}</span>;
}

export interface RowActions {
  onEdit(row: TransactionRow): void;
  onDelete(row: TransactionRow): void;
  onRestore(row: TransactionRow): void;
}

/** The transactions as a table (it scrolls sideways on a phone); each row's actions name it. */
export function TransactionTable({ rows, actions }: { rows: readonly TransactionRow[]; actions: RowActions }) {
  const format = useFormat();
  return (
    <div className="table-wrap">
      <table className="tx-table">
        <caption className="tx-sr-only">Transactions, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Payee</th>
            <th scope="col" className="tx-wide">
              Category
            </th>
            <th scope="col" className="tx-wide">
              Account
            </th>
            <th scope="col" className="amount">
              Amount
            </th>
            <th scope="col" className="tx-wide">
              Tags
            </th>
            <th scope="col">
              <span className="tx-sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const name = `${row.payee || "transaction"} of ${format.day(row.date)}`;
            return (
              <tr key={row.id} data-testid="transaction-row">
                <td className="tx-date">{format.day(row.date)}</td>
                <td>
                  {row.payee || <span className="muted">No payee</span>}
                  {SOURCE_LABELS[row.source] && (
                    <span className="badge tx-source" title="Where this transaction came from">
                      {SOURCE_LABELS[row.source]}
                    </span>
                  )}
                  {row.notes && <div className="muted tx-notes">{row.notes}</div>}
                  {/* On a phone the category and account go under the payee, so the amount stays in view. */}
                  <div className="tx-narrow muted tx-notes">
                    <CategoryCell row={row} /> · {row.account?.name ?? ""}
                  </div>
                </td>
                <td className="tx-wide">
                  <CategoryCell row={row} />
                </td>
                <td className="tx-wide">{row.account?.name ?? ""}</td>
                <td className="amount">
                  <Money amount={row.amount} />
                </td>
                <td className="tx-wide">
                  {row.tags.map((tag) => (
                    <span key={tag} className="badge tx-tag">
                      {tag}
                    </span>
                  ))}
                </td>
                <td className="tx-actions">
                  {row.deleted ? (
                    <button
                      type="button"
                      className="button secondary small"
                      aria-label={`Restore ${name}`}
                      onClick={() => actions.onRestore(row)}
                    >
                      Restore
                    </button>
                  ) : (
                    <>
                      {row.kind !== "TRANSFER" && !row.locked && (
                        <button
                          type="button"
                          className="button secondary small"
                          aria-label={`Edit ${name}`}
                          onClick={() => actions.onEdit(row)}
                        >
                          Edit
                        </button>
                      )}
                      {!row.locked && (
                        <button
                          type="button"
                          className="button danger small"
                          aria-label={`Delete ${name}`}
                          onClick={() => actions.onDelete(row)}
                        >
                          Delete
                        </button>
                      )}
                      {row.locked && <span className="badge">Reconciled</span>}
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
