import { createHash } from "node:crypto";
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { badInput, conflict } from "../../../platform/errors/index.js";

/** How long a key is remembered; the promise to clients is at least 24 hours. */
export const IDEMPOTENCY_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** sha256 of a canonical JSON (sorted keys, bigints as strings): equal inputs hash equal whatever their key order. */
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
  return createHash("sha256").update(operation).update("\0").update(JSON.stringify(canonical(input))).digest("hex");
}

/**
 * Per-user idempotency keys for creating mutations. The key is claimed inside the write's own
 * transaction, so it exists exactly when the resource does; a concurrent duplicate waits on the
 * primary key until the first commits and then sees its row.
 */
export class IdempotencyKeys {
  constructor(private readonly now: () => Date) {}

  /**
   * Claims `key` for `resourceId`. Returns null when the claim is new (go on and create), or the
   * id the first request created when this is a replay of the same operation and input.
   * CONFLICT when the key was used for something else.
   */
  async claim(manager: EntityManager, userId: string, key: string | null | undefined, operation: string, input: unknown, resourceId: string): Promise<string | null> {
    if (key === null || key === undefined) return null;
    if (key.length < 1 || key.length > 200) throw badInput("idempotencyKey must be 1 to 200 characters", { field: "idempotencyKey" });
    const hash = requestHash(operation, input);
    const inserted: unknown[] = await manager.query(
      `INSERT INTO ledger.idempotency_keys (user_id, key, operation, request_hash, resource_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (user_id, key) DO NOTHING RETURNING key`,
      [userId, key, operation, hash, resourceId, this.now()],
    );
    if (inserted.length > 0) return null;
    const [first] = await manager.query(`SELECT operation, request_hash, resource_id FROM ledger.idempotency_keys WHERE user_id = $1 AND key = $2`, [userId, key]);
    if (!first || first.operation !== operation || first.request_hash !== hash) {
      throw conflict("this idempotencyKey was already used with a different request", { field: "idempotencyKey" });
    }
    return first.resource_id as string;
  }

  /**
   * The resource a replayed key created, as it is now; CONFLICT when it has since been deleted
   * (the key cannot create it a second time).
   */
  async replayed<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, userId: string, id: string): Promise<T> {
    const found = await manager.findOneBy(entity, { id, userId } as never);
    if (!found) throw conflict("what this idempotencyKey created has since been deleted; use a new key", { field: "idempotencyKey" });
    return found;
  }

  /** Forgets keys past retention (run by the ledger's scheduled job). */
  async purgeExpired(dataSource: DataSource): Promise<number> {
    const rows: unknown[] = await dataSource.query(`DELETE FROM ledger.idempotency_keys WHERE created_at < $1 RETURNING key`, [new Date(this.now().getTime() - IDEMPOTENCY_RETENTION_MS)]);
    return rows.length;
  }
}
