import type { EntityManager } from "typeorm";

import {
  ACCOUNT_ARCHIVED,
  ACCOUNT_CREATED,
  ACCOUNT_UNARCHIVED,
  ACCOUNT_UPDATED,
  type AccountSnapshotV1,
  LEDGER_ACCOUNT_TOPIC,
  type LedgerAccountEvents,
} from "../../schema/events/ledger.js";
import { badInput, ClientError, ErrorCode } from "../errors/index.js";
import type { ConsumerDefinition, EventHandler } from "../events/index.js";
import { isUuid } from "../time/index.js";
import { checkedSchema } from "./schema-name.js";

/**
 * A subgraph's own copy of each user's ledger accounts (`<schema>.accounts`, fed by
 * `ledger.account.v1`), so it can check an account id a client sends without calling the ledger:
 * subgraphs share events, never calls or code. Every subgraph that stores a reference to a ledger
 * account keeps one, made by its own migration from {@link ledgerAccountsTableSql}.
 */

/** A ledger account a new reference may point at. */
export interface LinkableAccount {
  /** Lower-cased. */
  id: string;
  currency: string;
}

/**
 * The statements that create the read model's table in `schema`, for that subgraph's migration to
 * run in order. `as_of` is the occurredAt of the snapshot kept: an older one never overwrites a
 * newer one, whatever order the events arrive in after a replay.
 */
export function ledgerAccountsTableSql(schema: string): string[] {
  const s = checkedSchema(schema);
  return [
    `CREATE TABLE ${s}.accounts (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        currency char(3) NOT NULL,
        archived boolean NOT NULL,
        as_of timestamptz NOT NULL
      )`,
    `CREATE INDEX accounts_user ON ${s}.accounts (user_id)`,
  ];
}

/**
 * An id that is not one of the caller's accounts as this subgraph knows them. It learns accounts
 * from the ledger's events, so an account created a moment ago may not be known yet: the message
 * says so and the client retries (the answer "not yours" gets too: the two must look alike).
 */
export const ledgerAccountNotFound = (schema: string, field: string) =>
  new ClientError(
    ErrorCode.NOT_FOUND,
    `account not found (an account created a moment ago can take a few seconds to reach ${schema}: try again)`,
    { field },
  );

export class LedgerAccountsReadModel {
  private readonly table: string;

  constructor(private readonly schema: string) {
    this.table = `${checkedSchema(schema)}.accounts`;
  }

  /** The latest snapshot wins; a replayed older one changes nothing, and an id never changes owner. */
  async upsert(manager: EntityManager, account: AccountSnapshotV1, occurredAt: string): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.table} (id, user_id, currency, archived, as_of) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET currency = EXCLUDED.currency, archived = EXCLUDED.archived, as_of = EXCLUDED.as_of
       WHERE ${this.table}.user_id = EXCLUDED.user_id AND ${this.table}.as_of <= EXCLUDED.as_of`,
      [account.accountId, account.userId, account.currency, account.archived, occurredAt],
    );
  }

  /**
   * The account when it is one of `userId`'s that can take new references. Not an id:
   * BAD_USER_INPUT. Unknown, another user's, or gone with its user: NOT_FOUND. Archived:
   * BAD_USER_INPUT, as the ledger books nothing new on it. Each error names `field`.
   */
  async requireLinkable(manager: EntityManager, userId: string, id: string, field: string): Promise<LinkableAccount> {
    if (!isUuid(id)) throw badInput(`${field} is not an account id`, { field });
    const [row]: Array<{ archived: boolean; currency: string }> = await manager.query(
      `SELECT archived, currency FROM ${this.table} WHERE id = $1 AND user_id = $2`,
      [id, userId],
    );
    if (!row) throw ledgerAccountNotFound(this.schema, field);
    if (row.archived) throw badInput("the account is archived", { field });
    return { id: id.toLowerCase(), currency: row.currency };
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM ${this.table} WHERE user_id = $1`, [userId]);
  }
}

/** Keeps `readModel` up to date: every account event carries the whole snapshot. */
export function ledgerAccountsConsumer(readModel: LedgerAccountsReadModel): ConsumerDefinition<LedgerAccountEvents> {
  const upsert: EventHandler<AccountSnapshotV1> = (event, manager) => readModel.upsert(manager, event.data, event.occurredAt);
  return {
    // The consumer group and inbox entries are `<subgraph>.ledger-accounts`: renaming it replays history.
    name: "ledger-accounts",
    topics: [LEDGER_ACCOUNT_TOPIC],
    handlers: { [ACCOUNT_CREATED]: upsert, [ACCOUNT_UPDATED]: upsert, [ACCOUNT_ARCHIVED]: upsert, [ACCOUNT_UNARCHIVED]: upsert },
  };
}
