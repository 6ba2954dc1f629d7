import { type DataSource, type EntityManager, IsNull } from "typeorm";

import type { ClientInfo } from "../../../platform/auth/index.js";
import { notFound, unauthenticated } from "../../../platform/errors/index.js";
import type { Outbox } from "../../../platform/events/index.js";
import { currentTraceId } from "../../../platform/logging/index.js";
import { type Clock, type IdGenerator, isUuid } from "../../../platform/time/index.js";
import { IDENTITY_SESSION_TOPIC, SESSIONS_REVOKED, type SessionsRevokedV1 } from "../../../schema/events/identity.js";
import { AuditEventType, type AuditService } from "../audit/audit.service.js";
import { hashToken, newOpaqueToken } from "../tokens/opaque-token.js";
import { RefreshTokenEntity, SessionEntity } from "./session.entity.js";

export interface StartedSession {
  session: SessionEntity;
  refreshToken: string;
}

const invalidRefresh = () => unauthenticated("invalid or expired refresh token");

/**
 * Sessions and their refresh tokens. Every refresh hands out a new token and burns the old one;
 * presenting a burnt token revokes the whole session, since either the thief or the owner now
 * holds a copy (reuse detection).
 */
export class SessionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly ttlDays: number,
    private readonly outbox: Outbox,
  ) {}

  async start(manager: EntityManager, userId: string, client: ClientInfo): Promise<StartedSession> {
    const now = this.clock.now();
    const session = await manager.save(
      Object.assign(new SessionEntity(), {
        id: this.ids.next(),
        userId,
        device: client.userAgent ?? null,
        ip: client.ip ?? null,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.ttlDays * 86_400_000),
        revokedAt: null,
        revokedReason: null,
      }),
    );
    const refreshToken = await this.newRefreshToken(manager, session.id);
    return { session, refreshToken };
  }

  private async newRefreshToken(manager: EntityManager, sessionId: string): Promise<string> {
    const token = newOpaqueToken();
    await manager.insert(RefreshTokenEntity, { tokenHash: hashToken(token), sessionId, createdAt: this.clock.now(), usedAt: null });
    return token;
  }

  /** Exchanges a refresh token for a new one; the session's user id comes back for a new access token. */
  async rotate(refreshToken: string, client: ClientInfo): Promise<StartedSession> {
    const tokenHash = hashToken(refreshToken);
    type Outcome = { kind: "started"; started: StartedSession } | { kind: "reused"; sessionId: string } | { kind: "invalid" };
    const outcome = await this.dataSource.transaction(async (manager): Promise<Outcome> => {
      const now = this.clock.now();
      // Burning the token is one conditional UPDATE, so two concurrent refreshes cannot both win.
      const [rows] = (await manager.query(
        `UPDATE identity.refresh_tokens SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL RETURNING session_id`,
        [tokenHash, now],
      )) as [Array<{ session_id: string }>, number];
      const sessionId = rows[0]?.session_id;
      if (!sessionId) {
        const burnt = await manager.findOneBy(RefreshTokenEntity, { tokenHash });
        return burnt ? { kind: "reused", sessionId: burnt.sessionId } : { kind: "invalid" };
      }
      const session = await manager.findOneBy(SessionEntity, { id: sessionId });
      if (!session || session.revokedAt || session.expiresAt <= now) return { kind: "invalid" };
      session.lastSeenAt = now;
      if (client.ip) session.ip = client.ip;
      if (client.userAgent) session.device = client.userAgent;
      await manager.save(session);
      return { kind: "started", started: { session, refreshToken: await this.newRefreshToken(manager, session.id) } };
    });
    if (outcome.kind === "started") return outcome.started;
    if (outcome.kind === "reused") {
      const session = await this.dataSource.getRepository(SessionEntity).findOneBy({ id: outcome.sessionId });
      if (session && !session.revokedAt) {
        await this.revokeWhere(session.userId, session.id, "refresh-token-reuse");
        await this.audit.record(session.userId, AuditEventType.REFRESH_TOKEN_REUSED, client, { sessionId: session.id });
      }
    }
    throw invalidRefresh();
  }

  /** The user's live sessions, most recently used first. */
  list(userId: string): Promise<SessionEntity[]> {
    return this.dataSource.getRepository(SessionEntity).find({
      where: { userId, revokedAt: IsNull() },
      order: { lastSeenAt: "DESC" },
    });
  }

  /** Revokes one of the caller's sessions; another user's id is NOT_FOUND, like an unknown one. */
  async revoke(userId: string, sessionId: string, reason: string): Promise<void> {
    if (!isUuid(sessionId)) throw notFound("session");
    const count = await this.revokeWhere(userId, sessionId, reason);
    if (count === 0) throw notFound("session");
  }

  /** Revokes every live session of the user, optionally keeping one (the caller's own). */
  async revokeAll(userId: string, reason: string, manager?: EntityManager, keepSessionId?: string): Promise<number> {
    return this.revokeMatching(userId, reason, manager, { keep: keepSessionId });
  }

  private revokeWhere(userId: string, sessionId: string, reason: string): Promise<number> {
    return this.revokeMatching(userId, reason, undefined, { only: sessionId });
  }

  /**
   * Ends sessions and announces which, in one transaction (the caller's when given): refresh
   * tokens die with the row, and the gateway refuses the sessions' access tokens as soon as it
   * reads the event, instead of honouring them until they expire.
   */
  private async revokeMatching(
    userId: string,
    reason: string,
    manager: EntityManager | undefined,
    which: { only?: string; keep?: string },
  ) {
    const run = async (m: EntityManager): Promise<number> => {
      const now = this.clock.now();
      const [rows] = (await m.query(
        `UPDATE identity.sessions SET revoked_at = $2, revoked_reason = $3
         WHERE user_id = $1 AND revoked_at IS NULL AND ($4::uuid IS NULL OR id = $4::uuid) AND ($5::uuid IS NULL OR id <> $5::uuid)
         RETURNING id`,
        [userId, now, reason, which.only ?? null, which.keep ?? null],
      )) as [Array<{ id: string }>, number];
      if (rows.length > 0) {
        const data: SessionsRevokedV1 = { userId, sessionIds: rows.map((r) => r.id), revokedAt: now.toISOString(), reason };
        await this.outbox.add(m, currentTraceId() ?? "none", [
          { topic: IDENTITY_SESSION_TOPIC, type: SESSIONS_REVOKED, key: userId, data },
        ]);
      }
      return rows.length;
    };
    return manager?.queryRunner?.isTransactionActive ? run(manager) : this.dataSource.transaction(run);
  }

  /** Whether a session is still live (access tokens name it; logout checks it). */
  async isActive(sessionId: string): Promise<boolean> {
    const session = await this.dataSource.getRepository(SessionEntity).findOneBy({ id: sessionId });
    return !!session && !session.revokedAt && session.expiresAt > this.clock.now();
  }
}
