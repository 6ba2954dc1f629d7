import { randomPKCECodeVerifier } from "openid-client";
import type { DataSource, EntityManager } from "typeorm";

import type { ClientInfo } from "../../../platform/auth/index.js";
import { badInput } from "../../../platform/errors/index.js";
import type { Outbox } from "../../../platform/events/index.js";
import type { Clock, IdGenerator } from "../../../platform/time/index.js";
import { IDENTITY_USER_TOPIC, USER_REGISTERED, type UserRegisteredV1 } from "../../../schema/events/identity.js";
import type { ExportSection } from "../account/account.service.js";
import { AuditEventType, type AuditService } from "../audit/audit.service.js";
import type { MfaLoginStep, MfaRequired } from "../auth/auth.service.js";
import type { OpenedSession, SignedIn, SignInMethod, SignInService } from "../auth/sign-in.service.js";
import type { NotificationSettingsPublisher } from "../notifications/notification-settings.publisher.js";
import type { SessionService } from "../sessions/session.service.js";
import { hashToken, newOpaqueToken } from "../tokens/opaque-token.js";
import { defaultBaseCurrency } from "../users/base-currency.js";
import { isValidEmail, normalizeEmail } from "../users/email.js";
import { newUser } from "../users/new-user.js";
import { UserEntity } from "../users/user.entity.js";
import { preferencesOf } from "../users/user.events.js";
import { ExternalIdentityEntity } from "./external-identity.entity.js";
import type { OidcProviderConfig } from "./external-login.config.js";
import { externalLoginFailed, missingEmail, unregisteredRedirectUri, unverifiedEmail } from "./external-login.errors.js";
import { ExternalLoginAttemptEntity } from "./external-login-attempt.entity.js";
import type { OidcProviders, ProviderIdentity } from "./oidc-providers.js";

/** Long enough to type a password at the provider and approve; short enough that a leaked state soon dies. */
export const ATTEMPT_TTL_MS = 10 * 60_000;

export interface ExternalLoginStarted {
  authorizationUrl: string;
  /** Also in the URL; returned so the client can match the callback to the sign-in it started. */
  state: string;
}

/**
 * Sign-in with an external OpenID Connect provider (authorization code flow, PKCE S256, state and
 * nonce). A provider account is linked to a Moneta user by its `sub`; the first time, it is linked
 * to the user with the same e-mail address only if the provider vouches the address is verified,
 * and otherwise becomes a new user.
 */
export class ExternalLoginService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly providers: OidcProviders,
    private readonly signIns: SignInService,
    private readonly mfa: MfaLoginStep,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    private readonly notificationSettings: NotificationSettingsPublisher,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  providerNames(): string[] {
    return this.providers.names();
  }

  async start(providerName: string, redirectUri: string, client: ClientInfo): Promise<ExternalLoginStarted> {
    const provider = this.providers.require(providerName);
    const redirect = allowedRedirectUri(provider, redirectUri);
    const state = newOpaqueToken();
    const secrets = { redirectUri: redirect, state, nonce: newOpaqueToken(), codeVerifier: randomPKCECodeVerifier() };
    // Discovery first: a provider that is down leaves no attempt behind.
    const authorizationUrl = await this.providers.authorizationUrl(provider, secrets);
    const now = this.clock.now();
    await this.dataSource.getRepository(ExternalLoginAttemptEntity).insert({
      stateHash: hashToken(state),
      provider: provider.name,
      nonce: secrets.nonce,
      codeVerifier: secrets.codeVerifier,
      redirectUri: redirect,
      createdAt: now,
      expiresAt: new Date(now.getTime() + ATTEMPT_TTL_MS),
      usedAt: null,
      createdIp: client.ip ?? null,
    });
    await this.pruneExpired(now);
    return { authorizationUrl, state };
  }

  /** `callbackUrl` is the whole URL the provider redirected the browser to (code, state, iss). */
  async complete(providerName: string, callbackUrl: string, client: ClientInfo, traceId: string): Promise<SignedIn | MfaRequired> {
    const provider = this.providers.require(providerName);
    let url: URL;
    try {
      url = new URL(callbackUrl);
    } catch {
      throw badInput("callbackUrl must be a URL", { field: "callbackUrl" });
    }
    const state = url.searchParams.get("state");
    if (!state) throw externalLoginFailed();
    const attempt = await this.claim(provider.name, state);
    // The provider checks this too, but only after the code has been spent.
    if (!attempt || withoutParams(url) !== attempt.redirectUri) throw externalLoginFailed();
    const identity = await this.providers.redeem(provider, url, {
      redirectUri: attempt.redirectUri,
      state,
      nonce: attempt.nonce,
      codeVerifier: attempt.codeVerifier,
    });
    return this.signInAs(provider.name, identity, client, traceId);
  }

  /** The caller's linked provider accounts, oldest first. */
  linkedAccounts(userId: string): Promise<ExternalIdentityEntity[]> {
    return this.dataSource.getRepository(ExternalIdentityEntity).find({ where: { userId }, order: { linkedAt: "ASC", provider: "ASC" } });
  }

  /** The personal-data export's section: the linked provider accounts. */
  readonly exportSection: ExportSection = (userId, manager) =>
    manager.query(
      `SELECT provider, subject, email, linked_at FROM identity.external_identities WHERE user_id = $1 ORDER BY linked_at, provider, subject`,
      [userId],
    );

  /**
   * Burns the attempt in one conditional UPDATE, committed before the provider is called: two
   * callbacks with the same state cannot both get through, a state is good for one try whatever
   * the outcome, and no transaction stays open across the provider's round trip.
   */
  private async claim(provider: string, state: string): Promise<{ nonce: string; codeVerifier: string; redirectUri: string } | undefined> {
    const [rows] = (await this.dataSource.query(
      `UPDATE identity.external_login_attempts SET used_at = $2
       WHERE state_hash = $1 AND provider = $3 AND used_at IS NULL AND expires_at > $2
       RETURNING nonce, code_verifier, redirect_uri`,
      [hashToken(state), this.clock.now(), provider],
    )) as [Array<{ nonce: string; code_verifier: string; redirect_uri: string }>, number];
    const row = rows[0];
    return row && { nonce: row.nonce, codeVerifier: row.code_verifier, redirectUri: row.redirect_uri };
  }

  /** Abandoned attempts: a few at a time, so one start never pays for a backlog. */
  private async pruneExpired(now: Date): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM identity.external_login_attempts WHERE state_hash IN (
         SELECT state_hash FROM identity.external_login_attempts WHERE expires_at < $1 LIMIT 100)`,
      [now],
    );
  }

  /**
   * Every write of one completion (link, new user, audit, UserRegistered, session) commits
   * together; the access token is signed after the commit, as for password sign-in.
   */
  private async signInAs(
    provider: string,
    identity: ProviderIdentity,
    client: ClientInfo,
    traceId: string,
  ): Promise<SignedIn | MfaRequired> {
    for (let round = 1; ; round++) {
      try {
        const opened = await this.dataSource.transaction((manager) => this.resolveUser(manager, provider, identity, client, traceId));
        // The provider is one factor; an account with MFA still needs its second (link and
        // registration writes above have committed either way).
        if ("secondFactorFor" in opened) return await this.mfa.createChallenge(opened.secondFactorFor, client);
        return await this.signIns.signedIn(opened);
      } catch (error) {
        // Two first sign-ins of one person racing (two tabs): the loser finds the winner's link.
        if (round === 1 && isUniqueViolation(error)) continue;
        throw error;
      }
    }
  }

  /** Opens the session in the same transaction, unless the account needs its second factor first. */
  private openOrChallenge(
    m: EntityManager,
    user: UserEntity,
    client: ClientInfo,
    method: SignInMethod,
    traceId: string,
  ): Promise<OpenedSession | { secondFactorFor: UserEntity }> {
    if (user.mfaEnabledAt) return Promise.resolve({ secondFactorFor: user });
    return this.signIns.openSession(m, user, client, method, traceId);
  }

  private async resolveUser(
    m: EntityManager,
    provider: string,
    identity: ProviderIdentity,
    client: ClientInfo,
    traceId: string,
  ): Promise<OpenedSession | { secondFactorFor: UserEntity }> {
    const method: SignInMethod = `oidc:${provider}`;
    const email = identity.email === null ? null : normalizeEmail(identity.email);
    const link = await m.findOneBy(ExternalIdentityEntity, { provider, subject: identity.subject });
    if (link) {
      const user = await m.findOneByOrFail(UserEntity, { id: link.userId });
      if (email && email !== link.email) await m.update(ExternalIdentityEntity, { provider, subject: identity.subject }, { email });
      return this.openOrChallenge(m, user, client, method, traceId);
    }
    // From here the address decides which account this is, so the provider must vouch for it.
    // Refusing an unverified address even when no account uses it keeps this answer from telling
    // whether one does, and keeps anyone from claiming an address they do not own.
    if (email === null || !isValidEmail(email)) throw missingEmail(provider);
    if (!identity.emailVerified) throw unverifiedEmail(provider);
    const existing = await m.findOneBy(UserEntity, { email });
    if (existing) return this.linkExisting(m, existing, provider, identity.subject, email, client, method, traceId);
    return this.register(m, provider, identity, email, client, traceId, method);
  }

  private async linkExisting(
    m: EntityManager,
    user: UserEntity,
    provider: string,
    subject: string,
    email: string,
    client: ClientInfo,
    method: SignInMethod,
    traceId: string,
  ): Promise<OpenedSession | { secondFactorFor: UserEntity }> {
    const now = this.clock.now();
    const details: Record<string, unknown> = { provider };
    if (!user.emailVerifiedAt) {
      // Pre-account hijacking: whoever registered this address never proved they own it, and the
      // provider has just proved someone else does. Their password and sessions must not outlive
      // the link; the owner can set a password again by e-mail reset.
      details.emailVerifiedBy = provider;
      details.passwordRemoved = user.passwordHash !== null;
      details.sessionsRevoked = await this.sessions.revokeAll(user.id, "external-account-linked", m);
      await m.update(UserEntity, { id: user.id }, { emailVerifiedAt: now, passwordHash: null, updatedAt: now });
      Object.assign(user, { emailVerifiedAt: now, passwordHash: null, updatedAt: now });
      await this.notificationSettings.publish(m, traceId, user.id);
    }
    await m.insert(ExternalIdentityEntity, { provider, subject, userId: user.id, email, linkedAt: now });
    await this.audit.record(user.id, AuditEventType.EXTERNAL_ACCOUNT_LINKED, client, details, m);
    return this.openOrChallenge(m, user, client, method, traceId);
  }

  private async register(
    m: EntityManager,
    provider: string,
    identity: ProviderIdentity,
    email: string,
    client: ClientInfo,
    traceId: string,
    method: SignInMethod,
  ): Promise<OpenedSession> {
    const now = this.clock.now();
    const user = newUser({
      id: this.ids.next(),
      email,
      displayName: displayNameFor(identity.name, email),
      passwordHash: null,
      emailVerifiedAt: now,
      baseCurrency: defaultBaseCurrency(),
      now,
    });
    await m.insert(UserEntity, user);
    await m.insert(ExternalIdentityEntity, { provider, subject: identity.subject, userId: user.id, email, linkedAt: now });
    await this.audit.record(user.id, AuditEventType.REGISTERED, client, { method }, m);
    const data: UserRegisteredV1 = { userId: user.id, preferences: preferencesOf(user) };
    await this.outbox.add(m, traceId, [{ topic: IDENTITY_USER_TOPIC, type: USER_REGISTERED, key: user.id, data }]);
    await this.notificationSettings.publish(m, traceId, user.id);
    return this.signIns.openSession(m, user, client, method, traceId, false);
  }
}

/** Exact match against the allowlist, after the URL normalisation the config applied to it. */
function allowedRedirectUri(provider: OidcProviderConfig, raw: string): string {
  let href: string;
  try {
    href = new URL(raw).href;
  } catch {
    throw unregisteredRedirectUri();
  }
  if (!provider.redirectUris.includes(href)) throw unregisteredRedirectUri();
  return href;
}

/** What openid-client sends as the token request's redirect_uri for this callback. */
function withoutParams(url: URL): string {
  const copy = new URL(url);
  copy.search = "";
  copy.hash = "";
  return copy.href;
}

/** The provider's `name` when usable, else the address's local part (as password sign-up's 1-100 rule). */
export function displayNameFor(name: string | null, email: string): string {
  const trimmed = name?.trim() ?? "";
  const chosen = trimmed.length > 0 ? trimmed : email.slice(0, email.indexOf("@"));
  return [...chosen].slice(0, 100).join("");
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { driverError?: { code?: string } }).driverError?.code === "23505";
}
