import { createHash, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

import type { DocumentNode, FormattedExecutionResult } from "graphql";
import type { Logger } from "pino";

import type { Caller, ClientInfo } from "../../platform/auth/caller.js";
import type { RouteHandler } from "../../platform/http/http-server.js";
import { currentTraceId } from "../../platform/logging/trace.js";
import { addDays } from "../../platform/time/calendar-date.js";
import type { RateLimiter } from "../rate-limit/index.js";
import { CALENDAR_FEED_QUERY, CALENDAR_FEED_SCOPES, type CalendarFeedData } from "./calendar-feed.query.js";
import { calendarItems, FEED_WINDOW_DAYS, feedWindow } from "./calendar-items.js";
import { renderCalendar } from "./calendar-render.js";

/** Feeds are served at `/calendar/<secret>.ics`; identity builds the URLs with the same path. */
export const CALENDAR_PATH_PREFIX = "/calendar/";
const FEED_PATH = /^\/calendar\/([^/]+)\.ics$/;

/** Fetches per IP per rate-limit window: a calendar app polls a few times an hour; guessing needs millions. */
export const DEFAULT_FEED_FETCHES_PER_IP = 30;
/** Long enough to spare a busy client, short enough that a new bill shows up the same hour. */
const MAX_AGE_SECONDS = 15 * 60;

export interface CalendarFeedRouteOptions {
  /** Whose feed a secret opens (identity's word), or null. */
  ownerOf: (secret: string) => Promise<string | null>;
  /** Runs an operation as a caller through the federated path. */
  execute: (
    document: DocumentNode,
    variables: Record<string, unknown>,
    caller: Caller,
    traceId: string,
  ) => Promise<FormattedExecutionResult>;
  limiter: RateLimiter;
  fetchesPerIp?: number;
  clientOf: (req: IncomingMessage) => ClientInfo;
  now: () => Date;
  logger: Logger;
}

/** Every refusal looks alike: no body that would tell a guessed secret from a revoked one. */
function plain(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers });
  res.end(status === 404 ? "Not found\n" : "");
}

/**
 * `GET /calendar/<secret>.ics`: the owner's upcoming bills and recurring transactions, loan
 * installments, savings and group goal deadlines and tax payment dates as iCalendar. The secret is
 * resolved by identity on every fetch; the items are read with ONE operation run as the owner
 * with read scopes of those five domains only.
 */
export function calendarFeedRoute(options: CalendarFeedRouteOptions): RouteHandler {
  const limit = options.fetchesPerIp ?? DEFAULT_FEED_FETCHES_PER_IP;
  return async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") return plain(res, 405, { allow: "GET, HEAD" });
    const ip = options.clientOf(req).ip;
    if (ip) {
      const refusal = await options.limiter.charge({ kind: "ip", id: `calendar:${ip}`, limit }, 1);
      if (refusal) return plain(res, 429, { "retry-after": String(refusal.retryAfterSeconds) });
    }
    const pathname = (req.url ?? "").split("?")[0]!;
    const secret = FEED_PATH.exec(pathname)?.[1];
    const traceId = currentTraceId() ?? randomUUID();
    let userId: string | null;
    try {
      userId = secret ? await options.ownerOf(secret) : null;
    } catch (error) {
      options.logger.warn({ err: error }, "calendar feed: identity did not answer");
      return plain(res, 503, { "retry-after": "60" });
    }
    if (!userId) return plain(res, 404);

    const now = options.now();
    // A day wider on each side than any owner's window: every zone's today falls inside.
    const utcToday = now.toISOString().slice(0, 10);
    const variables = { from: addDays(utcToday, -1), to: addDays(utcToday, FEED_WINDOW_DAYS + 1) };
    const caller: Caller = { userId, scopes: CALENDAR_FEED_SCOPES };
    const result = await options.execute(CALENDAR_FEED_QUERY, variables, caller, traceId);
    const data = result.data as CalendarFeedData | null | undefined;
    // A partial feed would make calendar apps delete the missing entries: refuse, so they keep their copy.
    if (result.errors?.length || !data?.me) {
      options.logger.warn({ errors: result.errors, traceId }, "calendar feed: a domain did not answer");
      return plain(res, 503, { "retry-after": "60" });
    }

    const window = feedWindow(now, data.me.timezone);
    const body = renderCalendar(calendarItems(data, window), {
      name: "Moneta",
      stamp: new Date(`${utcToday}T00:00:00Z`),
    });
    const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
    const headers = {
      "cache-control": `private, max-age=${MAX_AGE_SECONDS}`,
      etag,
      // The URL is the credential: no referrer may carry it anywhere.
      "referrer-policy": "no-referrer",
      "x-content-type-options": "nosniff",
    };
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, headers);
      return void res.end();
    }
    res.writeHead(200, { ...headers, "content-type": "text/calendar; charset=utf-8", "content-length": String(Buffer.byteLength(body)) });
    res.end(req.method === "HEAD" ? undefined : body);
  };
}
