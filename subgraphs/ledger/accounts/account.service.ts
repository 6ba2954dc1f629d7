import { type DataSource, type EntityManager, In } from "typeorm";

import { claimWithinUserCap } from "../../../platform/db/index.js";
import { badInput, notFound } from "../../../platform/errors/index.js";
import type { Outbox } from "../../../platform/events/index.js";
import type { IdempotencyKeys } from "../../../platform/idempotency/index.js";
import type { Money } from "../../../platform/money/index.js";
import { type Clock, type IdGenerator, isUuid } from "../../../platform/time/index.js";
import {
  ACCOUNT_ARCHIVED,
  ACCOUNT_CREATED,
  ACCOUNT_UNARCHIVED,
  ACCOUNT_UPDATED,
  LEDGER_ACCOUNT_TOPIC,
  type LedgerAccountEvents,
} from "../../../schema/events/ledger.js";
import { calendarDate } from "../transactions/calendar-date.js";
import { ACCOUNT_TYPES, AccountEntity, type AccountKind } from "./account.entity.js";
import { accountSnapshot } from "./account.events.js";

export interface NewAccount {
  name: string;
  type: AccountKind;
  openingBalance: Money;
  openingDate: string;
  idempotencyKey?: string | null;
}

export const MAX_ACCOUNTS_PER_USER = 200;

function accountName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 100) throw badInput("name must be 1 to 100 characters", { field: "name" });
  return trimmed;
}

export class AccountService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly idempotency: IdempotencyKeys,
  ) {}

  async create(userId: string, input: NewAccount, traceId: string): Promise<AccountEntity> {
    if (!ACCOUNT_TYPES.includes(input.type)) throw badInput("unknown account type", { field: "type" });
    const entity = Object.assign(new AccountEntity(), {
      id: this.ids.next(),
      userId,
      name: accountName(input.name),
      type: input.type,
      currency: input.openingBalance.currency,
      openingBalanceMinor: input.openingBalance.amountMinor,
      openingDate: calendarDate(input.openingDate, "openingDate"),
      archivedAt: null,
      createdAt: this.clock.now(),
    });
    const { idempotencyKey, ...request } = input;
    return this.dataSource.transaction(async (manager) => {
      const replayOf = await this.idempotency.claim(manager, userId, idempotencyKey, "createAccount", request, entity.id);
      if (replayOf) return this.idempotency.replayed(manager, AccountEntity, userId, replayOf);
      await claimWithinUserCap(manager, AccountEntity, userId, MAX_ACCOUNTS_PER_USER, "accounts");
      const saved = await manager.save(entity);
      await this.outbox.add(manager, traceId, [
        { topic: LEDGER_ACCOUNT_TOPIC, type: ACCOUNT_CREATED, key: userId, data: accountSnapshot(saved) },
      ]);
      return saved;
    });
  }

  async rename(userId: string, id: string, name: string, traceId: string): Promise<AccountEntity> {
    return this.change(userId, id, traceId, ACCOUNT_UPDATED, (account) => {
      account.name = accountName(name);
    });
  }

  async setArchived(userId: string, id: string, archived: boolean, traceId: string): Promise<AccountEntity> {
    return this.change(userId, id, traceId, archived ? ACCOUNT_ARCHIVED : ACCOUNT_UNARCHIVED, (account) => {
      if ((account.archivedAt !== null) === archived) return false;
      account.archivedAt = archived ? this.clock.now() : null;
    });
  }

  private async change(
    userId: string,
    id: string,
    traceId: string,
    type: keyof LedgerAccountEvents,
    apply: (account: AccountEntity) => void | false,
  ): Promise<AccountEntity> {
    return this.dataSource.transaction(async (manager) => {
      const account = await this.lockOwned(manager, userId, id);
      if (apply(account) === false) return account;
      const saved = await manager.save(account);
      await this.outbox.add(manager, traceId, [{ topic: LEDGER_ACCOUNT_TOPIC, type, key: userId, data: accountSnapshot(saved) }]);
      return saved;
    });
  }

  /** The caller's account, row-locked for a write; another user's id is NOT_FOUND. */
  async lockOwned(manager: EntityManager, userId: string, id: string): Promise<AccountEntity> {
    const account = isUuid(id)
      ? await manager.findOne(AccountEntity, { where: { id, userId }, lock: { mode: "pessimistic_write" } })
      : null;
    if (!account) throw notFound("account");
    return account;
  }

  /** An account a new transaction may be booked on: the caller's, not archived, dated on or after opening. */
  async usable(manager: EntityManager, userId: string, id: string, date: string, field = "accountId"): Promise<AccountEntity> {
    return usableAccount(isUuid(id) ? await manager.findOneBy(AccountEntity, { id, userId }) : null, date, field);
  }

  list(userId: string, includeArchived: boolean): Promise<AccountEntity[]> {
    const qb = this.dataSource.getRepository(AccountEntity).createQueryBuilder("a").where("a.user_id = :userId", { userId });
    if (!includeArchived) qb.andWhere("a.archived_at IS NULL");
    return qb.orderBy("a.created_at", "ASC").addOrderBy("a.id", "ASC").getMany();
  }

  findForUser(userId: string, ids: readonly string[]): Promise<AccountEntity[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(AccountEntity).findBy({ userId, id: In(valid) });
  }

  /**
   * Balances in one statement for many accounts: opening balance plus every live posting on the
   * account, up to and including `onDate` when given (the opening balance counts from its date).
   */
  async balances(userId: string, accountIds: readonly string[], onDate?: string): Promise<Map<string, bigint>> {
    const valid = accountIds.filter(isUuid);
    if (valid.length === 0) return new Map();
    const rows: Array<{ id: string; balance: string }> = await this.dataSource.query(
      `SELECT a.id,
              (CASE WHEN $3::date IS NULL OR a.opening_date <= $3::date THEN a.opening_balance_minor ELSE 0 END
               + coalesce((SELECT sum(p.amount_minor) FROM ledger.postings p JOIN ledger.transactions t ON t.id = p.transaction_id
                           WHERE p.account_id = a.id AND t.deleted_at IS NULL AND ($3::date IS NULL OR t.date <= $3::date)), 0))::text AS balance
       FROM ledger.accounts a WHERE a.user_id = $1 AND a.id = ANY($2::uuid[])`,
      [userId, valid, onDate ?? null],
    );
    return new Map(rows.map((r) => [r.id, BigInt(r.balance)]));
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(AccountEntity, { userId });
  }
}

/** The caller's account (null: not theirs or none) if a transaction dated `date` may be written on it. */
export function usableAccount(account: AccountEntity | null, date: string, field = "accountId"): AccountEntity {
  if (!account) throw notFound("account");
  if (account.archivedAt) throw badInput("the account is archived", { field });
  if (date < account.openingDate) throw badInput(`date is before the account's opening date ${account.openingDate}`, { field: "date" });
  return account;
}
