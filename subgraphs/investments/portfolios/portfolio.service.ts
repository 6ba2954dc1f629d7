import type { DataSource, EntityManager } from "typeorm";

import { claimWithinUserCap } from "../../../platform/db/index.js";
import { badInput } from "../../../platform/errors/index.js";
import { assertIdempotencyKey, type IdempotencyKeys } from "../../../platform/idempotency/index.js";
import { normalizeCurrency } from "../../../platform/money/index.js";
import type { LedgerAccountsReadModel } from "../../../platform/read-models/index.js";
import { type Clock, type IdGenerator, isUuid } from "../../../platform/time/index.js";
import { COST_BASIS_METHODS, type CostBasisMethodName, PortfolioEntity } from "./portfolio.entity.js";
import { portfolioArchived, portfolioNotFound, text } from "./portfolio.errors.js";
import type { PortfolioEvents } from "./portfolio-events.js";
import { COLUMNS, portfolioFromRow, portfoliosAmong } from "./portfolio-rows.js";

export const MAX_PORTFOLIOS_PER_USER = 100;
export const PORTFOLIO_NAME_MAX = 100;

export interface NewPortfolio {
  name: string;
  currency: string;
  costBasisMethod: string;
  ledgerAccountId?: string | null;
  idempotencyKey?: string | null;
}

/** Creating, renaming, archiving and linking portfolios, and the one gate every write goes through. */
export class PortfolioService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly idempotency: IdempotencyKeys,
    private readonly accounts: LedgerAccountsReadModel,
    private readonly events: PortfolioEvents,
  ) {}

  async create(userId: string, input: NewPortfolio, traceId: string): Promise<PortfolioEntity> {
    const { idempotencyKey, ...request } = input;
    assertIdempotencyKey(idempotencyKey);
    const name = text(request.name, "name", PORTFOLIO_NAME_MAX);
    const currency = normalizeCurrency(request.currency);
    const method = costBasisMethod(request.costBasisMethod);
    const id = this.ids.next();
    return this.dataSource.transaction(async (manager) => {
      const firstId = await this.idempotency.claim(manager, userId, idempotencyKey, "createPortfolio", request, id);
      if (firstId !== null) return this.idempotency.replayed(manager, PortfolioEntity, userId, firstId);
      await claimWithinUserCap(manager, PortfolioEntity, userId, MAX_PORTFOLIOS_PER_USER, "portfolios");
      const ledgerAccountId = await this.linkable(manager, userId, request.ledgerAccountId, currency);
      const now = this.clock.now();
      const portfolio = Object.assign(new PortfolioEntity(), {
        id,
        userId,
        name,
        currency,
        costBasisMethod: method,
        ledgerAccountId,
        version: 0n,
        archivedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(PortfolioEntity, portfolio);
      await this.events.updated(manager, traceId, userId, [id], "CREATED");
      return portfolio;
    });
  }

  async rename(userId: string, id: string, newName: string, traceId: string): Promise<PortfolioEntity> {
    const name = text(newName, "name", PORTFOLIO_NAME_MAX);
    return this.dataSource.transaction(async (manager) => {
      const portfolio = await this.lock(manager, userId, id, { writable: true, field: "id" });
      if (portfolio.name === name) return portfolio;
      portfolio.name = name;
      portfolio.updatedAt = this.clock.now();
      await manager.update(PortfolioEntity, { id }, { name, updatedAt: portfolio.updatedAt });
      await this.events.updated(manager, traceId, userId, [id], "RENAMED");
      return portfolio;
    });
  }

  /** Archived portfolios keep their history and figures but take no new activity; archiving twice changes nothing. */
  async archive(userId: string, id: string, traceId: string): Promise<PortfolioEntity> {
    return this.dataSource.transaction(async (manager) => {
      const portfolio = await this.lock(manager, userId, id, { field: "id" });
      if (portfolio.archivedAt) return portfolio;
      portfolio.archivedAt = portfolio.updatedAt = this.clock.now();
      await manager.update(PortfolioEntity, { id }, { archivedAt: portfolio.archivedAt, updatedAt: portfolio.updatedAt });
      await this.events.updated(manager, traceId, userId, [id], "ARCHIVED");
      return portfolio;
    });
  }

  /** Links (or, with null, unlinks) the ledger account holding the portfolio's cash. */
  async linkLedgerAccount(userId: string, id: string, ledgerAccountId: string | null, traceId: string): Promise<PortfolioEntity> {
    return this.dataSource.transaction(async (manager) => {
      const portfolio = await this.lock(manager, userId, id, { writable: true, field: "id" });
      const linked = await this.linkable(manager, userId, ledgerAccountId, portfolio.currency);
      if (linked === portfolio.ledgerAccountId) return portfolio;
      portfolio.ledgerAccountId = linked;
      portfolio.updatedAt = this.clock.now();
      await manager.update(PortfolioEntity, { id }, { ledgerAccountId: linked, updatedAt: portfolio.updatedAt });
      await this.events.updated(manager, traceId, userId, [id], "LEDGER_ACCOUNT");
      return portfolio;
    });
  }

  /**
   * The one gate into a portfolio for writes: the caller's own, row-locked for the transaction so
   * that writes to one portfolio replay and validate one at a time. Anything else is NOT_FOUND.
   */
  async lock(
    manager: EntityManager,
    userId: string,
    id: string,
    options: { writable?: boolean; field?: string } = {},
  ): Promise<PortfolioEntity> {
    const field = options.field ?? "portfolioId";
    if (!isUuid(id)) throw portfolioNotFound(field);
    const [row] = await manager.query(`SELECT ${COLUMNS} FROM investments.portfolios WHERE id = $1 AND user_id = $2 FOR UPDATE`, [
      id,
      userId,
    ]);
    if (!row) throw portfolioNotFound(field);
    const portfolio = portfolioFromRow(row);
    if (options.writable && portfolio.archivedAt) throw portfolioArchived(field);
    return portfolio;
  }

  /** Reserves `count` consecutive places in the portfolio's order of entry (a change to its activity); returns the first. */
  async reserveSequence(manager: EntityManager, portfolioId: string, count: number): Promise<bigint> {
    const [row] = await manager.query(
      // Wrapped in a SELECT: TypeORM answers a bare UPDATE with [rows, count], not the rows.
      `WITH reserved AS (UPDATE investments.portfolios SET next_sequence = next_sequence + $2, version = version + 1 WHERE id = $1
         RETURNING next_sequence)
       SELECT (next_sequence - $2)::text AS first FROM reserved`,
      [portfolioId, count],
    );
    return BigInt(row.first as string);
  }

  /** Marks a change to the portfolio's activity (an edit or a deletion), in the write's transaction. */
  async activityChanged(manager: EntityManager, portfolioId: string): Promise<void> {
    await manager.query(`UPDATE investments.portfolios SET version = version + 1 WHERE id = $1`, [portfolioId]);
  }

  async list(userId: string, includeArchived: boolean): Promise<PortfolioEntity[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM investments.portfolios WHERE user_id = $1 AND ($2 OR archived_at IS NULL) ORDER BY created_at, id`,
      [userId, includeArchived],
    );
    return rows.map(portfolioFromRow);
  }

  /** The caller's portfolios among `ids`, in any order; others' and malformed ids are left out. */
  async findForUser(userId: string, ids: readonly string[]): Promise<PortfolioEntity[]> {
    return portfoliosAmong(this.dataSource.manager, userId, ids);
  }

  async purgeUser(manager: EntityManager, userId: string, traceId: string): Promise<void> {
    const rows: Array<{ id: string }> = await manager.query(`SELECT id FROM investments.portfolios WHERE user_id = $1`, [userId]);
    // Live subscriptions end when their lookup stops finding the portfolio, checked as an event arrives.
    if (rows.length > 0)
      await this.events.updated(
        manager,
        traceId,
        userId,
        rows.map((r) => r.id),
        "USER_DELETED",
      );
    await manager.query(`DELETE FROM investments.transactions WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM investments.portfolios WHERE user_id = $1`, [userId]);
  }

  private async linkable(
    manager: EntityManager,
    userId: string,
    ledgerAccountId: string | null | undefined,
    currency: string,
  ): Promise<string | null> {
    if (ledgerAccountId === null || ledgerAccountId === undefined) return null;
    const account = await this.accounts.requireLinkable(manager, userId, ledgerAccountId, "ledgerAccountId");
    if (account.currency !== currency)
      throw badInput(`the account is in ${account.currency}, the portfolio in ${currency}`, { field: "ledgerAccountId" });
    return account.id;
  }
}

function costBasisMethod(value: string): CostBasisMethodName {
  if (!(COST_BASIS_METHODS as readonly string[]).includes(value))
    throw badInput(`costBasisMethod must be one of ${COST_BASIS_METHODS.join(", ")}`, { field: "costBasisMethod" });
  return value as CostBasisMethodName;
}
