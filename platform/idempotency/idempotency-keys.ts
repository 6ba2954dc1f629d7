import { createHash } from "node:crypto";

import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";

import { badInput, conflict } from "../errors/index.js";

/** How long a key is remembered; the promise to clients is at least 24 hours. */
export const IDEMPOTENCY_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * sha256 of `operation` and a canonical JSON of `input` (sorted keys, bigints as strings, undefined
 * fields left out): equal inputs hash equal whatever their key order.
 */
export function requestHash(operation: string, input: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (typeof value === "bigint") return value.toString();
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, v]) => [k, canonical(v)]),
      );
    }
    return value;
  };
  return createHash("sha256")
    .update(operation)
    .update("\0")
    .update(JSON.stringify(canonical(input)))
    .digest("hex");
}

/**
 * BAD_USER_INPUT unless `key` is absent or 1 to 200 characters. `claim` checks it too; call it first
 * when a malformed key should be refused before anything else is looked up.
 */
export function assertIdempotencyKey(key: string | null | undefined): void {
  if (key === null || key === undefined) return;
  if (key.length < 1 || key.length > 200) throw badInput("idempotencyKey must be 1 to 200 characters", { field: "idempotencyKey" });
}

/**
 * Per-user idempotency keys for creating mutations, kept in `<schema>.idempotency_keys` (made by
 * `PlatformIdempotencyKeys…` in every subgraph schema). The key is claimed inside the write's own
 * transaction, so it exists exactly when the resource does; a concurrent duplicate waits on the
 * primary key until the first commits and then sees its row.
 *
 * Same key, operation and input: the first request's resource id. Same key, anything else:
 * CONFLICT. Keys are kept for {@link IDEMPOTENCY_RETENTION_MS}, then forgotten by `purgeExpired`,
 * which the subgraph runs on a timer.
 */
export class IdempotencyKeys {
  /**
   * @param schema the subgraph's PostgreSQL schema, whose `idempotency_keys` table is used.
   * @param now the injected clock, for `created_at` and retention.
   */
  constructor(
    private readonly schema: string,
    private readonly now: () => Date,
  ) {}

  /**
   * Claims `key` for `resourceId` in the caller's transaction. Returns null when the claim is new
   * (go on and create), or the id the first request created when this is a replay of the same
   * operation and input. CONFLICT when the key was used for something else; BAD_USER_INPUT when
   * it is not 1 to 200 characters. No key (null/undefined): null, nothing stored.
   */
  async claim(
    manager: EntityManager,
    userId: string,
    key: string | null | undefined,
    operation: string,
    input: unknown,
    resourceId: string,
  ): Promise<string | null> {
    if (key === null || key === undefined) return null;
    assertIdempotencyKey(key);
    const hash = requestHash(operation, input);
    const inserted: unknown[] = await manager.query(
      `INSERT INTO "${this.schema}".idempotency_keys (user_id, key, operation, request_hash, resource_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
      [userId, key, operation, hash, resourceId, this.now()],
    );
    if (inserted.length > 0) return null;
    const [first] = await manager.query(
      `SELECT operation, request_hash, resource_id FROM "${this.schema}".idempotency_keys WHERE user_id = $1 AND key = $2`,
      [userId, key],
    );
    if (!first || first.operation !== operation || first.request_hash !== hash) {
      throw conflict("this idempotencyKey was already used with a different request", { field: "idempotencyKey" });
    }
    return first.resource_id as string;
  }

  /**
   * The resource a replayed key created (an entity with `id` and `userId`), as it is now; CONFLICT
   * when it has since been deleted (the key cannot create it a second time).
   */
  async replayed<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, userId: string, id: string): Promise<T> {
    const found = await manager.findOneBy(entity, { id, userId } as never);
    if (!found) throw conflict("what this idempotencyKey created has since been deleted; use a new key", { field: "idempotencyKey" });
    return found;
  }

  /** Forgets keys past retention; returns how many. */
  async purgeExpired(dataSource: DataSource): Promise<number> {
    // A SELECT around the DELETE: TypeORM answers a bare DELETE with [rows, count], not the rows.
    const [row]: Array<{ n: number }> = await dataSource.query(
      `WITH gone AS (DELETE FROM "${this.schema}".idempotency_keys WHERE created_at < $1 RETURNING 1) SELECT count(*)::int AS n FROM gone`,
      [new Date(this.now().getTime() - IDEMPOTENCY_RETENTION_MS)],
    );
    return row?.n ?? 0;
  }

  /** Account deletion: every key of the user, in the purge's transaction. */
  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM "${this.schema}".idempotency_keys WHERE user_id = $1`, [userId]);
  }
}
