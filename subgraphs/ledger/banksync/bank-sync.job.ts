import type { DataSource, EntityManager } from "typeorm";

import { nextTurn } from "../../../platform/concurrency/next-turn.js";
import type { SecretBox } from "../../../platform/crypto/index.js";
import { isClientError } from "../../../platform/errors/index.js";
import type { Outbox } from "../../../platform/events/index.js";
import type { JobExecution, JobHandler, JobRecord, JobStepResult } from "../../../platform/jobs/index.js";
import type { Clock, IdGenerator } from "../../../platform/time/index.js";
import { TRANSACTION_POSTED, TRANSACTION_UPDATED } from "../../../schema/events/ledger.js";
import { AccountEntity } from "../accounts/account.entity.js";
import { PostingEntity } from "../transactions/posting.entity.js";
import { TransactionEntity } from "../transactions/transaction.entity.js";
import { type TransactionEvent, transactionSnapshot } from "../transactions/transaction.events.js";
import type { StoredTransaction, TransactionWriter } from "../transactions/transaction.writer.js";
import type { TransactionEventPublisher } from "../transactions/transaction-events.publisher.js";
import { payeeKey } from "../transactions/transaction-fields.js";
import { BankConnectionEntity } from "./bank-connection.entity.js";
import { type ExistingRow, matchRemote } from "./bank-matches.js";
import { type BankProvider, BankProviderError, type RemoteAccountData, type RemoteTransaction } from "./bank-provider.js";
import type { BankSyncConfig } from "./bank-sync.config.js";
import { BankSyncStore } from "./bank-sync.store.js";

export const BANK_SYNC_JOB = "ledger.bank-sync";
/** Remote transactions matched and written per step (one database transaction). */
export const SYNC_CHUNK = 1000;
/** How far before the last sync a sync reads again: late postings and pending → posted changes. */
const OVERLAP_DAYS = 14;

export interface BankSyncPayload {
  connectionId: string;
  traceId: string;
}

/** Remote transactions of linked accounts handled so far, in the fetch's order. */
export interface BankSyncCursor {
  done: number;
}

export interface BankSyncJobDeps {
  dataSource: DataSource;
  clock: Clock;
  ids: IdGenerator;
  outbox: Outbox;
  writer: TransactionWriter;
  events: TransactionEventPublisher;
  provider: BankProvider;
  box: SecretBox;
  config: BankSyncConfig;
}

type Fetched = { ok: true; accounts: RemoteAccountData[] } | { ok: false; error: BankProviderError } | { ok: false; error: null };

/**
 * One sync of a connection. `open` reads the bank (network, outside any database transaction); a
 * refusal or a failure becomes one step that records the status and writes nothing else. Otherwise
 * the first step refreshes the remote accounts, the next ones match and write SYNC_CHUNK remote
 * transactions each (the connection row locked, so two syncs of one connection take turns), and the
 * last one stores each linked account's balance difference and marks the connection synced. A run
 * resumed elsewhere reads the bank again and starts over from its cursor: every write is matched
 * against what is already there, so a second pass writes nothing twice.
 */
export function bankSyncJobHandler(deps: BankSyncJobDeps): JobHandler<BankSyncPayload, BankSyncCursor> {
  const store = new BankSyncStore(deps.clock, deps.outbox, deps.config);
  return {
    kind: BANK_SYNC_JOB,
    open: async (job) => new BankSyncRun(deps, store, job, await fetchFor(deps, job.payload.connectionId)),
    failed: async (manager, job, message) => {
      await store.recordFailure(manager, job.payload.connectionId, new BankProviderError("TRANSIENT", message), job.payload.traceId);
    },
  };
}

async function fetchFor(deps: BankSyncJobDeps, connectionId: string): Promise<Fetched> {
  const connection = await deps.dataSource.getRepository(BankConnectionEntity).findOneBy({ id: connectionId });
  if (!connection?.sealedCredentials || connection.status === "DISCONNECTED") return { ok: false, error: null };
  const credentials = deps.box.open(connection.sealedCredentials, connection.id);
  const from = connection.lastSyncedAt
    ? connection.lastSyncedAt.getTime() - OVERLAP_DAYS * 86_400_000
    : deps.clock.now().getTime() - deps.config.firstSyncDays * 86_400_000;
  try {
    return { ok: true, accounts: await deps.provider.fetchAccounts(credentials, { startDate: new Date(from) }) };
  } catch (error) {
    if (error instanceof BankProviderError) return { ok: false, error };
    throw error;
  }
}

class BankSyncRun implements JobExecution<BankSyncCursor> {
  private cursor: BankSyncCursor | null;

  constructor(
    private readonly deps: BankSyncJobDeps,
    private readonly store: BankSyncStore,
    private readonly job: JobRecord<BankSyncPayload, BankSyncCursor>,
    private readonly fetched: Fetched,
  ) {
    this.cursor = job.cursor;
  }

  async step(manager: EntityManager): Promise<JobStepResult<BankSyncCursor>> {
    const result = await this.next(manager);
    this.cursor = result.cursor;
    return result;
  }

  private async next(manager: EntityManager): Promise<JobStepResult<BankSyncCursor>> {
    const { connectionId, traceId } = this.job.payload;
    const connection = await this.store.lock(manager, connectionId);
    if (!connection || connection.status === "DISCONNECTED" || !this.fetched.ok) {
      if (connection && !this.fetched.ok && this.fetched.error)
        await this.store.recordFailure(manager, connectionId, this.fetched.error, traceId);
      return { cursor: { done: 0 }, done: true };
    }
    const accounts = this.fetched.accounts;
    if (this.cursor === null) {
      await this.store.refreshAccounts(manager, connection, accounts, this.deps.ids);
      return { cursor: { done: 0 }, progress: { done: 0 }, done: false };
    }
    const links = await this.store.links(manager, connectionId);
    const work = accounts.flatMap((a) => {
      const ledgerAccountId = links.get(a.id);
      return ledgerAccountId ? a.transactions.map((tx) => ({ ledgerAccountId, tx })) : [];
    });
    const start = this.cursor.done;
    if (start >= work.length) {
      await this.store.finish(manager, connection, accounts, links);
      return { cursor: { done: start }, progress: { done: start, total: work.length }, done: true };
    }
    const chunk = work.slice(start, start + SYNC_CHUNK);
    const byAccount = new Map<string, RemoteTransaction[]>();
    for (const { ledgerAccountId, tx } of chunk) byAccount.set(ledgerAccountId, [...(byAccount.get(ledgerAccountId) ?? []), tx]);
    const categorize = await this.deps.writer.categorizerFor(manager, connection.userId);
    const events: TransactionEvent[] = [];
    for (const [ledgerAccountId, txs] of byAccount) {
      const account = await manager.findOneBy(AccountEntity, { id: ledgerAccountId, userId: connection.userId });
      if (!account || account.archivedAt) continue;
      events.push(...(await this.writeAccount(manager, account, txs, categorize)));
    }
    await this.deps.events.emitMany(manager, traceId, connection.userId, events);
    const done = start + chunk.length;
    return { cursor: { done }, progress: { done, total: work.length }, done: false };
  }

  /** New remote transactions inserted (rules applied), known pending ones that posted updated in place. */
  private async writeAccount(
    manager: EntityManager,
    account: AccountEntity,
    txs: RemoteTransaction[],
    categorize: Parameters<TransactionWriter["buildEntry"]>[3],
  ): Promise<TransactionEvent[]> {
    // The same id twice in one answer is one transaction; the posted version wins.
    const unique = new Map<string, RemoteTransaction>();
    for (const tx of txs) if (!unique.has(tx.id) || !tx.pending) unique.set(tx.id, tx);
    const keyed = [...unique.values()].map((tx) => ({ tx, key: payeeKey(tx.payee) }));
    const matches = await matchRemote(manager, account.id, keyed);
    const entries: StoredTransaction[] = [];
    const events: TransactionEvent[] = [];
    for (const [i, { tx }] of keyed.entries()) {
      if (i > 0 && i % 200 === 0) await nextTurn();
      const match = matches.get(tx.id);
      if (match) {
        const updated = await this.update(manager, match, tx);
        if (updated) events.push(updated);
        continue;
      }
      try {
        entries.push(
          this.deps.writer.buildEntry(
            account,
            this.deps.ids.next(),
            {
              accountId: account.id,
              amount: { amountMinor: tx.amountMinor, currency: account.currency },
              date: tx.date,
              payee: tx.payee,
              notes: tx.memo,
              status: tx.pending ? "PENDING" : "CLEARED",
            },
            categorize,
            { source: "BANK_SYNC", bankTransactionId: tx.id },
          ),
        );
      } catch (error) {
        // A transaction the ledger refuses (before the account's opening date) is left at the bank.
        if (!isClientError(error)) throw error;
      }
    }
    await this.deps.writer.insertEntries(manager, entries);
    for (const e of entries) events.push({ type: TRANSACTION_POSTED, data: transactionSnapshot(e.transaction, e.legs) });
    return events;
  }

  /**
   * A match is the same transaction: nothing to write, unless a pending one has posted (status,
   * date, the bank's final id, and its amount when it has one category line to move with it) or a
   * typed or CSV row can take the bank's id, so the next sync finds it by id.
   */
  private async update(manager: EntityManager, match: ExistingRow, tx: RemoteTransaction): Promise<TransactionEvent | null> {
    const posted = match.status === "PENDING" && !tx.pending;
    if (!posted) {
      if (match.bankTransactionId === null)
        await manager.update(TransactionEntity, { id: match.id }, { bankTransactionId: tx.id, updatedAt: this.deps.clock.now() });
      return null;
    }
    const row = await manager.findOneByOrFail(TransactionEntity, { id: match.id });
    const legs = await manager.find(PostingEntity, { where: { transactionId: row.id }, order: { position: "ASC" } });
    const before = transactionSnapshot(row, legs);
    row.status = "CLEARED";
    row.date = tx.date;
    row.bankTransactionId = tx.id;
    row.updatedAt = this.deps.clock.now();
    if (tx.amountMinor !== row.amountMinor && legs.length === 2 && tx.amountMinor < 0n === row.amountMinor < 0n) {
      row.amountMinor = tx.amountMinor;
      for (const leg of legs) {
        leg.amountMinor = leg.role === "ACCOUNT" ? tx.amountMinor : -tx.amountMinor;
        await manager.update(PostingEntity, { id: leg.id }, { amountMinor: leg.amountMinor });
      }
    }
    await manager.save(row);
    return {
      type: TRANSACTION_UPDATED,
      data: { transactionId: row.id, userId: row.userId, before, after: transactionSnapshot(row, legs) },
    };
  }
}
