import { Field, ID, InputType, ObjectType, registerEnumType } from "type-graphql";

import { money, MoneyType } from "../../../platform/money/index.js";
import type { BankAccountEntity } from "./bank-connection.entity.js";
import type { ConnectionView } from "./bank-connection.service.js";

export enum BankConnectionStatus {
  ACTIVE = "ACTIVE",
  NEEDS_ATTENTION = "NEEDS_ATTENTION",
  ERROR = "ERROR",
  DISCONNECTED = "DISCONNECTED",
}
registerEnumType(BankConnectionStatus, {
  name: "BankConnectionStatus",
  description:
    "ACTIVE (syncing every 6 h); NEEDS_ATTENTION (the bank refused the stored access: reconnect with a new setup token); " +
    "ERROR (the last sync failed on the bank's side; tried again later); DISCONNECTED.",
});

@ObjectType({ description: "An account at the bank, as it last reported, and the ledger account its transactions go to." })
export class RemoteAccount {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  currency!: string;

  @Field(() => MoneyType, { description: "The balance the bank reported at the last sync." })
  balance!: MoneyType;

  @Field(() => ID, { nullable: true, description: "null until linked (`linkBankAccount`): unlinked accounts are not synced." })
  ledgerAccountId!: string | null;

  @Field(() => MoneyType, {
    nullable: true,
    description:
      "The bank's balance minus the ledger account's (pending transactions left out) after the last sync; never booked automatically.",
  })
  lastBalanceDifference!: MoneyType | null;

  static from(e: BankAccountEntity): RemoteAccount {
    return Object.assign(new RemoteAccount(), {
      id: e.id,
      name: e.name,
      currency: e.currency,
      balance: MoneyType.from(money(e.balanceMinor, e.currency)),
      ledgerAccountId: e.ledgerAccountId,
      lastBalanceDifference: e.lastBalanceDifferenceMinor === null ? null : MoneyType.from(money(e.lastBalanceDifferenceMinor, e.currency)),
    });
  }
}

@ObjectType({ description: "A bank feed (SimpleFIN Bridge) and its sync state." })
export class BankConnection {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  institution!: string;

  @Field(() => BankConnectionStatus)
  status!: BankConnectionStatus;

  @Field(() => String, { nullable: true, description: "When the last good sync ended (ISO 8601)." })
  lastSyncedAt!: string | null;

  @Field(() => String, { nullable: true, description: "Why the last sync failed; null after a good one." })
  lastError!: string | null;

  @Field(() => [RemoteAccount])
  accounts!: RemoteAccount[];

  static from(view: ConnectionView): BankConnection {
    const c = view.connection;
    return Object.assign(new BankConnection(), {
      id: c.id,
      institution: c.institution,
      status: c.status as BankConnectionStatus,
      lastSyncedAt: c.lastSyncedAt?.toISOString() ?? null,
      lastError: c.lastError,
      accounts: view.accounts.map(RemoteAccount.from),
    });
  }
}

@InputType()
export class ConnectBankInput {
  @Field(() => String, { description: "The SimpleFIN setup token (base64 of a claim URL), used once." })
  setupToken!: string;

  @Field(() => String, { nullable: true })
  idempotencyKey?: string | null;
}

@InputType()
export class LinkBankAccountInput {
  @Field(() => ID)
  remoteAccountId!: string;

  @Field(() => ID)
  ledgerAccountId!: string;
}
