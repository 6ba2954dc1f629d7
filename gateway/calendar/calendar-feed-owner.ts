import { randomUUID } from "node:crypto";

import type { Caller } from "../../platform/auth/caller.js";
import { INTERNAL_TOKEN_HEADER, type InternalTokenSigner } from "../../platform/auth/internal-token.js";
import { currentTraceId, TRACE_HEADER } from "../../platform/logging/trace.js";

/**
 * identity's contract, restated because the gateway never imports subgraph code: the scope
 * `resolveCalendarFeed` requires and the secret's shape (garbage is refused without a call).
 */
export const INTERNAL_CALENDAR_FEEDS_SCOPE = "internal:calendar-feeds";
const SECRET_SHAPE = /^cal_[0-9A-Za-z]{43}$/;

const RESOLVE = `query ResolveCalendarFeed($secret: String!) { resolveCalendarFeed(secret: $secret) { userId } }`;
/** The gateway itself, asking identity; holds no user and only the internal scope. */
const SERVICE_CALLER: Caller = Object.freeze({ scopes: Object.freeze([INTERNAL_CALENDAR_FEEDS_SCOPE]) });

/**
 * Whose feed a secret opens, or null. Not cached: a rotated or revoked URL must fail on its very
 * next fetch, and calendar apps poll rarely. Failures throw: "identity is down" is not "unknown".
 */
export async function calendarFeedOwner(
  secret: string,
  options: { url: string; signer: InternalTokenSigner; timeoutMs?: number },
): Promise<string | null> {
  if (!SECRET_SHAPE.test(secret)) return null;
  const traceId = currentTraceId() ?? randomUUID();
  const response = await fetch(options.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      [INTERNAL_TOKEN_HEADER]: await options.signer.sign(SERVICE_CALLER, traceId),
      [TRACE_HEADER]: traceId,
    },
    body: JSON.stringify({ query: RESOLVE, variables: { secret } }),
    signal: AbortSignal.timeout(options.timeoutMs ?? 3_000),
  });
  const body = (await response.json().catch(() => ({}))) as {
    data?: { resolveCalendarFeed?: { userId?: unknown } | null };
    errors?: unknown[];
  };
  if (body.errors?.length || !body.data) throw new Error(`calendar feed lookup failed: identity answered ${response.status}`);
  const owner = body.data.resolveCalendarFeed;
  if (owner === null || owner === undefined) return null;
  if (typeof owner.userId !== "string") throw new Error("calendar feed lookup: unexpected shape");
  return owner.userId;
}
