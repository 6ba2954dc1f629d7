import { defineIdentityModule } from "../identity.module.js";

/** Placeholder until the feature lands. */
export const emailModule = defineIdentityModule({
  resolvers: [],
  entities: [],
  migrations: [],
  create: () => ({}),
});
