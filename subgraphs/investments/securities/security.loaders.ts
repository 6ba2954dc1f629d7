import { keyedLoader, type LoaderFactory } from "../../../platform/graphql/index.js";
import type { SecurityEntity } from "./security.entity.js";
import type { SecurityService } from "./security.service.js";

/** id → the security, when the caller may see it (shared, or their own); one statement per request. */
export const securityByIdLoader =
  (securities: SecurityService): LoaderFactory<string, SecurityEntity | null> =>
  (caller) =>
    keyedLoader(
      (ids) => (caller.userId ? securities.findForUser(caller.userId, ids) : Promise.resolve([])),
      (s) => s.id,
    );
