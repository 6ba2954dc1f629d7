import { defineIdentityModule } from "../identity.module.js";

/** Placeholder until the feature lands. */
export const externalLoginModule = defineIdentityModule({
  resolvers: [],
  entities: [],
  migrations: [],
  create: () => ({}),
});
