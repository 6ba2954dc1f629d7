import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";

import { queryKeyOf, useApiQuery, useLive } from "../../api/hooks";
import {
  TransactionsPageImportBatchDocument,
  type TransactionsPageImportBatchQuery,
  type TransactionsPageImportFieldsFragment,
  TransactionsPageImportUpdatedDocument,
} from "../../generated/graphql";
import { ProgressBar } from "../../ui/progress-bar";
import { ErrorMessage, Loading } from "../../ui/status";

const FINISHED = new Set(["COMPLETED", "FAILED"]);

/**
 * An import as it runs: followed live through `importUpdated`, with a slow poll for an update sent
 * before the subscription was in place (a small file can finish first); when it ends,
 * `onFinished` reloads the list. Shows the counts and every bad row.
 */
export function ImportProgress({ id, onFinished }: { id: string; onFinished: () => void }) {
  const queries = useQueryClient();
  const key = queryKeyOf(TransactionsPageImportBatchDocument, { id });
  const cached = queries.getQueryData<TransactionsPageImportBatchQuery>(key)?.importBatch;
  const done = !!cached && FINISHED.has(cached.status);
  const query = useApiQuery(TransactionsPageImportBatchDocument, { id }, { refetchInterval: done ? undefined : 5_000 });
  useLive(
    TransactionsPageImportUpdatedDocument,
    { id },
    (data) => queries.setQueryData<TransactionsPageImportBatchQuery>(key, { importBatch: data.importUpdated }),
    { enabled: !done },
  );
  useEffect(() => {
    if (done) onFinished();
  }, [done, onFinished]);

  const batch = query.data?.importBatch;
  if (query.error) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  if (!batch) return <Loading label="Starting the import" />;
  return <ImportResult batch={batch} />;
}

const STATUS: Record<string, string> = {
  QUEUED: "Waiting to start",
  RUNNING: "Importing",
  COMPLETED: "Finished",
  FAILED: "Stopped with an error",
};

export function ImportResult({ batch }: { batch: TransactionsPageImportFieldsFragment }) {
  const running = !FINISHED.has(batch.status);
  return (
    <div className="stack" data-testid="import-result" data-status={batch.status}>
      <p role="status" aria-live="polite">
        <span className="badge">{STATUS[batch.status] ?? batch.status}</span>{" "}
        {batch.totalRows > 0 && `${batch.rowsDone} of ${batch.totalRows} rows read.`}
      </p>
      {running && batch.totalRows > 0 && <ProgressBar value={(batch.rowsDone / batch.totalRows) * 100} label="Import progress" />}
      <dl className="tx-import-counts">
        <div>
          <dt>Imported</dt>
          <dd>{batch.imported}</dd>
        </div>
        <div>
          <dt>Already there</dt>
          <dd>{batch.duplicates}</dd>
        </div>
        <div>
          <dt>Not imported</dt>
          <dd>{batch.failed}</dd>
        </div>
      </dl>
      {batch.errors.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="tx-caption">Rows that were not imported</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Problem</th>
                <th scope="col">Code</th>
              </tr>
            </thead>
            <tbody>
              {batch.errors.map((e) => (
                <tr key={`${e.row}-${e.code}`}>
                  <td>{e.row}</td>
                  <td>{e.message}</td>
                  <td>
                    <code>{e.code}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
