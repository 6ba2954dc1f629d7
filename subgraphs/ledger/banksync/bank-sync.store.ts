import type { EntityManager } from "typeorm";

import type { Outbox } from "../../../platform/events/index.js";
import type { Clock, IdGenerator } from "../../../platform/time/index.js";
import { BANK_CONNECTION_NEEDS_ATTENTION, type BankConnectionNeedsAttentionV1, LEDGER_BANK_TOPIC } from "../../../schema/events/ledger.js";
import { BankAccountEntity, BankConnectionEntity } from "./bank-connection.entity.js";
import type { BankProviderError, RemoteAccountData } from "./bank-provider.js";
import type { BankSyncConfig } from "./bank-sync.config.js";

/** The sync's writes to connections and remote accounts, each inside the caller's transaction. */
export class BankSyncStore {
  constructor(
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly config: BankSyncConfig,
  ) {}

  /** The connection, row-locked: two syncs of one connection take turns step by step. */
  lock(manager: EntityManager, id: string): Promise<BankConnectionEntity | null> {
    return manager.findOne(BankConnectionEntity, { where: { id }, lock: { mode: "pessimistic_write" } });
  }

  /**
   * A refusal needs the user: NEEDS_ATTENTION, no more scheduled syncs, and an event so they are
   * told (once: a connection already waiting for them is not announced again). Anything else is
   * ERROR, tried again after the retry delay.
   */
  async recordFailure(manager: EntityManager, id: string, error: BankProviderError, traceId: string): Promise<void> {
    const connection = await this.lock(manager, id);
    if (!connection || connection.status === "DISCONNECTED") return;
    const now = this.clock.now();
    const needsUser = error.failure === "NEEDS_USER";
    const announce = needsUser && connection.status !== "NEEDS_ATTENTION";
    connection.status = needsUser ? "NEEDS_ATTENTION" : "ERROR";
    connection.lastError = error.message;
    connection.nextSyncAt = needsUser ? null : new Date(now.getTime() + this.config.retryMs);
    connection.updatedAt = now;
    await manager.save(connection);
    if (announce) {
      const data: BankConnectionNeedsAttentionV1 = {
        userId: connection.userId,
        connectionId: connection.id,
        institution: connection.institution,
        reason: error.message,
      };
      await this.outbox.add(manager, traceId, [
        { topic: LEDGER_BANK_TOPIC, type: BANK_CONNECTION_NEEDS_ATTENTION, key: connection.userId, data },
      ]);
    }
  }

  /** Remote accounts as the bank reports them now: new ones added, names and balances refreshed, links kept. */
  async refreshAccounts(
    manager: EntityManager,
    connection: BankConnectionEntity,
    accounts: RemoteAccountData[],
    ids: IdGenerator,
  ): Promise<void> {
    const now = this.clock.now();
    for (const a of accounts) {
      await manager.query(
        `INSERT INTO ledger.bank_accounts (id, user_id, connection_id, remote_id, name, currency, balance_minor, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (connection_id, remote_id) DO UPDATE SET name = EXCLUDED.name, balance_minor = EXCLUDED.balance_minor, updated_at = EXCLUDED.updated_at`,
        [ids.next(), connection.userId, connection.id, a.id, a.name.slice(0, 200), a.currency, a.balanceMinor.toString(), now],
      );
    }
    if (!connection.institution && accounts[0]?.institution) {
      connection.institution = accounts[0].institution;
      await manager.save(connection);
    }
  }

  /** Remote account id → the ledger account it is linked to. */
  async links(manager: EntityManager, connectionId: string): Promise<Map<string, string>> {
    const rows = await manager.findBy(BankAccountEntity, { connectionId });
    return new Map(rows.flatMap((r) => (r.ledgerAccountId ? [[r.remoteId, r.ledgerAccountId] as const] : [])));
  }

  /**
   * The end of a good sync: each linked account's bank balance against the ledger's (cleared and
   * reconciled transactions: a bank's balance leaves pending ones out), the difference stored for
   * the user to look at, never booked; the connection ACTIVE and due again in `everyMs`.
   */
  async finish(
    manager: EntityManager,
    connection: BankConnectionEntity,
    accounts: RemoteAccountData[],
    links: Map<string, string>,
  ): Promise<void> {
    const now = this.clock.now();
    for (const a of accounts) {
      const ledgerAccountId = links.get(a.id);
      if (!ledgerAccountId) continue;
      const [row]: Array<{ balance: string }> = await manager.query(
        `SELECT (a.opening_balance_minor + coalesce((SELECT sum(p.amount_minor) FROM ledger.postings p JOIN ledger.transactions t ON t.id = p.transaction_id
                  WHERE p.account_id = a.id AND t.deleted_at IS NULL AND t.status <> 'PENDING'), 0))::text AS balance
         FROM ledger.accounts a WHERE a.id = $1 AND a.user_id = $2`,
        [ledgerAccountId, connection.userId],
      );
      if (!row) continue;
      await manager.update(
        BankAccountEntity,
        { connectionId: connection.id, remoteId: a.id },
        { lastBalanceDifferenceMinor: a.balanceMinor - BigInt(row.balance), updatedAt: now },
      );
    }
    connection.status = "ACTIVE";
    connection.lastError = null;
    connection.lastSyncedAt = now;
    connection.nextSyncAt = new Date(now.getTime() + this.config.everyMs);
    connection.updatedAt = now;
    await manager.save(connection);
  }
}
