import type { DataSource, EntityManager } from "typeorm";

import { badInput, conflict } from "../../../platform/errors/index.js";
import { assertIdempotencyKey, type IdempotencyKeys } from "../../../platform/idempotency/index.js";
import { type Money } from "../../../platform/money/index.js";
import { type Clock, type IdGenerator, isUuid } from "../../../platform/time/index.js";
import { type PositionState, replayPosition } from "../lots/index.js";
import type { PortfolioEntity } from "../portfolios/portfolio.entity.js";
import type { PortfolioService } from "../portfolios/portfolio.service.js";
import type { PortfolioEvents } from "../portfolios/portfolio-events.js";
import { formatQuantity } from "../quantities/index.js";
import type { UserSettingsService } from "../settings/user-settings.service.js";
import { type ActivityDraft, type ActivityFields, draftActivity } from "./activity-draft.js";
import { type ActivityRecord, activityRows } from "./activity-record.js";
import { transactionNotFound } from "./investment-transaction.errors.js";
import { resolveSecurity, type SecurityDirectory, type SecurityRef } from "./security-resolution.js";
import type { Replayed, TransactionEvents } from "./transaction-events.js";
import { type TransactionPage, transactionPage } from "./transaction-page.js";

/** Per portfolio: far beyond a lifetime of personal trading, and what a replay per request can carry. */
export const MAX_TRANSACTIONS_PER_PORTFOLIO = 50_000;

export interface RecordRequest extends ActivityFields {
  portfolioId: string;
  idempotencyKey?: string | null;
}

/** An activity with its security, as the API shows it. */
export interface WrittenActivity {
  record: ActivityRecord;
  security: SecurityRef | null;
}

export function recordFrom(
  id: string,
  portfolioId: string,
  sequence: number,
  draft: ActivityDraft,
  security: SecurityRef | null,
  currency: string,
): ActivityRecord {
  return {
    id,
    portfolioId,
    type: draft.type,
    securityId: security?.id ?? null,
    date: draft.date,
    sequence,
    currency,
    quantity: draft.quantity,
    priceMinor: draft.priceMinor,
    feeMinor: draft.feeMinor,
    amountMinor: draft.amountMinor,
    splitRatio: draft.splitRatio,
    note: draft.note,
  };
}

/** The fields a stored activity was made from, for an edit to start from. */
function fieldsOf(record: ActivityRecord, symbol: string | null): ActivityFields {
  const money = (minor: bigint | null): Money | null => (minor === null ? null : { amountMinor: minor, currency: record.currency });
  return {
    type: record.type,
    symbol,
    quantity: record.quantity === null ? null : formatQuantity(record.quantity),
    price: money(record.priceMinor),
    fee: record.feeMinor === 0n ? null : money(record.feeMinor),
    amount: money(record.amountMinor),
    splitRatio: record.splitRatio === null ? null : formatQuantity(record.splitRatio),
    date: record.date,
    note: record.note,
  };
}

/**
 * Recording, editing and deleting activity. Positions are derived, so a write never updates one:
 * it replays the securities it touches with the change applied and refuses it (nothing written)
 * when the replay does, e.g. INSUFFICIENT_QUANTITY for a sale, an edit or a deletion that would
 * leave some SELL selling more than is held at that point.
 */
export class InvestmentTransactionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly idempotency: IdempotencyKeys,
    private readonly portfolios: PortfolioService,
    private readonly securities: SecurityDirectory,
    private readonly settings: UserSettingsService,
    private readonly events: TransactionEvents,
    private readonly portfolioEvents: PortfolioEvents,
  ) {}

  async record(userId: string, request: RecordRequest, traceId: string): Promise<WrittenActivity> {
    const { portfolioId, idempotencyKey, ...fields } = request;
    assertIdempotencyKey(idempotencyKey);
    const draft = draftActivity(fields, await this.settings.today(userId));
    const id = this.ids.next();
    return this.dataSource.transaction(async (manager) => {
      const portfolio = await this.portfolios.lock(manager, userId, portfolioId, { writable: true });
      const firstId = await this.idempotency.claim(
        manager,
        userId,
        idempotencyKey,
        "recordInvestmentTransaction",
        { portfolioId, ...fields },
        id,
      );
      if (firstId !== null) return this.replayOf(manager, userId, firstId);
      await this.assertBelowCap(manager, portfolio.id, 1);
      const { security, currency } = await resolveSecurity(this.securities, manager, userId, draft);
      const sequence = Number(await this.portfolios.reserveSequence(manager, portfolio.id, 1));
      const record = recordFrom(id, portfolio.id, sequence, draft, security, currency);
      const states = await this.replay(manager, userId, portfolio, [record], new Set());
      await insertActivities(manager, userId, [record], this.clock.now());
      const announced = { record, symbol: security?.symbol ?? null };
      await this.events.recorded(manager, traceId, userId, [announced], states);
      await this.events.restated(manager, traceId, userId, portfolio.id, this.restatable(states, [record], currency), new Set([id]));
      await this.portfolioEvents.updated(manager, traceId, userId, [portfolio.id], "ACTIVITY");
      return { record, security };
    });
  }

  /** Fields left out stay as they are; null clears one (switching a BUY to a DIVIDEND, say, clears quantity and price). */
  async update(userId: string, id: string, changes: Partial<ActivityFields>, traceId: string): Promise<WrittenActivity> {
    const today = await this.settings.today(userId);
    return this.dataSource.transaction(async (manager) => {
      const { portfolio, before, security: oldSecurity } = await this.lockActivity(manager, userId, id);
      const draft = draftActivity({ ...fieldsOf(before, oldSecurity?.symbol ?? null), ...changes }, today);
      const { security, currency } = await resolveSecurity(this.securities, manager, userId, draft);
      const after = recordFrom(before.id, portfolio.id, before.sequence, draft, security, currency);
      const states = await this.replay(manager, userId, portfolio, [after], new Set([before.id]), before.securityId);
      await manager.query(
        `UPDATE investments.transactions SET type = $3, security_id = $4, date = $5, currency = $6, quantity = $7, price_minor = $8,
           fee_minor = $9, amount_minor = $10, split_ratio = $11, note = $12, updated_at = $13 WHERE id = $1 AND user_id = $2`,
        [id, userId, ...activityValues(after), this.clock.now()],
      );
      await this.portfolios.activityChanged(manager, portfolio.id);
      const from = before.date < after.date ? before.date : after.date;
      await this.events.updated(
        manager,
        traceId,
        userId,
        { record: before, symbol: oldSecurity?.symbol ?? null },
        { record: after, symbol: security?.symbol ?? null },
        states.get(after.securityId ?? ""),
      );
      await this.events.restated(
        manager,
        traceId,
        userId,
        portfolio.id,
        this.restatable(states, [before, after], null, from),
        new Set([id]),
      );
      await this.portfolioEvents.updated(manager, traceId, userId, [portfolio.id], "ACTIVITY");
      return { record: after, security };
    });
  }

  async delete(userId: string, id: string, traceId: string): Promise<PortfolioEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { portfolio, before, security } = await this.lockActivity(manager, userId, id);
      const states = await this.replay(manager, userId, portfolio, [], new Set([before.id]), before.securityId);
      await manager.query(`DELETE FROM investments.transactions WHERE id = $1 AND user_id = $2`, [id, userId]);
      await this.portfolios.activityChanged(manager, portfolio.id);
      await this.events.deleted(manager, traceId, userId, { record: before, symbol: security?.symbol ?? null });
      await this.events.restated(manager, traceId, userId, portfolio.id, this.restatable(states, [before], null), new Set([id]));
      await this.portfolioEvents.updated(manager, traceId, userId, [portfolio.id], "ACTIVITY");
      return portfolio;
    });
  }

  /** A page of the caller's portfolio's activity, newest first. */
  async page(
    userId: string,
    portfolioId: string,
    first: number,
    after: string | null,
    securityId: string | null,
  ): Promise<TransactionPage> {
    return transactionPage(this.dataSource.manager, userId, portfolioId, first, after, securityId);
  }

  /**
   * Replays, per security touched, the portfolio's stored activity minus `without` plus `added`;
   * throws what the replay throws (INSUFFICIENT_QUANTITY, out-of-range figures). `alsoSecurity`: a
   * security an edit or deletion takes activity away from.
   */
  async replay(
    manager: EntityManager,
    userId: string,
    portfolio: PortfolioEntity,
    added: readonly ActivityRecord[],
    without: ReadonlySet<string>,
    alsoSecurity: string | null = null,
  ): Promise<Map<string, PositionState>> {
    const securityIds = [...new Set([...added.map((a) => a.securityId), alsoSecurity].filter((s): s is string => s !== null))];
    const stored = await activityRows.ofSecurities(manager, userId, portfolio.id, securityIds);
    const bySecurity = new Map<string, ActivityRecord[]>(securityIds.map((s) => [s, []]));
    for (const activity of [...stored.filter((a) => !without.has(a.id)), ...added])
      if (activity.securityId !== null) bySecurity.get(activity.securityId)!.push(activity);
    const states = new Map<string, PositionState>();
    for (const [securityId, activities] of bySecurity) states.set(securityId, replayPosition(activities, portfolio.costBasisMethod));
    return states;
  }

  /** The securities whose later sales a write to `records` may have restated, from the earliest date it touched. */
  restatable(states: Map<string, PositionState>, records: readonly ActivityRecord[], currency: string | null, from?: string): Replayed[] {
    return [...states].map(([securityId, state]) => {
      const touching = records.filter((r) => r.securityId === securityId);
      const earliest = from ?? touching.map((r) => r.date).sort()[0] ?? "1900-01-01";
      return { securityId, state, from: earliest, currency: currency ?? touching[0]?.currency ?? "" };
    });
  }

  async assertBelowCap(manager: EntityManager, portfolioId: string, adding: number): Promise<void> {
    const [row] = await manager.query(`SELECT count(*)::int AS n FROM investments.transactions WHERE portfolio_id = $1`, [portfolioId]);
    if ((row.n as number) + adding > MAX_TRANSACTIONS_PER_PORTFOLIO)
      throw badInput(`a portfolio holds at most ${MAX_TRANSACTIONS_PER_PORTFOLIO} transactions`, { field: "portfolioId" });
  }

  /** One of the caller's activities, its portfolio locked (writable), and its security. */
  private async lockActivity(manager: EntityManager, userId: string, id: string) {
    if (!isUuid(id)) throw transactionNotFound();
    const [found] = await activityRows.byIds(manager, userId, [id]);
    if (!found) throw transactionNotFound();
    const portfolio = await this.portfolios.lock(manager, userId, found.portfolioId, { writable: true, field: "id" });
    // Read again under the portfolio's lock: a concurrent write may have changed or deleted it.
    const [before] = await activityRows.byIds(manager, userId, [id]);
    if (!before) throw transactionNotFound();
    const [security] = before.securityId ? await this.securities.findForUser(userId, [before.securityId], manager) : [];
    return { portfolio, before, security: security ?? null };
  }

  private async replayOf(manager: EntityManager, userId: string, id: string): Promise<WrittenActivity> {
    const [record] = await activityRows.byIds(manager, userId, [id]);
    if (!record) throw conflict("what this idempotencyKey recorded has since been deleted; use a new key", { field: "idempotencyKey" });
    const [security] = record.securityId ? await this.securities.findForUser(userId, [record.securityId], manager) : [];
    return { record, security: security ?? null };
  }
}

/** Column values in the order inserts and updates list them (type … note). */
function activityValues(r: ActivityRecord): unknown[] {
  const text = (value: { toString(): string } | null) => (value === null ? null : value.toString());
  return [
    r.type,
    r.securityId,
    r.date,
    r.currency,
    r.quantity === null ? null : formatQuantity(r.quantity),
    text(r.priceMinor),
    r.feeMinor.toString(),
    text(r.amountMinor),
    r.splitRatio === null ? null : formatQuantity(r.splitRatio),
    r.note,
  ];
}

/** Any number of activities in one statement (an import writes thousands). */
export async function insertActivities(
  manager: EntityManager,
  userId: string,
  records: readonly ActivityRecord[],
  now: Date,
): Promise<void> {
  if (records.length === 0) return;
  const columns: unknown[][] = Array.from({ length: 13 }, () => []);
  for (const r of records) [r.id, r.portfolioId, r.sequence, ...activityValues(r)].forEach((v, i) => columns[i]!.push(v));
  await manager.query(
    `INSERT INTO investments.transactions (id, user_id, portfolio_id, sequence, type, security_id, date, currency, quantity, price_minor,
       fee_minor, amount_minor, split_ratio, note, created_at, updated_at)
     SELECT id, $1, portfolio_id, sequence, type, security_id, date, currency, quantity, price_minor, fee_minor, amount_minor, split_ratio, note, $15, $15
     FROM unnest($2::uuid[], $3::uuid[], $4::bigint[], $5::text[], $6::uuid[], $7::date[], $8::text[], $9::numeric[], $10::bigint[],
       $11::bigint[], $12::bigint[], $13::numeric[], $14::text[])
       AS t(id, portfolio_id, sequence, type, security_id, date, currency, quantity, price_minor, fee_minor, amount_minor, split_ratio, note)`,
    [userId, ...columns, now],
  );
}
