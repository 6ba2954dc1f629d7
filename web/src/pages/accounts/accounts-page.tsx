import "./accounts.css";

import { useState } from "react";

import { useApiQuery } from "../../api/hooks";
import { AccountsPageListDocument } from "../../generated/graphql";
import { Card, PageHeader } from "../../ui/card";
import { EmptyState, ErrorMessage, Loading } from "../../ui/status";
import { AccountForm } from "./account-form";
import { AccountRow } from "./account-row";

/** The person's accounts with balances; archived ones on request. */
function AccountList() {
  const [includeArchived, setIncludeArchived] = useState(false);
  const accounts = useApiQuery(AccountsPageListDocument, { includeArchived });
  return (
    <Card
      title="Your accounts"
      id="accounts"
      actions={
        <label className="check">
          <input type="checkbox" checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} /> Show archived
        </label>
      }
    >
      {accounts.error ? (
        <ErrorMessage error={accounts.error} onRetry={() => void accounts.refetch()} />
      ) : !accounts.data ? (
        <Loading label="Loading accounts" />
      ) : accounts.data.accounts.length === 0 ? (
        <EmptyState title="No accounts yet">
          <p>Add the account your salary arrives in first; then record or import its transactions.</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="muted">Balances include every transaction recorded so far.</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Currency</th>
                <th scope="col" className="amount">
                  Balance
                </th>
                <th scope="col">
                  <span className="muted">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {accounts.data.accounts.map((account) => (
                <AccountRow key={account.id} account={account} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

export default function AccountsPage() {
  return (
    <>
      <PageHeader title="Accounts" />
      <div className="accounts-layout">
        <AccountList />
        <AccountForm />
      </div>
    </>
  );
}
