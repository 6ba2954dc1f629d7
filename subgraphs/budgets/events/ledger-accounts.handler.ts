import type { ConsumerDefinition, EventHandler } from "../../../platform/events/index.js";
import type { LedgerAccountsService } from "../accounts/ledger-account.service.js";
import { LEDGER_ACCOUNT_TOPIC, type AccountSnapshotV1 } from "./ledger-events.js";

/** Which accounts each user has, and whether they are archived: every account event is the whole snapshot. */
export function ledgerAccountsConsumer(accounts: LedgerAccountsService): ConsumerDefinition {
  const upsert: EventHandler<AccountSnapshotV1> = (event, manager) => accounts.upsert(manager, event.data, event.occurredAt);
  return {
    name: "ledger-accounts",
    topics: [LEDGER_ACCOUNT_TOPIC],
    handlers: { AccountCreated: upsert, AccountUpdated: upsert, AccountArchived: upsert, AccountUnarchived: upsert },
  };
}
