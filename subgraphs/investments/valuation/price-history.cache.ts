import type { DataSource, EntityManager } from "typeorm";

import type { Clock } from "../../../platform/time/index.js";
import { WeightedLru } from "../caching/weighted-lru.js";
import { SHARED_OWNER } from "../securities/security.service.js";
import { asSafeNumber } from "./exact-total.js";
import type { PriceHistory } from "./value-series.js";

/** Closes kept in memory per process (about 40 bytes each). */
export const MAX_CACHED_CLOSES = 2_000_000;
/**
 * A history is read again after this long whatever its change numbers say: two writers of one
 * security's closes committing out of order could otherwise hide the earlier commit's closes.
 */
export const PRICE_HISTORY_TTL_MS = 10 * 60_000;

interface Cached {
  /** The highest change number of the user's own and of the shared closes when it was read. */
  stamp: string;
  readAt: number;
  history: PriceHistory;
}

/**
 * Every close a user sees for a security, by day (their own winning over a feed's on the same day),
 * kept per process and checked against the table's change numbers (migration
 * 1796540000200-price-changes) on every use: a valuation over years reads only the histories that
 * changed, instead of hundreds of thousands of closes per request. One statement for the check and
 * one for whatever must be read.
 */
export class PriceHistoryCache {
  private readonly cache = new WeightedLru<Cached>(MAX_CACHED_CLOSES);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** `manager`: a transaction to read in (the embedded database has one session, which a transaction holds). */
  async histories(
    userId: string,
    securityIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, PriceHistory>> {
    const ids = [...new Set(securityIds)];
    const out = new Map<string, PriceHistory>();
    if (ids.length === 0) return out;
    const stamps: Array<{ id: string; stamp: string }> = await manager.query(
      `SELECT ids.id,
         coalesce((SELECT max(p.change) FROM investments.prices p WHERE p.security_id = ids.id AND p.owner = $1::uuid), 0)::text || '/' ||
         coalesce((SELECT max(p.change) FROM investments.prices p WHERE p.security_id = ids.id AND p.owner = '${SHARED_OWNER}'::uuid), 0)::text AS stamp
       FROM unnest($2::uuid[]) AS ids(id)`,
      [userId, ids],
    );
    const now = this.clock.now().getTime();
    const stale: Array<{ id: string; stamp: string }> = [];
    for (const { id, stamp } of stamps) {
      const cached = this.cache.get(`${userId}|${id}`);
      if (cached && cached.stamp === stamp && now - cached.readAt < PRICE_HISTORY_TTL_MS) out.set(id, cached.history);
      else stale.push({ id, stamp });
    }
    if (stale.length === 0) return out;
    // Day numbers and closes as one text per security: far cheaper to parse than rows or arrays.
    const rows: Array<{ id: string; series: string | null }> = await manager.query(
      `SELECT ids.id, s.series FROM unnest($2::uuid[]) AS ids(id)
       CROSS JOIN LATERAL (
         SELECT string_agg((p.date - DATE '1970-01-01')::text || ' ' || p.close_minor::text, ' ' ORDER BY p.date, p.owner) AS series
         FROM investments.prices p
         WHERE p.security_id = ids.id AND (p.owner = $1::uuid OR p.owner = '${SHARED_OWNER}'::uuid)
       ) AS s`,
      [userId, stale.map((s) => s.id)],
    );
    const stampOf = new Map(stale.map((s) => [s.id, s.stamp]));
    for (const { id, series } of rows) {
      const history = decode(series);
      this.cache.set(`${userId}|${id}`, { stamp: stampOf.get(id)!, readAt: now, history }, history.days.length + 1);
      out.set(id, history);
    }
    return out;
  }
}

/** "day close day close …", ordered by day with a feed's close before the user's own on the same day: the later one wins. */
function decode(series: string | null): PriceHistory {
  const days: number[] = [];
  const closes: bigint[] = [];
  const numbers: number[] = [];
  if (series === null) return { days, closes, numbers };
  const parts = series.split(" ");
  for (let i = 0; i < parts.length; i += 2) {
    const day = Number(parts[i]);
    const close = BigInt(parts[i + 1]!);
    const number = asSafeNumber(close);
    if (days.length > 0 && days[days.length - 1] === day) {
      closes[closes.length - 1] = close;
      numbers[numbers.length - 1] = number;
    } else {
      days.push(day);
      closes.push(close);
      numbers.push(number);
    }
  }
  return { days, closes, numbers };
}
