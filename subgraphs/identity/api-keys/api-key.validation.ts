import { badInput } from "../../../platform/errors/index.js";

export const MAX_SCOPES = 20;
export const MAX_ACTIVE_KEYS_PER_USER = 25;
const MAX_SCOPE_LENGTH = 64;
/**
 * `<resource>:read|write`. The suffix rule also keeps API keys away from the gateway's own scopes
 * (`internal:api-keys`) and from the session wildcard `*`.
 */
const SCOPE = /^[a-z][a-z-]*:(read|write)$/;

export function normalizeKeyName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > 100) throw badInput("name must be 1-100 characters", { field: "name" });
  return trimmed;
}

/** De-duplicated, in the order given; the limit counts distinct scopes. */
export function normalizeScopes(scopes: readonly string[]): string[] {
  const distinct = [...new Set(scopes)];
  if (distinct.length === 0) throw badInput("an API key needs at least one scope", { field: "scopes" });
  if (distinct.length > MAX_SCOPES) throw badInput(`an API key can have at most ${MAX_SCOPES} scopes`, { field: "scopes" });
  for (const scope of distinct) {
    if (scope.length > MAX_SCOPE_LENGTH || !SCOPE.test(scope)) {
      throw badInput(`invalid scope "${scope.slice(0, MAX_SCOPE_LENGTH)}": expected <resource>:read or <resource>:write`, {
        field: "scopes",
      });
    }
  }
  return distinct;
}
