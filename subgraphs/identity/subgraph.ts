import { ACCESS_TOKEN } from "../../platform/auth/index.js";
import { defineSubgraph } from "../../platform/subgraph/index.js";
import { AccountResolver } from "./account/account.resolver.js";
import { apiKeysModule } from "./api-keys/api-keys.module.js";
import { AuditResolver } from "./audit/audit.resolver.js";
import { AuthResolver } from "./auth/auth.resolver.js";
import { coreEntities, createCore, type CoreDeps } from "./core.js";
import { emailModule } from "./email/email.module.js";
import { externalLoginModule } from "./external-login/external-login.module.js";
import { mfaModule } from "./mfa/mfa.module.js";
import { CreateUsers1763769600100 } from "./migrations/1763769600100-create-users.js";
import { SessionResolver } from "./sessions/session.resolver.js";
import { jwksRoute } from "./tokens/jwks.route.js";
import { ProfileResolver } from "./users/profile.resolver.js";
import { resolveUserReference } from "./users/user.reference.js";

/** Feature modules, each in its own folder; the core knows none of them. */
const modules = { mfa: mfaModule, email: emailModule, externalLogin: externalLoginModule, apiKeys: apiKeysModule };
const moduleList = Object.values(modules);

export type IdentityDeps = CoreDeps & { [K in keyof typeof modules]: ReturnType<(typeof modules)[K]["create"]> };

/**
 * Identity: accounts, sign-in, sessions, MFA, API keys, profile and preferences. Owns the `User`
 * entity every other subgraph extends, signs access tokens and publishes their JWKS.
 */
export default defineSubgraph<IdentityDeps>({
  name: "identity",
  port: 4001,
  resolvers: [AuthResolver, ProfileResolver, SessionResolver, AuditResolver, AccountResolver, ...moduleList.flatMap((m) => m.resolvers)],
  entities: [...coreEntities, ...moduleList.flatMap((m) => m.entities as Function[])],
  migrations: [CreateUsers1763769600100, ...moduleList.flatMap((m) => m.migrations as Function[])],
  createDeps: (kit) => {
    const core = createCore(kit);
    return {
      ...core,
      mfa: modules.mfa.create(core, kit),
      email: modules.email.create(core, kit),
      externalLogin: modules.externalLogin.create(core, kit),
      apiKeys: modules.apiKeys.create(core, kit),
    };
  },
  references: (deps) => ({ User: resolveUserReference(deps) }),
  close: async (deps) => {
    await modules.mfa.close?.(deps.mfa);
    await modules.email.close?.(deps.email);
    await modules.externalLogin.close?.(deps.externalLogin);
    await modules.apiKeys.close?.(deps.apiKeys);
  },
  routes: (deps) => ({
    [ACCESS_TOKEN.jwksPath]: jwksRoute(deps.signingKeys),
    ...modules.mfa.routes?.(deps.mfa),
    ...modules.email.routes?.(deps.email),
    ...modules.externalLogin.routes?.(deps.externalLogin),
    ...modules.apiKeys.routes?.(deps.apiKeys),
  }),
});
