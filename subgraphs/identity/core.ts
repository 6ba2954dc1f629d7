import type { LoaderFactory } from "../../platform/graphql/index.js";
import type { SubgraphKit } from "../../platform/subgraph/index.js";
import type { Clock } from "../../platform/time/index.js";
import { AccountService } from "./account/account.service.js";
import { AuditEventEntity } from "./audit/audit-event.entity.js";
import { AuditService } from "./audit/audit.service.js";
import { AuthService } from "./auth/auth.service.js";
import { LoginThrottle } from "./auth/login-throttle.js";
import { loadIdentityConfig, type IdentityConfig } from "./identity.config.js";
import { PasswordService } from "./passwords/password.service.js";
import { RefreshTokenEntity, SessionEntity } from "./sessions/session.entity.js";
import { SessionService } from "./sessions/session.service.js";
import { AccessTokenIssuer } from "./tokens/access-tokens.js";
import { SigningKeyEntity } from "./tokens/signing-key.entity.js";
import { SigningKeysService } from "./tokens/signing-keys.service.js";
import { UserEntity } from "./users/user.entity.js";
import { userByIdLoader } from "./users/user.loaders.js";
import { UserService } from "./users/user.service.js";

/** Services every identity feature builds on. */
export interface CoreDeps {
  config: IdentityConfig;
  clock: Clock;
  users: UserService;
  userLoader: LoaderFactory<string, UserEntity | null>;
  passwords: PasswordService;
  auth: AuthService;
  sessions: SessionService;
  throttle: LoginThrottle;
  audit: AuditService;
  signingKeys: SigningKeysService;
  tokens: AccessTokenIssuer;
  account: AccountService;
}

export const coreEntities = [UserEntity, SessionEntity, RefreshTokenEntity, SigningKeyEntity, AuditEventEntity];

export function createCore({ dataSource, outbox, clock, ids, cache }: SubgraphKit): CoreDeps {
  const config = loadIdentityConfig();
  const audit = new AuditService(dataSource, clock, ids);
  const users = new UserService(dataSource, audit, outbox, clock);
  const passwords = new PasswordService(config.argon2);
  const sessions = new SessionService(dataSource, audit, clock, ids, config.refreshTokenTtlDays);
  const throttle = new LoginThrottle(cache, config.throttle);
  const signingKeys = new SigningKeysService(dataSource, clock);
  const tokens = new AccessTokenIssuer(signingKeys, clock);
  const auth = new AuthService(dataSource, passwords, sessions, tokens, throttle, audit, outbox, cache, clock, ids, config.throttle.registrationsPerIpPerHour);
  const account = new AccountService(dataSource, passwords, throttle, sessions, audit, outbox, clock);
  return { config, clock, users, userLoader: userByIdLoader(users), passwords, auth, sessions, throttle, audit, signingKeys, tokens, account };
}
