import type { DataSource, EntityManager } from "typeorm";

/** An endpoint as stored; the secrets still sealed. */
export interface StoredEndpoint {
  id: string;
  userId: string;
  url: string;
  description: string;
  events: string[];
  scopes: string[];
  apiKeyId: string | null;
  secretSealed: string;
  previousSecretSealed: string | null;
  previousSecretExpiresAt: Date | null;
  enabled: boolean;
  disabledAt: Date | null;
  disabledReason: string | null;
  consecutiveFailures: number;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `id, user_id, url, description, events, scopes, api_key_id, secret_sealed, previous_secret_sealed,
  previous_secret_expires_at, enabled, disabled_at, disabled_reason, consecutive_failures, created_at, updated_at`;

type Row = Record<string, unknown>;

export function endpointFromRow(r: Row): StoredEndpoint {
  return {
    id: r.id as string,
    userId: r.user_id as string,
    url: r.url as string,
    description: r.description as string,
    events: r.events as string[],
    scopes: r.scopes as string[],
    apiKeyId: (r.api_key_id as string | null) ?? null,
    secretSealed: r.secret_sealed as string,
    previousSecretSealed: (r.previous_secret_sealed as string | null) ?? null,
    previousSecretExpiresAt: r.previous_secret_expires_at ? new Date(r.previous_secret_expires_at as string) : null,
    enabled: r.enabled as boolean,
    disabledAt: r.disabled_at ? new Date(r.disabled_at as string) : null,
    disabledReason: (r.disabled_reason as string | null) ?? null,
    consecutiveFailures: Number(r.consecutive_failures),
    createdAt: new Date(r.created_at as string),
    updatedAt: new Date(r.updated_at as string),
  };
}

/** Webhook endpoints, every statement filtered by the owner. */
export class WebhookEndpointStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Serialises one user's creations (released at commit) and counts what they have. */
  async lockAndCount(manager: EntityManager, userId: string): Promise<number> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('insights.webhook_endpoints:' || $1))`, [userId]);
    const [row] = await manager.query(`SELECT count(*)::int AS n FROM insights.webhook_endpoints WHERE user_id = $1`, [userId]);
    return row.n as number;
  }

  async insert(manager: EntityManager, e: StoredEndpoint): Promise<void> {
    await manager.query(
      `INSERT INTO insights.webhook_endpoints (${COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [
        e.id,
        e.userId,
        e.url,
        e.description,
        e.events,
        e.scopes,
        e.apiKeyId,
        e.secretSealed,
        e.previousSecretSealed,
        e.previousSecretExpiresAt,
        e.enabled,
        e.disabledAt,
        e.disabledReason,
        e.consecutiveFailures,
        e.createdAt,
        e.updatedAt,
      ],
    );
  }

  async list(userId: string): Promise<StoredEndpoint[]> {
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM insights.webhook_endpoints WHERE user_id = $1 ORDER BY created_at, id`,
      [userId],
    );
    return rows.map(endpointFromRow);
  }

  async find(userId: string, id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<StoredEndpoint | null> {
    const [row]: Row[] = await manager.query(
      `SELECT ${COLUMNS} FROM insights.webhook_endpoints WHERE id = $1 AND user_id = $2${lock ? " FOR UPDATE" : ""}`,
      [id, userId],
    );
    return row ? endpointFromRow(row) : null;
  }

  /** Writes every mutable field of `e` back (the caller holds its row lock). */
  async save(manager: EntityManager, e: StoredEndpoint): Promise<void> {
    await manager.query(
      `UPDATE insights.webhook_endpoints SET secret_sealed = $3, previous_secret_sealed = $4, previous_secret_expires_at = $5,
         enabled = $6, disabled_at = $7, disabled_reason = $8, consecutive_failures = $9, updated_at = $10
       WHERE id = $1 AND user_id = $2`,
      [
        e.id,
        e.userId,
        e.secretSealed,
        e.previousSecretSealed,
        e.previousSecretExpiresAt,
        e.enabled,
        e.disabledAt,
        e.disabledReason,
        e.consecutiveFailures,
        e.updatedAt,
      ],
    );
  }

  async delete(manager: EntityManager, userId: string, id: string): Promise<boolean> {
    // Deliveries first, then the endpoint: the order a sender recording an attempt takes its locks
    // in (its delivery, then the endpoint's failure count). Deleting the endpoint first, with the
    // cascade locking deliveries after it, deadlocked with such a sender (seen in CI as an
    // INTERNAL_SERVER_ERROR from deleteWebhookEndpoint right after a failed delivery).
    await manager.query(`DELETE FROM insights.webhook_deliveries WHERE endpoint_id = $1 AND user_id = $2`, [id, userId]);
    const gone: Row[] = await manager.query(
      `WITH gone AS (DELETE FROM insights.webhook_endpoints WHERE id = $1 AND user_id = $2 RETURNING id) SELECT id FROM gone`,
      [id, userId],
    );
    return gone.length > 0;
  }

  /** The owner's enabled endpoints subscribed to `kind` that existed when the event happened. */
  async subscribed(manager: EntityManager, userId: string, kind: string, occurredAt: string): Promise<StoredEndpoint[]> {
    const rows: Row[] = await manager.query(
      `SELECT ${COLUMNS} FROM insights.webhook_endpoints
       WHERE user_id = $1 AND enabled AND $2 = ANY (events) AND created_at <= $3`,
      [userId, kind, occurredAt],
    );
    return rows.map(endpointFromRow);
  }

  /**
   * {@link subscribed} for many events in one statement (a consumer's batch): for each event's
   * index in `events`, the endpoints `subscribed` would return for it. An import's thousands of
   * events cost one round trip, not one each (most users have no endpoint at all).
   */
  async subscribedMany(
    manager: EntityManager,
    events: ReadonlyArray<{ userId: string; kind: string; occurredAt: string }>,
  ): Promise<Map<number, StoredEndpoint[]>> {
    const rows: Array<Row & { i: number }> = await manager.query(
      `SELECT e.i::int AS i, w.* FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) WITH ORDINALITY AS e(user_id, kind, occurred_at, i)
       JOIN LATERAL (
         SELECT ${COLUMNS} FROM insights.webhook_endpoints
         WHERE user_id = e.user_id AND enabled AND e.kind = ANY (events) AND created_at <= e.occurred_at
       ) w ON true`,
      [events.map((e) => e.userId), events.map((e) => e.kind), events.map((e) => e.occurredAt)],
    );
    const found = new Map<number, StoredEndpoint[]>();
    for (const row of rows) {
      const index = row.i - 1;
      found.set(index, [...(found.get(index) ?? []), endpointFromRow(row)]);
    }
    return found;
  }

  /** Account deletion: endpoints, and with them (cascade) their deliveries and attempts. */
  async purgeUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM insights.webhook_attempts WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM insights.webhook_deliveries WHERE user_id = $1`, [userId]);
    await manager.query(`DELETE FROM insights.webhook_endpoints WHERE user_id = $1`, [userId]);
  }
}
