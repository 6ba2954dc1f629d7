import type { DataSource, EntityManager } from "typeorm";

import type { ClientInfo } from "../../../platform/auth/index.js";
import { AuditEventType, type AuditService } from "../audit/audit.service.js";
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
  ) {}

  /** Signs in a user who has proved who they are (password, MFA, external provider). */
  async signIn(user: UserEntity, client: ClientInfo, method: string): Promise<SignedIn> {
    return this.signedIn(await this.dataSource.transaction((manager) => this.openSession(manager, user, client, method)));
  }

  /** Writes the session and its audit entry as part of a larger transaction. */
  async openSession(manager: EntityManager, user: UserEntity, client: ClientInfo, method: string): Promise<OpenedSession> {
    const { session, refreshToken } = await this.sessions.start(manager, user.id, client);
    await this.audit.record(user.id, AuditEventType.LOGIN_SUCCEEDED, client, { method, sessionId: session.id }, manager);
    return { user, sessionId: session.id, refreshToken };
  }

  /** Signs the access token once the session has committed (key lookups stay out of transactions). */
  async signedIn(opened: OpenedSession): Promise<SignedIn> {
    const { token, expiresAt } = await this.tokens.issue(opened.user.id, opened.sessionId);
    return { accessToken: token, expiresAt, ...opened };
  }
}
