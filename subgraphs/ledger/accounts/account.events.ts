import { topicName } from "../../../platform/events/index.js";
import type { AccountEntity } from "./account.entity.js";

export const ACCOUNT_TOPIC = topicName("ledger", "account");

/** `AccountCreated`, `AccountUpdated`, `AccountArchived`, `AccountUnarchived` v1: the account as it now is. */
export interface AccountSnapshotV1 {
  accountId: string;
  userId: string;
  name: string;
  type: string;
  currency: string;
  openingBalanceMinor: string;
  openingDate: string;
  archived: boolean;
}

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
