import type { DataSource, EntityManager } from "typeorm";

import { claimWithinUserCap } from "../../../platform/db/index.js";
import { badInput } from "../../../platform/errors/index.js";
import { normalizeCurrency } from "../../../platform/money/index.js";
import { type Clock, type IdGenerator, isUuid } from "../../../platform/time/index.js";
import { SecurityEntity, type SecurityKindName } from "./security.entity.js";
import { securityNotFound, sharedSecurityReadOnly, symbolTaken } from "./security.errors.js";
import { exchangeText, nameText, securityKind, symbolText } from "./security-fields.js";

/** User-defined securities per user. */
export const MAX_USER_SECURITIES = 5_000;
export const MAX_SEARCH_RESULTS = 200;

/** The owner a shared row is filed under in the unique symbol index. */
export const SHARED_OWNER = "00000000-0000-0000-0000-000000000000";

export interface NewSecurity {
  symbol: string;
  name: string;
  kind: string;
  currency: string;
  exchange?: string | null;
}

export interface SecurityChanges {
  id: string;
  name?: string | null;
  kind?: string | null;
  exchange?: string | null;
}

/** A shared security as a feed (or an operator) registers it. */
export interface SharedSecurity extends NewSecurity {
  providerSymbol?: string | null;
}

const COLUMNS = `id, user_id, symbol, name, kind, currency, exchange, provider_symbol, created_at`;

function toEntity(row: Record<string, unknown>): SecurityEntity {
  return Object.assign(new SecurityEntity(), {
    id: row.id as string,
    userId: (row.user_id as string | null) ?? null,
    symbol: row.symbol as string,
    name: row.name as string,
    kind: row.kind as SecurityKindName,
    currency: (row.currency as string).trim(),
    exchange: (row.exchange as string | null) ?? null,
    providerSymbol: (row.provider_symbol as string | null) ?? null,
    createdAt: new Date(row.created_at as string),
  });
}

/**
 * Securities as a user sees them: every shared one and their own. A symbol resolves to the user's
 * own definition first, then the shared one, so a user can model a listing the feed gets wrong.
 */
export class SecurityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  /** Symbols (any case) → the security each names for this user; unknown ones are left out. Keys are upper case. */
  async findBySymbols(manager: EntityManager, userId: string, symbols: readonly string[]): Promise<Map<string, SecurityEntity>> {
    const wanted = [...new Set(symbols.map((s) => s.trim().toUpperCase()))];
    if (wanted.length === 0) return new Map();
    // The unique index's own expressions, so the lookup walks it.
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT ${COLUMNS} FROM investments.securities
       WHERE coalesce(user_id, '${SHARED_OWNER}'::uuid) = ANY(ARRAY[$1::uuid, '${SHARED_OWNER}'::uuid]) AND upper(symbol) = ANY($2::text[])
       ORDER BY user_id NULLS LAST`,
      [userId, wanted],
    );
    const found = new Map<string, SecurityEntity>();
    for (const row of rows) {
      const key = (row.symbol as string).toUpperCase();
      if (!found.has(key)) found.set(key, toEntity(row));
    }
    return found;
  }

  async findBySymbol(manager: EntityManager, userId: string, symbol: string): Promise<SecurityEntity | null> {
    return (await this.findBySymbols(manager, userId, [symbol])).get(symbol.trim().toUpperCase()) ?? null;
  }

  /**
   * The security a trade's symbol names, creating a user-defined one (kind OTHER, named after the
   * symbol, in the trade price's currency) when the user has none and no feed knows it. Runs in
   * the caller's transaction; two trades racing on one new symbol create it once.
   */
  async ensureUserDefined(manager: EntityManager, userId: string, symbol: string, currency: string): Promise<SecurityEntity> {
    const clean = symbolText(symbol);
    const known = await this.findBySymbol(manager, userId, clean);
    if (known) return known;
    await claimWithinUserCap(manager, SecurityEntity, userId, MAX_USER_SECURITIES, "securities of your own");
    await manager.query(
      `INSERT INTO investments.securities (id, user_id, symbol, name, kind, currency, exchange, provider_symbol, created_at)
       VALUES ($1, $2, $3, $3, 'OTHER', $4, NULL, NULL, $5) ON CONFLICT DO NOTHING`,
      [this.ids.next(), userId, clean, normalizeCurrency(currency), this.clock.now()],
    );
    return (await this.findBySymbol(manager, userId, clean))!;
  }

  /** A user-defined security; its symbol must be new among the user's own (CONFLICT otherwise). */
  async create(userId: string, input: NewSecurity): Promise<SecurityEntity> {
    const entity = Object.assign(new SecurityEntity(), {
      id: this.ids.next(),
      userId,
      symbol: symbolText(input.symbol),
      name: nameText(input.name),
      kind: securityKind(input.kind),
      currency: normalizeCurrency(input.currency),
      exchange: exchangeText(input.exchange),
      providerSymbol: null,
      createdAt: this.clock.now(),
    });
    return this.dataSource.transaction(async (manager) => {
      await claimWithinUserCap(manager, SecurityEntity, userId, MAX_USER_SECURITIES, "securities of your own");
      if (!(await this.insert(manager, entity))) throw symbolTaken(entity.symbol);
      return entity;
    });
  }

  /** Name, kind and exchange of one of the user's own securities. Symbol and currency stay: prices and trades hang on them. */
  async update(userId: string, changes: SecurityChanges): Promise<SecurityEntity> {
    const patch: Partial<Pick<SecurityEntity, "name" | "kind" | "exchange">> = {};
    if (changes.name !== undefined && changes.name !== null) patch.name = nameText(changes.name);
    if (changes.kind !== undefined && changes.kind !== null) patch.kind = securityKind(changes.kind);
    if (changes.exchange !== undefined) patch.exchange = exchangeText(changes.exchange);
    return this.dataSource.transaction(async (manager) => {
      const [security] = await this.visible(manager, userId, [changes.id], "FOR UPDATE");
      if (!security) throw securityNotFound();
      if (security.userId === null) throw sharedSecurityReadOnly();
      if (Object.keys(patch).length > 0) await manager.update(SecurityEntity, { id: security.id }, patch);
      return Object.assign(security, patch);
    });
  }

  /**
   * Shared securities and the caller's own, best match first: the exact symbol, then symbols
   * starting with `search`, then names containing it; the caller's own before shared ones.
   */
  async search(userId: string, search: string | null | undefined, first: number): Promise<SecurityEntity[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_SEARCH_RESULTS)
      throw badInput(`first must be 1 to ${MAX_SEARCH_RESULTS}`, { field: "first" });
    const text = search?.trim() ? search.trim().slice(0, 100) : null;
    const like = text === null ? null : text.replace(/[\\%_]/g, (c) => `\\${c}`);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM investments.securities
       WHERE (user_id IS NULL OR user_id = $1)
         AND ($2::text IS NULL OR upper(symbol) LIKE upper($2) || '%' OR name ILIKE '%' || $2 || '%')
       ORDER BY upper(symbol) = upper(coalesce($3, '')) DESC, upper(symbol) LIKE upper(coalesce($2, '')) || '%' DESC,
         user_id NULLS LAST, upper(symbol), id
       LIMIT $4`,
      [userId, like, text, first],
    );
    return rows.map(toEntity);
  }

  /** The securities among `ids` the user may see (shared or their own); others and malformed ids are left out. */
  async findForUser(userId: string, ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<SecurityEntity[]> {
    return this.visible(manager, userId, ids);
  }

  /** Adds a shared security (a feed's or an operator's list); returns the existing one when its symbol is known. */
  async registerShared(manager: EntityManager, input: SharedSecurity): Promise<SecurityEntity> {
    const entity = Object.assign(new SecurityEntity(), {
      id: this.ids.next(),
      userId: null,
      symbol: symbolText(input.symbol),
      name: nameText(input.name),
      kind: securityKind(input.kind),
      currency: normalizeCurrency(input.currency),
      exchange: exchangeText(input.exchange),
      providerSymbol: input.providerSymbol?.trim() || null,
      createdAt: this.clock.now(),
    });
    if (await this.insert(manager, entity)) return entity;
    const [row] = await manager.query(`SELECT ${COLUMNS} FROM investments.securities WHERE user_id IS NULL AND upper(symbol) = $1`, [
      entity.symbol,
    ]);
    return toEntity(row);
  }

  /** The user's own securities go (their prices with them); callers purge what references them first. */
  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM investments.securities WHERE user_id = $1`, [userId]);
  }

  private async visible(manager: EntityManager, userId: string, ids: readonly string[], lock = ""): Promise<SecurityEntity[]> {
    const valid = [...new Set(ids.filter(isUuid).map((id) => id.toLowerCase()))];
    if (valid.length === 0) return [];
    const rows: Array<Record<string, unknown>> = await manager.query(
      `SELECT ${COLUMNS} FROM investments.securities WHERE id = ANY($2::uuid[]) AND (user_id IS NULL OR user_id = $1) ${lock}`,
      [userId, valid],
    );
    return rows.map(toEntity);
  }

  /** false when the owner already has the symbol. */
  private async insert(manager: EntityManager, s: SecurityEntity): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO investments.securities (id, user_id, symbol, name, kind, currency, exchange, provider_symbol, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING id`,
      [s.id, s.userId, s.symbol, s.name, s.kind, s.currency, s.exchange, s.providerSymbol, s.createdAt],
    );
    return inserted.length > 0;
  }
}
