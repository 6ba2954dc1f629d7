export {
  ledgerAccountNotFound,
  ledgerAccountsConsumer,
  LedgerAccountsReadModel,
  ledgerAccountsTableSql,
  type LinkableAccount,
} from "./ledger-accounts.js";
export { ledgerCategoriesTableSql, type LedgerCategory, LedgerCategoryTree } from "./ledger-categories.js";
export { type PreferencesStore, userPreferencesConsumer } from "./user-preferences.js";
