import { defineIdentityModule } from "../identity.module.js";
import { CreateApiKeys1763769600140 } from "../migrations/1763769600140-create-api-keys.js";
import { ApiKeyGrantResolver } from "./api-key-grant.resolver.js";
import { ApiKeyEntity } from "./api-key.entity.js";
import { ApiKeyResolver } from "./api-key.resolver.js";
import { ApiKeyService } from "./api-key.service.js";

/** API keys for integrators: owners manage them with a session; the gateway resolves them. */
export const apiKeysModule = defineIdentityModule({
  resolvers: [ApiKeyResolver, ApiKeyGrantResolver],
  entities: [ApiKeyEntity],
  migrations: [CreateApiKeys1763769600140],
  create: (core, { dataSource, outbox, clock, ids }) => {
    const service = new ApiKeyService(dataSource, core.audit, outbox, clock, ids);
    core.account.addExportSection("apiKeys", service.exportSection);
    return service;
  },
});
