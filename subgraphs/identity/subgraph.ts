import { ACCESS_TOKEN } from "../../platform/auth/index.js";
import { createMailer } from "../../platform/email/index.js";
import type { SubgraphKit } from "../../platform/subgraph/index.js";
import { defineSubgraph } from "../../platform/subgraph/index.js";
import { AccountResolver } from "./account/account.resolver.js";
import { AccountService } from "./account/account.service.js";
import { AdminResolver } from "./admin/admin.resolver.js";
import { AdminService } from "./admin/admin.service.js";
import { OperatorRoles } from "./admin/operator-roles.js";
import { SystemHealth } from "./admin/system-health.js";
import { UserRoleEntity } from "./admin/user-role.entity.js";
import { ApiKeyEntity } from "./api-keys/api-key.entity.js";
import { ApiKeyResolver } from "./api-keys/api-key.resolver.js";
import { ApiKeyService } from "./api-keys/api-key.service.js";
import { ApiKeyGrantResolver } from "./api-keys/api-key-grant.resolver.js";
import { AuditResolver } from "./audit/audit.resolver.js";
import { AuditService } from "./audit/audit.service.js";
import { AuditEventEntity } from "./audit/audit-event.entity.js";
import { AuthResolver } from "./auth/auth.resolver.js";
import { AuthService } from "./auth/auth.service.js";
import { LoginThrottle } from "./auth/login-throttle.js";
import { SignInService } from "./auth/sign-in.service.js";
import { CalendarFeedEntity } from "./calendar-feeds/calendar-feed.entity.js";
import { CalendarFeedResolver } from "./calendar-feeds/calendar-feed.resolver.js";
import { CalendarFeedService } from "./calendar-feeds/calendar-feed.service.js";
import { CalendarFeedOwnerResolver } from "./calendar-feeds/calendar-feed-owner.resolver.js";
import { loadEmailConfig } from "./email/email.config.js";
import { EmailResolver } from "./email/email.resolver.js";
import { EmailHousekeeping } from "./email/email-housekeeping.js";
import { HourlyLimit } from "./email/email-throttle.js";
import { EmailTokenEntity } from "./email/email-token.entity.js";
import { EmailTokenService } from "./email/email-token.service.js";
import { EmailVerificationService } from "./email/email-verification.service.js";
import { MailDispatcher } from "./email/mail-dispatcher.js";
import { MailMessageEntity } from "./email/mail-message.entity.js";
import { MailOutbox } from "./email/mail-outbox.js";
import { PasswordChangeService } from "./email/password-change.service.js";
import { PasswordResetService } from "./email/password-reset.service.js";
import { ExternalIdentityEntity } from "./external-login/external-identity.entity.js";
import { loadExternalLoginConfig } from "./external-login/external-login.config.js";
import { ExternalLoginResolver } from "./external-login/external-login.resolver.js";
import { ExternalLoginService } from "./external-login/external-login.service.js";
import { ExternalLoginAttemptEntity } from "./external-login/external-login-attempt.entity.js";
import { OidcProviders } from "./external-login/oidc-providers.js";
import { loadIdentityConfig } from "./identity.config.js";
import type { IdentityDeps } from "./identity.deps.js";
import { MfaBackupCodeEntity, MfaChallengeEntity } from "./mfa/mfa.entity.js";
import { MfaResolver } from "./mfa/mfa.resolver.js";
import { MfaService } from "./mfa/mfa.service.js";
import { MfaSecurityResolver } from "./mfa/mfa-security.resolver.js";
import { MfaThrottle } from "./mfa/mfa-throttle.js";
import { CreateUsers1763769600100 } from "./migrations/1763769600100-create-users.js";
import { CreateMfa1763769600110 } from "./migrations/1763769600110-create-mfa.js";
import { CreateEmailFlows1763769600120 } from "./migrations/1763769600120-create-email-flows.js";
import { CreateExternalLogin1763769600130 } from "./migrations/1763769600130-create-external-login.js";
import { CreateApiKeys1763769600140 } from "./migrations/1763769600140-create-api-keys.js";
import { NotificationPreferencesDefaults1796570000000 } from "./migrations/1796570000000-notification-preferences-kinds.js";
import { OperatorRole1797100000000 } from "./migrations/1797100000000-operator-role.js";
import { CreateCalendarFeeds1797200000000 } from "./migrations/1797200000000-create-calendar-feeds.js";
import { NotificationSettingsPublisher } from "./notifications/notification-settings.publisher.js";
import { PasswordService } from "./passwords/password.service.js";
import { RefreshTokenEntity, SessionEntity } from "./sessions/session.entity.js";
import { SessionResolver } from "./sessions/session.resolver.js";
import { SessionService } from "./sessions/session.service.js";
import { AccessTokenIssuer } from "./tokens/access-tokens.js";
import { jwksRoute } from "./tokens/jwks.route.js";
import { SigningKeyEntity } from "./tokens/signing-key.entity.js";
import { SigningKeysService } from "./tokens/signing-keys.service.js";
import { ProfileResolver } from "./users/profile.resolver.js";
import { UserEntity } from "./users/user.entity.js";
import { userByIdLoader } from "./users/user.loaders.js";
import { resolveUserReference } from "./users/user.reference.js";
import { UserService } from "./users/user.service.js";

export type { IdentityDeps } from "./identity.deps.js";

/** Old mail rows cost only space and the deletes scan, so pruning hourly is plenty. */
const EMAIL_HOUSEKEEPING_EVERY_MS = 3_600_000;

function createIdentity(kit: SubgraphKit): IdentityDeps {
  const { dataSource, outbox, clock, ids, cache } = kit;
  const config = loadIdentityConfig();
  const emailConfig = loadEmailConfig();
  const externalLoginConfig = loadExternalLoginConfig();

  const audit = new AuditService(dataSource, clock, ids);
  // Every change to what notifications need (address, verification, locale, zone, preferences) is announced whole.
  const notificationSettings = new NotificationSettingsPublisher(outbox);
  const users = new UserService(dataSource, audit, outbox, notificationSettings, clock);
  const passwords = new PasswordService(config.argon2);
  const sessions = new SessionService(dataSource, audit, clock, ids, config.refreshTokenTtlDays, outbox);
  const throttle = new LoginThrottle(cache, config.throttle);
  const signingKeys = new SigningKeysService(dataSource, clock);
  const tokens = new AccessTokenIssuer(signingKeys, clock);
  const signIns = new SignInService(dataSource, sessions, tokens, audit, outbox);

  // TOTP second factor with backup codes; password and external sign-in hand over to it when a user has MFA on.
  const mfa = new MfaService(dataSource, signIns, audit, new MfaThrottle(cache, config.throttle), outbox, clock, ids);

  // Outgoing mail is written to identity.mail_messages in the caller's transaction; the dispatcher
  // delivers it after commit. SMTP when SMTP_URL is set; otherwise the log transport (the table is
  // what a developer reads).
  const emailLogger = kit.logger.child({ feature: "email" });
  const mailer = createMailer(emailConfig, emailLogger);
  const mailOutbox = new MailOutbox(dataSource, clock, ids);
  const mailDispatcher = new MailDispatcher({ dataSource, mailer, outbox: mailOutbox, clock, logger: emailLogger });
  const emailTokens = new EmailTokenService(clock, ids);
  const emailHousekeeping = new EmailHousekeeping(dataSource, mailDispatcher, emailTokens, emailLogger);
  const emailVerification = new EmailVerificationService(
    dataSource,
    emailTokens,
    mailOutbox,
    audit,
    notificationSettings,
    clock,
    config.appUrl,
    new HourlyLimit(cache, "email:verify:user", emailConfig.verificationRequestsPerHour),
  );
  const passwordReset = new PasswordResetService(
    dataSource,
    passwords,
    sessions,
    throttle,
    emailTokens,
    emailVerification,
    mailOutbox,
    audit,
    clock,
    config.appUrl,
    {
      perIp: new HourlyLimit(cache, "email:reset:ip", emailConfig.resetRequestsPerIpPerHour),
      perEmail: new HourlyLimit(cache, "email:reset:address", emailConfig.resetRequestsPerEmailPerHour),
    },
  );
  const passwordChange = new PasswordChangeService(dataSource, passwords, sessions, throttle, emailTokens, mailOutbox, audit, clock);

  const auth = new AuthService(
    dataSource,
    passwords,
    signIns,
    mfa,
    (manager, user) => emailVerification.sendLink(manager, user),
    sessions,
    tokens,
    throttle,
    audit,
    outbox,
    notificationSettings,
    cache,
    clock,
    ids,
    config.throttle.registrationsPerIpPerHour,
  );

  // Sign-in with external OpenID Connect providers (OIDC_PROVIDERS), linked to accounts by verified e-mail.
  const providers = new OidcProviders(externalLoginConfig.providers, kit.logger.child({ feature: "external-login" }));
  const externalLogin = new ExternalLoginService(
    dataSource,
    providers,
    signIns,
    mfa,
    sessions,
    audit,
    outbox,
    notificationSettings,
    clock,
    ids,
  );

  // API keys for integrators: owners manage them with a session; the gateway resolves them.
  const apiKeys = new ApiKeyService(dataSource, audit, outbox, clock, ids);
  // Private iCalendar feeds: owners rotate and revoke them with a session; the gateway serves them.
  const calendarFeeds = new CalendarFeedService(dataSource, audit, clock);

  const account = new AccountService(
    dataSource,
    {
      mfa: mfa.exportSection,
      emails: mailOutbox.exportSection,
      externalAccounts: externalLogin.exportSection,
      apiKeys: apiKeys.exportSection,
      calendarFeed: calendarFeeds.exportSection,
    },
    passwords,
    throttle,
    sessions,
    audit,
    outbox,
    clock,
  );

  // The operator role: granted on the command line (scripts/admin.ts), used through AdminResolver.
  const operatorRoles = new OperatorRoles(dataSource, audit, clock);
  const admin = new AdminService(dataSource, sessions, audit, clock);
  const systemHealth = new SystemHealth({ dataSource, cache, clock, peers: kit.peers });

  mailDispatcher.start();
  emailHousekeeping.start(EMAIL_HOUSEKEEPING_EVERY_MS);

  return {
    config,
    emailConfig,
    clock,
    audit,
    users,
    passwords,
    sessions,
    throttle,
    signingKeys,
    tokens,
    signIns,
    auth,
    account,
    mfa,
    emailTokens,
    mailOutbox,
    mailDispatcher,
    emailHousekeeping,
    emailVerification,
    passwordReset,
    passwordChange,
    externalLogin,
    apiKeys,
    calendarFeeds,
    operatorRoles,
    admin,
    systemHealth,
    loaders: { user: userByIdLoader(users) },
  };
}

/**
 * Identity: accounts, sign-in, sessions, MFA, e-mail flows, external sign-in, API keys, profile
 * and preferences. Owns the `User` entity every other subgraph extends, signs access tokens and
 * publishes their JWKS.
 */
export default defineSubgraph<IdentityDeps>({
  name: "identity",
  port: 4001,
  resolvers: [
    AuthResolver,
    ProfileResolver,
    SessionResolver,
    AuditResolver,
    AccountResolver,
    MfaResolver,
    MfaSecurityResolver,
    EmailResolver,
    ExternalLoginResolver,
    ApiKeyResolver,
    ApiKeyGrantResolver,
    CalendarFeedResolver,
    CalendarFeedOwnerResolver,
    AdminResolver,
  ],
  entities: [
    UserEntity,
    SessionEntity,
    RefreshTokenEntity,
    SigningKeyEntity,
    AuditEventEntity,
    UserRoleEntity,
    MfaBackupCodeEntity,
    MfaChallengeEntity,
    EmailTokenEntity,
    MailMessageEntity,
    ExternalLoginAttemptEntity,
    ExternalIdentityEntity,
    ApiKeyEntity,
    CalendarFeedEntity,
  ],
  // Append-only, in timestamp order: databases have already applied these.
  migrations: [
    CreateUsers1763769600100,
    CreateMfa1763769600110,
    CreateEmailFlows1763769600120,
    CreateExternalLogin1763769600130,
    CreateApiKeys1763769600140,
    NotificationPreferencesDefaults1796570000000,
    OperatorRole1797100000000,
    CreateCalendarFeeds1797200000000,
  ],
  createDeps: createIdentity,
  references: (deps) => ({ User: resolveUserReference(deps) }),
  routes: (deps) => ({ [ACCESS_TOKEN.jwksPath]: jwksRoute(deps.signingKeys) }),
  // The dispatcher finishes its current delivery first; mail it has not sent stays in the table.
  close: async (deps) => {
    deps.emailHousekeeping.stop();
    await deps.mailDispatcher.stop();
  },
});
