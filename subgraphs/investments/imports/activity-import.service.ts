import type { DataSource, EntityManager } from "typeorm";

import { type ClientError, isClientError } from "../../../platform/errors/index.js";
import { assertIdempotencyKey, type IdempotencyKeys } from "../../../platform/idempotency/index.js";
import type { Clock, IdGenerator } from "../../../platform/time/index.js";
import { INSUFFICIENT_QUANTITY, type PositionState, replayPosition } from "../lots/index.js";
import type { PortfolioEntity } from "../portfolios/portfolio.entity.js";
import type { PortfolioService } from "../portfolios/portfolio.service.js";
import type { PortfolioEvents } from "../portfolios/portfolio-events.js";
import type { UserSettingsService } from "../settings/user-settings.service.js";
import { type ActivityDraft, draftActivity } from "../transactions/activity-draft.js";
import { type ActivityRecord, activityRows } from "../transactions/activity-record.js";
import { insertActivities, type InvestmentTransactionService, recordFrom } from "../transactions/investment-transaction.service.js";
import { type SecurityDirectory, type SecurityRef, settleSecurity } from "../transactions/security-resolution.js";
import type { TransactionEvents } from "../transactions/transaction-events.js";
import { readActivityCsv } from "./activity-csv.js";

/** Rows per import: one request replays and writes them in one transaction. */
export const MAX_IMPORT_ROWS = 5_000;

export interface ImportRowError {
  /** The line in the file (the header is line 1). */
  row: number;
  field: string | null;
  code: string;
  message: string;
}

export interface ImportOutcome {
  id: string;
  portfolioId: string;
  imported: number;
  failed: number;
  errors: ImportRowError[];
}

interface Candidate {
  row: number;
  draft: ActivityDraft;
  record?: ActivityRecord;
  security?: SecurityRef | null;
}

const rowError = (row: number, error: ClientError): ImportRowError => ({
  row,
  field: typeof error.extensions.field === "string" ? error.extensions.field : null,
  code: String(error.extensions.code),
  message: error.message,
});

/**
 * CSV imports of activity, synchronous (at most MAX_IMPORT_ROWS lines). Every line is checked as
 * recordInvestmentTransaction would check it; the good ones are written together and each bad one
 * is reported with its line, field and code. Lines replay in file order within a day. A SELL the
 * replay refuses is reported INSUFFICIENT_QUANTITY and left out, and so, when the imported lines
 * would make an existing SELL oversell, is the latest imported sale or split before it.
 */
export class ActivityImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly idempotency: IdempotencyKeys,
    private readonly portfolios: PortfolioService,
    private readonly transactions: InvestmentTransactionService,
    private readonly securities: SecurityDirectory,
    private readonly settings: UserSettingsService,
    private readonly events: TransactionEvents,
    private readonly portfolioEvents: PortfolioEvents,
  ) {}

  async import(userId: string, portfolioId: string, csv: string, idempotencyKey: string | null, traceId: string): Promise<ImportOutcome> {
    assertIdempotencyKey(idempotencyKey);
    const today = await this.settings.today(userId);
    const id = this.ids.next();
    return this.dataSource.transaction(async (manager) => {
      const portfolio = await this.portfolios.lock(manager, userId, portfolioId, { writable: true });
      const firstId = await this.idempotency.claim(
        manager,
        userId,
        idempotencyKey,
        "importInvestmentTransactions",
        { portfolioId, csv },
        id,
      );
      if (firstId !== null) return this.stored(manager, userId, firstId);
      const errors: ImportRowError[] = [];
      const candidates: Candidate[] = [];
      for (const line of readActivityCsv(csv, MAX_IMPORT_ROWS, portfolio.currency)) {
        try {
          candidates.push({ row: line.row, draft: draftActivity(line.fields(), today) });
        } catch (error) {
          if (!isClientError(error)) throw error;
          errors.push(rowError(line.row, error));
        }
      }
      await this.transactions.assertBelowCap(manager, portfolio.id, candidates.length);
      const accepted = await this.settle(manager, userId, portfolio, candidates, errors);
      const states = await this.replayDropping(manager, userId, portfolio, accepted, errors);
      const records = accepted.filter((c) => c.record).map((c) => c.record!);
      await insertActivities(manager, userId, records, this.clock.now());
      await this.events.recorded(
        manager,
        traceId,
        userId,
        accepted.filter((c) => c.record).map((c) => ({ record: c.record!, symbol: c.security?.symbol ?? null })),
        states,
      );
      await this.events.restated(
        manager,
        traceId,
        userId,
        portfolio.id,
        this.transactions.restatable(states, records, null),
        new Set(records.map((r) => r.id)),
      );
      if (records.length > 0) await this.portfolioEvents.updated(manager, traceId, userId, [portfolio.id], "ACTIVITY");
      errors.sort((a, b) => a.row - b.row);
      const outcome: ImportOutcome = { id, portfolioId: portfolio.id, imported: records.length, failed: errors.length, errors };
      await manager.query(
        `INSERT INTO investments.imports (id, user_id, portfolio_id, imported, failed, errors, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, userId, portfolio.id, outcome.imported, outcome.failed, JSON.stringify(errors), this.clock.now()],
      );
      return outcome;
    });
  }

  /** Resolves every line's security (creating the user's own for unknown symbols a BUY or SELL names) and builds its record. */
  private async settle(
    manager: EntityManager,
    userId: string,
    portfolio: PortfolioEntity,
    candidates: Candidate[],
    errors: ImportRowError[],
  ): Promise<Candidate[]> {
    const symbols = [...new Set(candidates.map((c) => c.draft.symbol).filter((s): s is string => s !== null))];
    const known = await this.securities.findBySymbols(manager, userId, symbols);
    const accepted: Candidate[] = [];
    for (const candidate of candidates) {
      const { draft } = candidate;
      try {
        if (draft.symbol !== null && !known.has(draft.symbol) && (draft.type === "BUY" || draft.type === "SELL"))
          known.set(draft.symbol, await this.securities.ensureUserDefined(manager, userId, draft.symbol, draft.currency!));
        const { security, currency } = settleSecurity(draft, draft.symbol === null ? null : (known.get(draft.symbol) ?? null));
        candidate.security = security;
        candidate.record = recordFrom(this.ids.next(), portfolio.id, 0, draft, security, currency);
        accepted.push(candidate);
      } catch (error) {
        if (!isClientError(error)) throw error;
        errors.push(rowError(candidate.row, error));
      }
    }
    if (accepted.length > 0) {
      const first = Number(await this.portfolios.reserveSequence(manager, portfolio.id, accepted.length));
      accepted.forEach((c, i) => (c.record!.sequence = first + i));
    }
    return accepted;
  }

  /**
   * Replays each security with the stored activity and the accepted lines, leaving out (and
   * reporting) a line the replay refuses until it passes. Returns each security's final state.
   */
  private async replayDropping(
    manager: EntityManager,
    userId: string,
    portfolio: PortfolioEntity,
    accepted: Candidate[],
    errors: ImportRowError[],
  ): Promise<Map<string, PositionState>> {
    const bySecurity = new Map<string, Candidate[]>();
    for (const c of accepted) {
      if (!c.record!.securityId) continue;
      bySecurity.set(c.record!.securityId, [...(bySecurity.get(c.record!.securityId) ?? []), c]);
    }
    const stored = await activityRows.ofSecurities(manager, userId, portfolio.id, [...bySecurity.keys()]);
    const states = new Map<string, PositionState>();
    for (const [securityId, lines] of bySecurity) {
      const existing = stored.filter((a) => a.securityId === securityId);
      for (;;) {
        const live = lines.filter((c) => c.record);
        try {
          states.set(securityId, replayPosition([...existing, ...live.map((c) => c.record!)], portfolio.costBasisMethod));
          break;
        } catch (error) {
          if (!isClientError(error)) throw error;
          const culprit = this.culprit(error, live, existing);
          errors.push(rowError(culprit.row, error));
          culprit.record = undefined;
        }
      }
    }
    return states;
  }

  /** The imported line to leave out for a replay error: the one it names, or the latest sale or split before the stored SELL it names. */
  private culprit(error: ClientError, live: Candidate[], existing: ActivityRecord[]): Candidate {
    const named = live.find((c) => c.record!.id === error.extensions.activityId);
    if (named) return named;
    const sale = existing.find((a) => a.id === error.extensions.activityId);
    const before = live.filter((c) => (c.record!.type === "SELL" || c.record!.type === "SPLIT") && (!sale || c.record!.date <= sale.date));
    if (error.extensions.code === INSUFFICIENT_QUANTITY && before.length > 0)
      return before.sort((a, b) => (a.record!.date < b.record!.date ? -1 : a.record!.date > b.record!.date ? 1 : a.row - b.row)).at(-1)!;
    return live.at(-1)!;
  }

  private async stored(manager: EntityManager, userId: string, id: string): Promise<ImportOutcome> {
    const [row] = await manager.query(
      `SELECT id, portfolio_id, imported, failed, errors FROM investments.imports WHERE id = $1 AND user_id = $2`,
      [id, userId],
    );
    return {
      id: row.id,
      portfolioId: row.portfolio_id,
      imported: row.imported,
      failed: row.failed,
      errors: row.errors as ImportRowError[],
    };
  }

  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM investments.imports WHERE user_id = $1`, [userId]);
  }
}
