import { badInput, conflict, notFound } from "../../../platform/errors/index.js";

export const MAX_ENDPOINTS_PER_USER = 20;

export const endpointNotFound = () => notFound("webhook endpoint");
export const unsafeUrl = (reason: string) => badInput(`url ${reason}`, { field: "url" });
export const tooManyEndpoints = () => badInput(`at most ${MAX_ENDPOINTS_PER_USER} webhook endpoints`, { field: "url" });

export const unknownKinds = (kinds: string[]) =>
  badInput(`unknown event kinds: ${kinds.join(", ")}; see webhookEventKinds`, { field: "events", unknown: kinds });

/** Input, not authorisation: the caller may create endpoints, only not for these kinds. */
export const kindsNotAllowed = (denied: Array<{ kind: string; scope: string }>) =>
  badInput(`your scopes do not allow ${denied.map((d) => `${d.kind} (needs ${d.scope})`).join(", ")}`, {
    field: "events",
    forbidden: denied.map((d) => d.kind),
  });

export const secretRotatedSinceCreation = () =>
  conflict("the endpoint's secret was rotated since this idempotencyKey created it; rotate it again for a new one", {
    field: "idempotencyKey",
  });

export const endpointDeletedSinceCreation = () =>
  conflict("what this idempotencyKey created has since been deleted; use a new key", { field: "idempotencyKey" });
