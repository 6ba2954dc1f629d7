import "./transactions.css";

import { useMemo, useState } from "react";
import { useSearchParams } from "react-router";

import { useApiMutation, useLive } from "../../api/hooks";
import { TransactionsPagePostedDocument, TransactionsPageRestoreDocument } from "../../generated/graphql";
import { Card, PageHeader } from "../../ui/card";
import { EmptyState, ErrorMessage, Loading } from "../../ui/status";
import { DeleteDialog } from "./delete-dialog";
import { Dialog } from "./dialog";
import { FilterForm } from "./filter-form";
import { filterFromParams, isFiltered } from "./filters";
import { ImportCard } from "./import-card";
import { useTransactionOptions } from "./options";
import { TransactionForm } from "./transaction-form";
import { TransactionTable } from "./transaction-table";
import { type TransactionRow, useReloadTransactions, useTransactionPages } from "./use-transaction-pages";

type Editing = { mode: "add" } | { mode: "edit"; row: TransactionRow } | { mode: "delete"; row: TransactionRow } | undefined;

/** What the page last did, said politely, with an undo for a delete. */
function Notice({ text, undo }: { text: string; undo?: () => void }) {
  return (
    <div className="tx-notice" role="status">
      <span>{text}</span>
      {undo && (
        <button type="button" className="button secondary small" onClick={undo}>
          Undo
        </button>
      )}
    </div>
  );
}

/** Every transaction, filtered from the URL, a page at a time; add, edit, split, delete and import. */
export default function TransactionsPage() {
  const [params] = useSearchParams();
  const filter = useMemo(() => filterFromParams(params), [params]);
  const { query: options, accounts, categories } = useTransactionOptions();
  const { query, rows } = useTransactionPages(filter);
  const [editing, setEditing] = useState<Editing>();
  const [notice, setNotice] = useState<{ text: string; undo?: () => void }>();
  const restore = useApiMutation(TransactionsPageRestoreDocument);
  const reload = useReloadTransactions();
  // Another device (or an import, or a rule) posted: the list catches up without a reload.
  useLive(TransactionsPagePostedDocument, {}, reload);

  const restoreRow = (row: TransactionRow) =>
    restore.mutate({ id: row.id }, { onSuccess: () => setNotice({ text: `Restored ${row.payee || "the transaction"}.` }) });
  const close = () => setEditing(undefined);
  const noAccounts = options.isSuccess && accounts.length === 0;

  return (
    <>
      <PageHeader title="Transactions">
        <button type="button" className="button" onClick={() => setEditing({ mode: "add" })} disabled={!options.isSuccess || noAccounts}>
          Add transaction
        </button>
        <a className="button secondary" href="#import">
          Import
        </a>
      </PageHeader>
      <div className="stack">
        {notice && <Notice text={notice.text} undo={notice.undo} />}
        {restore.error && <ErrorMessage error={restore.error} />}
        {options.error && <ErrorMessage error={options.error} onRetry={() => void options.refetch()} />}
        {noAccounts && <EmptyState title="Add an account first">Transactions are booked on one of your accounts.</EmptyState>}
        <FilterForm accounts={accounts} categories={categories} />
        <Card title={filter.deleted ? "Deleted transactions" : "Your transactions"} id="transactions">
          {query.error ? (
            <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
          ) : query.isPending ? (
            <Loading label="Loading transactions" />
          ) : rows.length === 0 ? (
            <EmptyState title={isFiltered(params) ? "No transactions match these filters." : "No transactions yet."}>
              {!isFiltered(params) && <p>Add one, or import a statement from your bank.</p>}
            </EmptyState>
          ) : (
            <>
              <TransactionTable
                rows={rows}
                actions={{
                  onEdit: (row) => setEditing({ mode: "edit", row }),
                  onDelete: (row) => setEditing({ mode: "delete", row }),
                  onRestore: restoreRow,
                }}
              />
              {query.hasNextPage && (
                <button
                  type="button"
                  className="button secondary tx-more"
                  onClick={() => void query.fetchNextPage()}
                  disabled={query.isFetchingNextPage}
                  aria-busy={query.isFetchingNextPage || undefined}
                >
                  {query.isFetchingNextPage ? "Loading…" : "Load more"}
                </button>
              )}
            </>
          )}
        </Card>
        <ImportCard accounts={accounts} onFinished={reload} />
      </div>
      {(editing?.mode === "add" || editing?.mode === "edit") && (
        <Dialog title={editing.mode === "add" ? "Add a transaction" : "Edit transaction"} onClose={close}>
          <TransactionForm
            editing={editing.mode === "edit" ? editing.row : undefined}
            accounts={accounts}
            categories={categories}
            onCancel={close}
            onDone={(text) => {
              close();
              setNotice({ text });
            }}
          />
        </Dialog>
      )}
      {editing?.mode === "delete" && (
        <DeleteDialog
          row={editing.row}
          onClose={close}
          onDone={(row) => {
            close();
            setNotice({ text: `Deleted ${row.payee || "the transaction"}.`, undo: () => restoreRow(row) });
          }}
        />
      )}
    </>
  );
}
