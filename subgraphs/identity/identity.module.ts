import type { MixedList } from "typeorm";
import type { RouteHandler } from "../../platform/http/index.js";
import type { SubgraphKit } from "../../platform/subgraph/index.js";
import type { CoreDeps } from "./core.js";

/**
 * A feature of the identity subgraph (MFA, e-mail flows, external sign-in, API keys) that plugs
 * into the core: its own resolvers, tables and migrations, and services built from the core's.
 * Modules hook into the core (e.g. `core.auth.useMfa(...)`) rather than the core knowing them.
 */
export interface IdentityModule<D> {
  resolvers: Function[];
  entities: MixedList<Function>;
  migrations: MixedList<Function>;
  create(core: CoreDeps, kit: SubgraphKit): D;
  routes?(deps: D): Record<string, RouteHandler>;
  /** Stops the module's background work on shutdown. */
  close?(deps: D): Promise<void>;
}

export function defineIdentityModule<D>(module: IdentityModule<D>): IdentityModule<D> {
  return module;
}
