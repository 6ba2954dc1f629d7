import { useApiMutation } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import { TransactionsPageDeleteDocument } from "../../generated/graphql";
import { ErrorMessage } from "../../ui/status";
import { Dialog } from "./dialog";
import type { TransactionRow } from "./use-transaction-pages";

/** Asks before deleting; a deleted transaction can be restored afterwards (see the page's notice). */
export function DeleteDialog({
  row,
  onDone,
  onClose,
}: {
  row: TransactionRow;
  onDone: (row: TransactionRow) => void;
  onClose: () => void;
}) {
  const format = useFormat();
  const remove = useApiMutation(TransactionsPageDeleteDocument);
  return (
    <Dialog title="Delete this transaction?" onClose={onClose}>
      <p>
        {row.payee || "This transaction"} on {format.day(row.date)}, <span className="amount">{format.money(row.amount)}</span>. It leaves
        your balances and budgets; you can restore it from the deleted transactions.
      </p>
      {remove.error && <ErrorMessage error={remove.error} />}
      <div className="row">
        <button
          type="button"
          className="button danger"
          disabled={remove.isPending}
          aria-busy={remove.isPending || undefined}
          onClick={() => remove.mutate({ id: row.id }, { onSuccess: () => onDone(row) })}
        >
          {remove.isPending ? "Deleting…" : "Delete"}
        </button>
        <button type="button" className="button secondary" onClick={onClose} data-autofocus>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
