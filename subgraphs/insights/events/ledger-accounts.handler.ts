import type { ConsumerDefinition, EventHandler } from "../../../platform/events/index.js";
import {
  ACCOUNT_ARCHIVED,
  ACCOUNT_CREATED,
  ACCOUNT_UNARCHIVED,
  ACCOUNT_UPDATED,
  type AccountSnapshotV1,
  LEDGER_ACCOUNT_TOPIC,
  type LedgerAccountEvents,
} from "../../../schema/events/ledger.js";
import type { AccountStore } from "../accounts/account.store.js";

/** The ledger's accounts, each event a whole snapshot. */
export function ledgerAccountsConsumer(accounts: AccountStore): ConsumerDefinition<LedgerAccountEvents> {
  const upsert: EventHandler<AccountSnapshotV1> = (event, manager) => accounts.upsert(manager, event.data);
  return {
    name: "insights-ledger-accounts",
    topics: [LEDGER_ACCOUNT_TOPIC],
    handlers: { [ACCOUNT_CREATED]: upsert, [ACCOUNT_UPDATED]: upsert, [ACCOUNT_ARCHIVED]: upsert, [ACCOUNT_UNARCHIVED]: upsert },
  };
}
