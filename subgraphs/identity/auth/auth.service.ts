import type { DataSource, EntityManager } from "typeorm";

import type { ClientInfo } from "../../../platform/auth/index.js";
import type { KeyValueStore } from "../../../platform/cache/index.js";
import { badInput, conflict, unauthenticated } from "../../../platform/errors/index.js";
import type { Outbox } from "../../../platform/events/index.js";
import type { Clock, IdGenerator } from "../../../platform/time/index.js";
import { IDENTITY_USER_TOPIC, USER_REGISTERED, type UserRegisteredV1 } from "../../../schema/events/identity.js";
import { accountLockedByOperator } from "../admin/admin.errors.js";
import { AuditEventType, type AuditService } from "../audit/audit.service.js";
import type { NotificationSettingsPublisher } from "../notifications/notification-settings.publisher.js";
import type { PasswordService } from "../passwords/password.service.js";
import type { SessionService } from "../sessions/session.service.js";
import type { AccessTokenIssuer } from "../tokens/access-tokens.js";
import { chosenBaseCurrency, defaultBaseCurrency } from "../users/base-currency.js";
import { assertValidEmail, isValidEmail, normalizeEmail } from "../users/email.js";
import { newUser } from "../users/new-user.js";
import { UserEntity } from "../users/user.entity.js";
import { preferencesOf } from "../users/user.events.js";
import { type LoginThrottle, rateLimited } from "./login-throttle.js";
import type { SignedIn, SignInService } from "./sign-in.service.js";

export interface MfaRequired {
  challenge: string;
  expiresAt: Date;
}

/** The second login step (TOTP or a backup code) for an account with MFA on. */
export interface MfaLoginStep {
  createChallenge(user: UserEntity, client: ClientInfo): Promise<MfaRequired>;
}

/** Runs inside the registration transaction, so its writes (the verification e-mail) commit with the account. */
export type RegistrationHook = (manager: EntityManager, user: UserEntity) => Promise<void>;

const invalidCredentials = () => unauthenticated("invalid email or password");

export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly signIns: SignInService,
    private readonly mfa: MfaLoginStep,
    /** Sends the address's verification link. */
    private readonly afterRegistration: RegistrationHook,
    private readonly sessions: SessionService,
    private readonly tokens: AccessTokenIssuer,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    private readonly notificationSettings: NotificationSettingsPublisher,
    private readonly cache: KeyValueStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    /** Slows account farming and e-mail probing from one address. */
    private readonly registrationsPerIpPerHour: number,
  ) {}

  async register(
    input: { email: string; password: string; displayName: string; baseCurrency?: string | null },
    client: ClientInfo,
    traceId: string,
  ): Promise<SignedIn> {
    const email = normalizeEmail(input.email);
    assertValidEmail(email);
    const displayName = input.displayName.trim();
    if (displayName.length < 1 || displayName.length > 100)
      throw badInput("display name must be 1-100 characters", { field: "displayName" });
    const baseCurrency = input.baseCurrency == null ? defaultBaseCurrency() : chosenBaseCurrency(input.baseCurrency);
    this.passwords.assertAcceptable(input.password, email);
    if (client.ip) {
      const { value, ttlMs } = await this.cache.incrBy(`register:ip:${client.ip}`, 1, 3_600_000);
      if (value > this.registrationsPerIpPerHour) throw rateLimited(ttlMs);
    }
    const passwordHash = await this.passwords.hash(input.password);
    const now = this.clock.now();
    const user = newUser({ id: this.ids.next(), email, displayName, passwordHash, emailVerifiedAt: null, baseCurrency, now });
    try {
      const opened = await this.dataSource.transaction(async (manager) => {
        await manager.insert(UserEntity, user);
        await this.audit.record(user.id, AuditEventType.REGISTERED, client, {}, manager);
        const data: UserRegisteredV1 = { userId: user.id, preferences: preferencesOf(user) };
        await this.outbox.add(manager, traceId, [{ topic: IDENTITY_USER_TOPIC, type: USER_REGISTERED, key: user.id, data }]);
        await this.notificationSettings.publish(manager, traceId, user.id);
        await this.afterRegistration(manager, user);
        return this.signIns.openSession(manager, user, client, "password", traceId, false);
      });
      return await this.signIns.signedIn(opened);
    } catch (error) {
      if ((error as { driverError?: { code?: string } }).driverError?.code === "23505") {
        throw conflict("this email address cannot be registered", { field: "email" });
      }
      throw error;
    }
  }

  /**
   * Password login. Unknown e-mail and wrong password fail alike (same error, a real argon2
   * verification either way) and both count towards the lockout.
   */
  async login(input: { email: string; password: string }, client: ClientInfo, traceId: string): Promise<SignedIn | MfaRequired> {
    const email = normalizeEmail(input.email);
    await this.throttle.assertAllowed(email, client.ip);
    const user = isValidEmail(email) ? await this.dataSource.getRepository(UserEntity).findOneBy({ email }) : null;
    const ok = await this.passwords.verify(user?.passwordHash, input.password);
    if (!ok || !user) {
      const lockedUntil = await this.throttle.recordFailure(email, client.ip, this.clock.now());
      if (user) {
        await this.audit.record(user.id, AuditEventType.LOGIN_FAILED, client);
        if (lockedUntil) await this.audit.record(user.id, AuditEventType.ACCOUNT_LOCKED, client, { until: lockedUntil.toISOString() });
      }
      throw invalidCredentials();
    }
    await this.throttle.recordSuccess(email);
    return (await this.secondFactor(user, client)) ?? this.signIns.signIn(user, client, "password", traceId);
  }

  /**
   * The MFA challenge for a user who has proved the first factor (a password, an external
   * provider), or null when their account has no second factor.
   */
  async secondFactor(user: UserEntity, client: ClientInfo): Promise<MfaRequired | null> {
    if (!user.mfaEnabledAt) return null;
    return this.mfa.createChallenge(user, client);
  }

  async refresh(refreshToken: string, client: ClientInfo): Promise<SignedIn> {
    const { session, refreshToken: next } = await this.sessions.rotate(refreshToken, client);
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: session.userId });
    if (!user) throw unauthenticated("invalid or expired refresh token");
    // A lock revokes every session, so this only catches a refresh that raced the lock.
    if (user.lockedAt) throw accountLockedByOperator();
    const { token, expiresAt } = await this.tokens.issue(user.id, session.id);
    return { accessToken: token, expiresAt, refreshToken: next, sessionId: session.id, user };
  }

  async logout(userId: string, sessionId: string | undefined, client: ClientInfo): Promise<void> {
    if (!sessionId) throw badInput("this credential has no session to log out of");
    await this.sessions.revoke(userId, sessionId, "logout");
    await this.audit.record(userId, AuditEventType.LOGGED_OUT, client, { sessionId });
  }
}
