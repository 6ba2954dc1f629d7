import { defineIdentityModule } from "../identity.module.js";

/** Placeholder until the feature lands. */
export const apiKeysModule = defineIdentityModule({
  resolvers: [],
  entities: [],
  migrations: [],
  create: () => ({}),
});
