import { defineIdentityModule } from "../identity.module.js";
import { CreateMfa1763769600110 } from "../migrations/1763769600110-create-mfa.js";
import { MfaThrottle } from "./mfa-throttle.js";
import { MfaBackupCodeEntity, MfaChallengeEntity } from "./mfa.entity.js";
import { MfaResolver } from "./mfa.resolver.js";
import { MfaService } from "./mfa.service.js";
import { MfaSecurityResolver } from "./mfa-security.resolver.js";

/** TOTP second factor with backup codes; login hands over to it when a user has MFA on. */
export const mfaModule = defineIdentityModule({
  resolvers: [MfaResolver, MfaSecurityResolver],
  entities: [MfaBackupCodeEntity, MfaChallengeEntity],
  migrations: [CreateMfa1763769600110],
  create: (core, { dataSource, cache, ids }) => {
    const service = new MfaService(dataSource, core.auth, core.audit, new MfaThrottle(cache, core.config.throttle), core.clock, ids);
    core.auth.useMfa(service);
    core.account.addExportSection("mfa", service.exportSection);
    return service;
  },
});
