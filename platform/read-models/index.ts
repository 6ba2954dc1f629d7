export {
  ledgerAccountNotFound,
  ledgerAccountsConsumer,
  LedgerAccountsReadModel,
  ledgerAccountsTableSql,
  type LinkableAccount,
} from "./ledger-accounts.js";
export { type PreferencesStore, userPreferencesConsumer } from "./user-preferences.js";
