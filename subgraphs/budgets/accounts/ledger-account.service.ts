import type { EntityManager } from "typeorm";

import { badInput, ClientError, ErrorCode } from "../../../platform/errors/index.js";
import { isUuid } from "../../../platform/time/index.js";
import type { AccountSnapshotV1 } from "../../../schema/events/ledger.js";

/**
 * An id that is not one of the caller's accounts as budgets knows them. Budgets learns accounts
 * from the ledger's events, so an account created a moment ago may not be known yet: the message
 * says so, and the client retries (the same answer "not yours" gets: the two must look alike).
 */
export const accountNotFound = (field: string) =>
  new ClientError(
    ErrorCode.NOT_FOUND,
    "account not found (an account created a moment ago can take a few seconds to reach budgets: try again)",
    { field },
  );

/**
 * The caller's ledger accounts as budgets keeps them (`budgets.accounts`, fed by
 * `ledger.account.v1`). Every reference budgets stores to a ledger account is checked here first:
 * a subgraph never stores another's ids unchecked.
 */
export class LedgerAccountsService {
  /** The latest snapshot wins; a replayed older one changes nothing. */
  async upsert(manager: EntityManager, account: AccountSnapshotV1, occurredAt: string): Promise<void> {
    await manager.query(
      `INSERT INTO budgets.accounts (id, user_id, currency, archived, as_of) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET currency = EXCLUDED.currency, archived = EXCLUDED.archived, as_of = EXCLUDED.as_of
       WHERE budgets.accounts.user_id = EXCLUDED.user_id AND budgets.accounts.as_of <= EXCLUDED.as_of`,
      [account.accountId, account.userId, account.currency, account.archived, occurredAt],
    );
  }

  /**
   * The id (lower-cased) when it is one of the caller's accounts that can take new links.
   * Unknown, another user's, or deleted (purged with its user): NOT_FOUND. Archived: BAD_USER_INPUT,
   * as the ledger refuses new transactions on it, so nothing new should point at it.
   */
  async requireLinkable(manager: EntityManager, userId: string, id: string, field: string): Promise<string> {
    if (!isUuid(id)) throw badInput(`${field} is not an account id`, { field });
    const [row]: Array<{ archived: boolean }> = await manager.query(
      `SELECT archived FROM budgets.accounts WHERE id = $1 AND user_id = $2`,
      [id, userId],
    );
    if (!row) throw accountNotFound(field);
    if (row.archived) throw badInput("the account is archived", { field });
    return id.toLowerCase();
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM budgets.accounts WHERE user_id = $1`, [userId]);
  }
}
