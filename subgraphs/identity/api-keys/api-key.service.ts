import { type DataSource, type EntityManager, IsNull } from "typeorm";

import type { ClientInfo } from "../../../platform/auth/index.js";
import { unauthenticated } from "../../../platform/errors/index.js";
import type { Outbox } from "../../../platform/events/index.js";
import type { Clock, IdGenerator } from "../../../platform/time/index.js";
import {
  API_KEY_CREATED,
  API_KEY_REVOKED,
  type ApiKeyCreatedV1,
  type ApiKeyRevokedV1,
  IDENTITY_API_KEY_TOPIC,
} from "../../../schema/events/identity.js";
import { AuditEventType, type AuditService } from "../audit/audit.service.js";
import { ApiKeyEntity } from "./api-key.entity.js";
import { apiKeyNotFound, tooManyApiKeys } from "./api-key.errors.js";
import { MAX_ACTIVE_KEYS_PER_USER, normalizeKeyName, normalizeScopes } from "./api-key.validation.js";
import { hashApiKeySecret, isApiKeySecretShape, newApiKeySecret } from "./api-key-secret.js";

export interface NewApiKey {
  name: string;
  scopes: string[];
  safelistOnly: boolean;
}

export interface CreatedKey {
  key: ApiKeyEntity;
  /** Returned once, to the creator; only its hash is stored. */
  secret: string;
}

/** Gateways cache grants for up to a minute anyway, so a finer last-use time would only cost writes. */
export const LAST_USED_RESOLUTION_MS = 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUniqueViolation = (error: unknown) => (error as { driverError?: { code?: string } }).driverError?.code === "23505";

/** Integrators' API keys: issued and revoked by their owner, resolved by the gateway. */
export class ApiKeyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async create(userId: string, input: NewApiKey, client: ClientInfo, traceId: string): Promise<CreatedKey> {
    const name = normalizeKeyName(input.name);
    const scopes = normalizeScopes(input.scopes);
    // A fresh random prefix can (very rarely) collide with an existing one; draw again.
    for (let attempt = 1; ; attempt++) {
      const generated = newApiKeySecret();
      try {
        const key = await this.dataSource.transaction((manager) =>
          this.insert(manager, userId, { name, scopes, safelistOnly: input.safelistOnly }, generated, client, traceId),
        );
        return { key, secret: generated.secret };
      } catch (error) {
        if (attempt < 3 && isUniqueViolation(error)) continue;
        throw error;
      }
    }
  }

  private async insert(
    manager: EntityManager,
    userId: string,
    input: NewApiKey,
    generated: { prefix: string; hash: string },
    client: ClientInfo,
    traceId: string,
  ): Promise<ApiKeyEntity> {
    // Locking the owner serialises one user's creations, so concurrent calls cannot all slip under
    // the limit. NO KEY UPDATE still lets other rows referencing the user (sessions, audit) be written.
    const owner = (await manager.query(`SELECT id FROM identity.users WHERE id = $1 FOR NO KEY UPDATE`, [userId])) as unknown[];
    if (owner.length === 0) throw unauthenticated();
    const active = await manager.countBy(ApiKeyEntity, { userId, revokedAt: IsNull() });
    if (active >= MAX_ACTIVE_KEYS_PER_USER) throw tooManyApiKeys();

    const key: ApiKeyEntity = {
      id: this.ids.next(),
      userId,
      name: input.name,
      prefix: generated.prefix,
      secretHash: generated.hash,
      scopes: input.scopes,
      safelistOnly: input.safelistOnly,
      createdAt: this.clock.now(),
      lastUsedAt: null,
      revokedAt: null,
    };
    await manager.insert(ApiKeyEntity, key);
    delete key.secretHash;
    await this.audit.record(
      userId,
      AuditEventType.API_KEY_CREATED,
      client,
      { keyId: key.id, prefix: key.prefix, name: key.name, scopes: key.scopes },
      manager,
    );
    const data: ApiKeyCreatedV1 = {
      keyId: key.id,
      userId,
      prefix: key.prefix,
      scopes: key.scopes,
      safelistOnly: key.safelistOnly,
      createdAt: key.createdAt.toISOString(),
    };
    await this.outbox.add(manager, traceId, [{ topic: IDENTITY_API_KEY_TOPIC, type: API_KEY_CREATED, key: userId, data }]);
    return key;
  }

  /** Revoked keys included, newest first: the list doubles as a record of what was issued. */
  list(userId: string): Promise<ApiKeyEntity[]> {
    return this.dataSource.getRepository(ApiKeyEntity).find({ where: { userId }, order: { createdAt: "DESC", id: "DESC" } });
  }

  /** Revoking twice is a no-op that announces nothing new; another user's key is NOT_FOUND. */
  async revoke(userId: string, keyId: string, client: ClientInfo, traceId: string): Promise<ApiKeyEntity> {
    // A malformed id would be a PostgreSQL cast error; it is just a key that does not exist.
    if (!UUID.test(keyId)) throw apiKeyNotFound();
    return this.dataSource.transaction(async (manager) => {
      const key = await manager.findOne(ApiKeyEntity, { where: { id: keyId, userId }, lock: { mode: "pessimistic_write" } });
      if (!key) throw apiKeyNotFound();
      if (key.revokedAt) return key;
      key.revokedAt = this.clock.now();
      await manager.update(ApiKeyEntity, { id: key.id }, { revokedAt: key.revokedAt });
      await this.audit.record(
        userId,
        AuditEventType.API_KEY_REVOKED,
        client,
        { keyId: key.id, prefix: key.prefix, name: key.name },
        manager,
      );
      const data: ApiKeyRevokedV1 = { keyId: key.id, userId, prefix: key.prefix, revokedAt: key.revokedAt.toISOString() };
      await this.outbox.add(manager, traceId, [{ topic: IDENTITY_API_KEY_TOPIC, type: API_KEY_REVOKED, key: userId, data }]);
      return key;
    });
  }

  /**
   * The live key behind a secret, or null (malformed, unknown or revoked: callers cannot tell
   * which). Records the use, at most once per LAST_USED_RESOLUTION_MS per key.
   */
  async resolve(secret: string): Promise<ApiKeyEntity | null> {
    if (!isApiKeySecretShape(secret)) return null;
    const key = await this.dataSource.getRepository(ApiKeyEntity).findOneBy({ secretHash: hashApiKeySecret(secret), revokedAt: IsNull() });
    if (!key) return null;
    const now = this.clock.now();
    const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    if (!key.lastUsedAt || key.lastUsedAt <= staleBefore) {
      // Conditional, so gateway instances resolving the same key at once write it once.
      await this.dataSource.query(
        `UPDATE identity.api_keys SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at <= $3)`,
        [key.id, now, staleBefore],
      );
      key.lastUsedAt = now;
    }
    return key;
  }

  /** The personal-data export's section: everything but the hash. */
  exportSection = (userId: string, manager: EntityManager): Promise<unknown> =>
    manager.query(
      `SELECT id, name, prefix, scopes, safelist_only, created_at, last_used_at, revoked_at FROM identity.api_keys WHERE user_id = $1 ORDER BY created_at, id`,
      [userId],
    );
}
