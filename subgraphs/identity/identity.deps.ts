import type { LoaderFactory } from "../../platform/graphql/index.js";
import type { Clock } from "../../platform/time/index.js";
import type { AccountService } from "./account/account.service.js";
import type { AdminService } from "./admin/admin.service.js";
import type { OperatorRoles } from "./admin/operator-roles.js";
import type { SystemHealth } from "./admin/system-health.js";
import type { ApiKeyService } from "./api-keys/api-key.service.js";
import type { AuditService } from "./audit/audit.service.js";
import type { AuthService } from "./auth/auth.service.js";
import type { LoginThrottle } from "./auth/login-throttle.js";
import type { SignInService } from "./auth/sign-in.service.js";
import type { CalendarFeedService } from "./calendar-feeds/calendar-feed.service.js";
import type { EmailConfig } from "./email/email.config.js";
import type { EmailHousekeeping } from "./email/email-housekeeping.js";
import type { EmailTokenService } from "./email/email-token.service.js";
import type { EmailVerificationService } from "./email/email-verification.service.js";
import type { MailDispatcher } from "./email/mail-dispatcher.js";
import type { MailOutbox } from "./email/mail-outbox.js";
import type { PasswordChangeService } from "./email/password-change.service.js";
import type { PasswordResetService } from "./email/password-reset.service.js";
import type { ExternalLoginService } from "./external-login/external-login.service.js";
import type { IdentityConfig } from "./identity.config.js";
import type { MfaService } from "./mfa/mfa.service.js";
import type { PasswordService } from "./passwords/password.service.js";
import type { SessionService } from "./sessions/session.service.js";
import type { AccessTokenIssuer } from "./tokens/access-tokens.js";
import type { SigningKeysService } from "./tokens/signing-keys.service.js";
import type { UserEntity } from "./users/user.entity.js";
import type { UserService } from "./users/user.service.js";

/** Per-request DataLoaders of identity, each scoped to the caller. */
export interface IdentityLoaders {
  user: LoaderFactory<string, UserEntity | null>;
}

/** Everything identity's resolvers, routes and references are built from. */
export interface IdentityDeps {
  config: IdentityConfig;
  emailConfig: EmailConfig;
  clock: Clock;
  audit: AuditService;
  users: UserService;
  passwords: PasswordService;
  sessions: SessionService;
  throttle: LoginThrottle;
  signingKeys: SigningKeysService;
  tokens: AccessTokenIssuer;
  signIns: SignInService;
  auth: AuthService;
  account: AccountService;
  mfa: MfaService;
  emailTokens: EmailTokenService;
  mailOutbox: MailOutbox;
  mailDispatcher: MailDispatcher;
  emailHousekeeping: EmailHousekeeping;
  emailVerification: EmailVerificationService;
  passwordReset: PasswordResetService;
  passwordChange: PasswordChangeService;
  externalLogin: ExternalLoginService;
  apiKeys: ApiKeyService;
  calendarFeeds: CalendarFeedService;
  operatorRoles: OperatorRoles;
  admin: AdminService;
  systemHealth: SystemHealth;
  loaders: IdentityLoaders;
}
