import type { IncomingMessage, ServerResponse } from "node:http";

/** What a browser app sends to /graphql: JSON bodies, credentials, Apollo's CSRF header, tracing. */
export const CORS_ALLOWED_HEADERS = Object.freeze([
  "content-type",
  "authorization",
  "x-api-key",
  "apollo-require-preflight",
  "x-apollo-operation-name",
  "apollographql-client-name",
  "apollographql-client-version",
  "x-trace-id",
]);
export const CORS_ALLOWED_METHODS = Object.freeze(["GET", "POST", "OPTIONS"]);
/** Response headers a script may read beyond the safelisted ones (support's trace id, 429's wait). */
export const CORS_EXPOSED_HEADERS = Object.freeze(["x-trace-id", "retry-after"]);
/** Browsers cap this anyway (Chromium at 2 hours); 10 minutes keeps a changed allowlist quick to apply. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * Runs before routing; answers a preflight itself (returns true) or adds headers to the response
 * the route will write (returns false).
 */
export type CorsHook = (req: IncomingMessage, res: ServerResponse, pathname: string) => boolean;

/**
 * Cross-origin access to /graphql for the listed origins only. No list, no hook: not one CORS
 * header is sent. A listed origin gets its own origin echoed back with credentials allowed (never
 * `*`); any other origin gets no CORS headers, so the browser keeps the response from its script.
 *
 * Apollo's CSRF prevention stays on and is what makes this hold for requests a browser sends
 * without asking (a form POST, a plain GET): Apollo refuses any request that neither has a JSON
 * content type nor an `apollo-require-preflight`/`x-apollo-operation-name` header, and a page can
 * only add those after a preflight that only listed origins pass.
 */
export function corsHook(origins: readonly string[]): CorsHook | undefined {
  if (origins.length === 0) return undefined;
  const allowed = new Set(origins);
  const allowMethods = CORS_ALLOWED_METHODS.join(", ");
  const allowHeaders = CORS_ALLOWED_HEADERS.join(", ");
  const exposeHeaders = CORS_EXPOSED_HEADERS.join(", ");
  return (req, res, pathname) => {
    if (pathname !== "/graphql") return false;
    // Answers differ by Origin, so a shared cache must key on it, for listed and unlisted alike.
    res.setHeader("vary", "Origin");
    const origin = req.headers.origin;
    if (origin === undefined || !allowed.has(origin)) return false;
    res.setHeader("access-control-allow-origin", origin);
    res.setHeader("access-control-allow-credentials", "true");
    if (req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined) {
      res.writeHead(204, {
        "access-control-allow-methods": allowMethods,
        "access-control-allow-headers": allowHeaders,
        "access-control-max-age": String(PREFLIGHT_MAX_AGE_SECONDS),
        "content-length": "0",
      });
      res.end();
      return true;
    }
    res.setHeader("access-control-expose-headers", exposeHeaders);
    return false;
  };
}
