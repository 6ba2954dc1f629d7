import type { AccountSnapshotV1 } from "../../../schema/events/ledger.js";
import type { AccountEntity } from "./account.entity.js";

/** What every `ledger.account.v1` event carries: the account as it now is (contract: schema/events/ledger.ts). */
export const accountSnapshot = (a: AccountEntity): AccountSnapshotV1 => ({
  accountId: a.id,
  userId: a.userId,
  name: a.name,
  type: a.type,
  currency: a.currency,
  openingBalanceMinor: a.openingBalanceMinor.toString(),
  openingDate: a.openingDate,
  archived: a.archivedAt !== null,
});
