import type { DataSource, EntityManager } from "typeorm";
import { In } from "typeorm";

import type { SecretBox } from "../../../platform/crypto/index.js";
import { badInput, ClientError, conflict, notFound } from "../../../platform/errors/index.js";
import type { IdempotencyKeys } from "../../../platform/idempotency/index.js";
import type { JobQueue } from "../../../platform/jobs/index.js";
import { type Clock, type IdGenerator, isUuid } from "../../../platform/time/index.js";
import { AccountEntity } from "../accounts/account.entity.js";
import { BankAccountEntity, BankConnectionEntity } from "./bank-connection.entity.js";
import { type BankProvider, BankProviderError, type RemoteAccountData } from "./bank-provider.js";
import type { BankSyncConfig } from "./bank-sync.config.js";
import { BANK_SYNC_JOB, type BankSyncPayload } from "./bank-sync.job.js";
import { type BankSyncStore } from "./bank-sync.store.js";
import { claimUrlOf } from "./simplefin.parsing.js";

export interface ConnectionView {
  connection: BankConnectionEntity;
  accounts: BankAccountEntity[];
}

/**
 * Bank connections, the request side: connecting (claiming the setup token), linking remote
 * accounts to ledger accounts, asking for a sync (a job, bank-sync.job.ts), disconnecting.
 */
export class BankConnectionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly idempotency: IdempotencyKeys,
    private readonly jobs: JobQueue,
    private readonly provider: BankProvider,
    private readonly box: SecretBox,
    private readonly store: BankSyncStore,
    private readonly config: BankSyncConfig,
  ) {}

  /**
   * Claims the setup token and stores the sealed credentials with the accounts the bank reports.
   * The claim runs inside the transaction that holds the idempotency key, so a retried request
   * waits for the first and replays it rather than claiming a token that is already spent. Once
   * claimed, the credentials are always kept: a bank that then fails to list its accounts leaves
   * the connection in ERROR, and the next sync lists them.
   */
  async connect(userId: string, input: { setupToken: string; idempotencyKey?: string | null }): Promise<ConnectionView> {
    const setupToken = input.setupToken.trim();
    this.checkToken(setupToken);
    const id = this.ids.next();
    return this.dataSource.transaction(async (manager) => {
      const replayOf = await this.idempotency.claim(manager, userId, input.idempotencyKey, "connectBank", { setupToken }, id);
      if (replayOf) return this.view(manager, userId, replayOf);
      const credentials = await this.claim(setupToken);
      const now = this.clock.now();
      let accounts: RemoteAccountData[] = [];
      let failure: string | null = null;
      try {
        accounts = await this.provider.fetchAccounts(credentials, { startDate: now, balancesOnly: true });
      } catch (error) {
        if (!(error instanceof BankProviderError)) throw error;
        failure = error.message;
      }
      const connection: BankConnectionEntity = Object.assign(new BankConnectionEntity(), {
        id,
        userId,
        provider: "SIMPLEFIN",
        institution: accounts[0]?.institution || new URL(credentials).hostname,
        status: failure ? "ERROR" : "ACTIVE",
        sealedCredentials: this.box.seal(credentials, id),
        lastSyncedAt: null,
        lastError: failure,
        nextSyncAt: new Date(now.getTime() + (failure ? this.config.retryMs : this.config.everyMs)),
        createdAt: now,
        updatedAt: now,
      } satisfies BankConnectionEntity);
      await manager.insert(BankConnectionEntity, connection);
      await this.store.refreshAccounts(manager, connection, accounts, this.ids);
      return this.view(manager, userId, id);
    });
  }

  async list(userId: string): Promise<ConnectionView[]> {
    const connections = await this.dataSource
      .getRepository(BankConnectionEntity)
      .find({ where: { userId }, order: { createdAt: "ASC", id: "ASC" } });
    if (connections.length === 0) return [];
    const accounts = await this.dataSource
      .getRepository(BankAccountEntity)
      .find({ where: { userId, connectionId: In(connections.map((c) => c.id)) }, order: { name: "ASC", id: "ASC" } });
    return connections.map((connection) => ({ connection, accounts: accounts.filter((a) => a.connectionId === connection.id) }));
  }

  async find(userId: string, id: string): Promise<ConnectionView | null> {
    const connection = isUuid(id) ? await this.dataSource.getRepository(BankConnectionEntity).findOneBy({ id, userId }) : null;
    return connection ? this.view(this.dataSource.manager, userId, id) : null;
  }

  /** Links a remote account to one of the user's ledger accounts in the same currency; its transactions go there from the next sync. */
  async link(userId: string, remoteAccountId: string, ledgerAccountId: string): Promise<ConnectionView> {
    return this.dataSource.transaction(async (manager) => {
      const remote = isUuid(remoteAccountId)
        ? await manager.findOne(BankAccountEntity, { where: { id: remoteAccountId, userId }, lock: { mode: "pessimistic_write" } })
        : null;
      if (!remote) throw notFound("remote account");
      const account = isUuid(ledgerAccountId) ? await manager.findOneBy(AccountEntity, { id: ledgerAccountId, userId }) : null;
      if (!account) throw notFound("account");
      if (account.currency !== remote.currency)
        throw badInput(`the bank account is in ${remote.currency}, the ledger account in ${account.currency}`, {
          field: "ledgerAccountId",
        });
      const other = await manager.findOneBy(BankAccountEntity, { ledgerAccountId, userId });
      if (other && other.id !== remote.id)
        throw conflict("that ledger account is already linked to another bank account", { field: "ledgerAccountId" });
      await manager.update(BankAccountEntity, { id: remote.id }, { ledgerAccountId, updatedAt: this.clock.now() });
      return this.view(manager, userId, remote.connectionId);
    });
  }

  /** Queues a sync now; the connection answers with its state before the sync ran. */
  async requestSync(userId: string, id: string, traceId: string): Promise<ConnectionView> {
    return this.dataSource.transaction(async (manager) => {
      const view = await this.view(manager, userId, id);
      if (view.connection.status === "DISCONNECTED") throw badInput("the connection is disconnected", { field: "connectionId" });
      const payload: BankSyncPayload = { connectionId: id, traceId };
      await this.jobs.enqueue(manager, { kind: BANK_SYNC_JOB, userId, payload });
      return view;
    });
  }

  /** Forgets the credentials and stops syncing; the remote accounts and the transactions already imported stay. */
  async disconnect(userId: string, id: string): Promise<ConnectionView> {
    return this.dataSource.transaction(async (manager) => {
      const connection = await this.owned(manager, userId, id);
      const now = this.clock.now();
      Object.assign(connection, { status: "DISCONNECTED", sealedCredentials: null, nextSyncAt: null, updatedAt: now });
      await manager.save(connection);
      return this.view(manager, userId, id);
    });
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(BankAccountEntity, { userId });
    await manager.delete(BankConnectionEntity, { userId });
  }

  private checkToken(setupToken: string): void {
    try {
      claimUrlOf(setupToken);
    } catch (error) {
      throw badInput(error instanceof Error ? error.message : "bad setup token", { field: "setupToken" });
    }
  }

  private async claim(setupToken: string): Promise<string> {
    try {
      return await this.provider.claim(setupToken);
    } catch (error) {
      if (!(error instanceof BankProviderError)) throw error;
      if (error.failure === "BAD_TOKEN") throw badInput(error.message, { field: "setupToken" });
      throw new ClientError("BANK_UNAVAILABLE", `the bank bridge could not be reached; try again later (${error.message})`);
    }
  }

  private async owned(manager: EntityManager, userId: string, id: string): Promise<BankConnectionEntity> {
    const connection = isUuid(id)
      ? await manager.findOne(BankConnectionEntity, { where: { id, userId }, lock: { mode: "pessimistic_write" } })
      : null;
    if (!connection) throw notFound("bank connection");
    return connection;
  }

  private async view(manager: EntityManager, userId: string, id: string): Promise<ConnectionView> {
    const connection = isUuid(id) ? await manager.findOneBy(BankConnectionEntity, { id, userId }) : null;
    if (!connection) throw notFound("bank connection");
    const accounts = await manager.find(BankAccountEntity, { where: { connectionId: id, userId }, order: { name: "ASC", id: "ASC" } });
    return { connection, accounts };
  }
}
