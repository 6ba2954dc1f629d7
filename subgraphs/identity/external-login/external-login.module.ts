import { CreateExternalLogin1763769600130 } from "../migrations/1763769600130-create-external-login.js";
import { defineIdentityModule } from "../identity.module.js";
import { ExternalIdentityEntity } from "./external-identity.entity.js";
import { loadExternalLoginConfig } from "./external-login.config.js";
import { ExternalLoginAttemptEntity } from "./external-login-attempt.entity.js";
import { ExternalLoginResolver } from "./external-login.resolver.js";
import { ExternalLoginService } from "./external-login.service.js";
import { OidcProviders } from "./oidc-providers.js";

/** Sign-in with external OpenID Connect providers (OIDC_PROVIDERS), linked to accounts by verified e-mail. */
export const externalLoginModule = defineIdentityModule({
  resolvers: [ExternalLoginResolver],
  entities: [ExternalLoginAttemptEntity, ExternalIdentityEntity],
  migrations: [CreateExternalLogin1763769600130],
  create: (core, kit) => {
    const config = loadExternalLoginConfig();
    const providers = new OidcProviders(config.providers, kit.logger.child({ module: "external-login" }));
    core.account.addExportSection("externalAccounts", (userId, m) =>
      m.query(`SELECT provider, subject, email, linked_at FROM identity.external_identities WHERE user_id = $1 ORDER BY linked_at, provider, subject`, [userId]),
    );
    return new ExternalLoginService(kit.dataSource, providers, core.auth, core.sessions, core.audit, kit.outbox, core.clock, kit.ids);
  },
});
