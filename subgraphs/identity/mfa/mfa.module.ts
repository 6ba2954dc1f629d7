import { defineIdentityModule } from "../identity.module.js";

/** Placeholder until the feature lands. */
export const mfaModule = defineIdentityModule({
  resolvers: [],
  entities: [],
  migrations: [],
  create: () => ({}),
});
