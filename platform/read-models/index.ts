export {
  ledgerAccountNotFound,
  ledgerAccountsConsumer,
  LedgerAccountsReadModel,
  ledgerAccountsTableSql,
  type LinkableAccount,
} from "./ledger-accounts.js";
