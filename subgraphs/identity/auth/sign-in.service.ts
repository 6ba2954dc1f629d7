import type { DataSource, EntityManager } from "typeorm";

import type { ClientInfo } from "../../../platform/auth/index.js";
import type { Outbox } from "../../../platform/events/index.js";
import { IDENTITY_SECURITY_TOPIC, SIGNED_IN, type SignedInV1 } from "../../../schema/events/identity.js";
import { accountLockedByOperator } from "../admin/admin.errors.js";
import { AuditEventType, type AuditService } from "../audit/audit.service.js";
import { type EarlierSession, isNewDevice } from "../sessions/device-network.js";
import type { SessionService } from "../sessions/session.service.js";
import type { AccessTokenIssuer } from "../tokens/access-tokens.js";
import type { UserEntity } from "../users/user.entity.js";

export interface SignedIn {
  accessToken: string;
  expiresAt: Date;
  refreshToken: string;
  sessionId: string;
  user: UserEntity;
}

/** A session written in a transaction, before its access token is signed (after commit). */
export interface OpenedSession {
  user: UserEntity;
  sessionId: string;
  refreshToken: string;
}

/** How the user proved who they are: "password", "mfa", or "oidc:<provider>". */
export type SignInMethod = "password" | "mfa" | `oidc:${string}`;

/** Enough earlier sessions to recognise a device; a user with more has mostly the same few. */
const EARLIER_SESSIONS_CHECKED = 500;

/**
 * The last step of every sign-in (password, MFA, external provider): the session, its audit
 * entry and the access token. Kept apart from {@link AuthService} so the MFA step, which the
 * password login needs, can finish a sign-in without depending on the login that hands over to it.
 */
export class SignInService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly tokens: AccessTokenIssuer,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
  ) {}

  /** Signs in a user who has proved who they are (password, MFA, external provider). */
  async signIn(user: UserEntity, client: ClientInfo, method: SignInMethod, traceId: string): Promise<SignedIn> {
    return this.signedIn(await this.dataSource.transaction((manager) => this.openSession(manager, user, client, method, traceId)));
  }

  /**
   * Writes the session and its audit entry as part of a larger transaction, and announces
   * SignedIn. A registration's first session is no sign-in to tell anyone about (`announce`
   * false); it still counts as a known device for the sign-ins after it.
   */
  async openSession(
    manager: EntityManager,
    user: UserEntity,
    client: ClientInfo,
    method: SignInMethod,
    traceId: string,
    announce = true,
  ): Promise<OpenedSession> {
    // Read afresh and share-locked: an operator's lock, committed or in flight, wins over every sign-in path.
    const [row] = (await manager.query(`SELECT locked_at FROM identity.users WHERE id = $1 FOR SHARE`, [user.id])) as Array<{
      locked_at: Date | null;
    }>;
    if (row?.locked_at) throw accountLockedByOperator();
    const earlier = announce ? await this.earlierSessions(manager, user.id) : [];
    const { session, refreshToken } = await this.sessions.start(manager, user.id, client);
    await this.audit.record(user.id, AuditEventType.LOGIN_SUCCEEDED, client, { method, sessionId: session.id }, manager);
    if (announce) {
      const data: SignedInV1 = {
        userId: user.id,
        sessionId: session.id,
        at: session.createdAt.toISOString(),
        method: method === "password" ? "PASSWORD" : method === "mfa" ? "MFA" : "EXTERNAL",
        ipAddress: session.ip,
        userAgent: session.device,
        newDevice: isNewDevice(earlier, session.device, session.ip),
      };
      await this.outbox.add(manager, traceId, [{ topic: IDENTITY_SECURITY_TOPIC, type: SIGNED_IN, key: user.id, data }]);
    }
    return { user, sessionId: session.id, refreshToken };
  }

  /** Every earlier session (revoked and expired ones too: the device was seen all the same), newest first. */
  private earlierSessions(manager: EntityManager, userId: string): Promise<EarlierSession[]> {
    return manager.query(`SELECT device, ip FROM identity.sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT $2`, [
      userId,
      EARLIER_SESSIONS_CHECKED,
    ]);
  }

  /** Signs the access token once the session has committed (key lookups stay out of transactions). */
  async signedIn(opened: OpenedSession): Promise<SignedIn> {
    const { token, expiresAt } = await this.tokens.issue(opened.user.id, opened.sessionId);
    return { accessToken: token, expiresAt, ...opened };
  }
}
