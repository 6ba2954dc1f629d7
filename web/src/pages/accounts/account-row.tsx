import { type FormEvent, useState } from "react";

import { useApiMutation } from "../../api/hooks";
import { useFormat } from "../../app/viewer";
import { isNegative } from "../../format/money";
import {
  AccountsPageArchiveDocument,
  type AccountsPageListQuery,
  AccountsPageRenameDocument,
  AccountsPageUnarchiveDocument,
} from "../../generated/graphql";
import { ErrorMessage } from "../../ui/status";
import { ACCOUNT_TYPE_LABELS } from "./account-types";

type Account = AccountsPageListQuery["accounts"][number];

/** The name cell, or a small rename form in its place. */
function NameCell({ account, editing, onDone }: { account: Account; editing: boolean; onDone: () => void }) {
  const [name, setName] = useState(account.name);
  const rename = useApiMutation(AccountsPageRenameDocument);
  if (!editing) return <>{account.name}</>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate({ id: account.id, name: name.trim() }, { onSuccess: onDone });
  };
  return (
    <form className="rename-form" onSubmit={submit} aria-label={`Rename ${account.name}`}>
      <label className="field">
        <span>New name</span>
        <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} autoFocus />
      </label>
      <button type="submit" className="button small" disabled={rename.isPending}>
        Save
      </button>
      <button type="button" className="button secondary small" onClick={onDone}>
        Cancel
      </button>
      {rename.error && <ErrorMessage error={rename.error} />}
    </form>
  );
}

/** One account: its figures, and rename, archive or restore. */
export function AccountRow({ account }: { account: Account }) {
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const archive = useApiMutation(AccountsPageArchiveDocument);
  const unarchive = useApiMutation(AccountsPageUnarchiveDocument);
  const error = archive.error ?? unarchive.error;
  return (
    <tr>
      <th scope="row">
        <NameCell account={account} editing={editing} onDone={() => setEditing(false)} />
        {account.archived && <span className="badge">Archived</span>}
        {error && <ErrorMessage error={error} />}
      </th>
      <td>{ACCOUNT_TYPE_LABELS[account.type]}</td>
      <td>{account.currency}</td>
      <td className={`amount ${isNegative(account.balance) ? "negative" : ""}`}>{format.money(account.balance)}</td>
      <td className="account-actions">
        {!editing && (
          <button type="button" className="button secondary small" aria-label={`Rename ${account.name}`} onClick={() => setEditing(true)}>
            Rename
          </button>
        )}
        {account.archived ? (
          <button
            type="button"
            className="button secondary small"
            aria-label={`Restore ${account.name}`}
            disabled={unarchive.isPending}
            onClick={() => unarchive.mutate({ id: account.id })}
          >
            Restore
          </button>
        ) : (
          <button
            type="button"
            className="button secondary small"
            aria-label={`Archive ${account.name}`}
            disabled={archive.isPending}
            onClick={() => archive.mutate({ id: account.id })}
          >
            Archive
          </button>
        )}
      </td>
    </tr>
  );
}
