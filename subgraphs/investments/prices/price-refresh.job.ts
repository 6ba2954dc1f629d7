import { randomUUID } from "node:crypto";

import type { Logger } from "pino";
import type { DataSource } from "typeorm";

import { repeatEvery, type Repeating } from "../../../platform/jobs/index.js";
import { addDays, type Clock, utcDay } from "../../../platform/time/index.js";
import type { PriceProvider, ProviderClose } from "../providers/price-provider.js";
import { SHARED_OWNER } from "../securities/security.service.js";
import type { PriceEvents } from "./price.events.js";
import type { PriceService, StoredPrice } from "./price.service.js";
import { feedCloseMinor } from "./price-values.js";

export interface PriceRefreshOptions {
  /** A failed security is not tried again before this long. */
  retryAfterMs: number;
  /** How long a claim holds without finishing (the instance died): longer than the provider's timeout. */
  leaseMs?: number;
  /** How far back a security's first refresh reaches. */
  backfillDays?: number;
  /** Names this instance in `claimed_by`; unique per process by default. */
  owner?: string;
}

interface Claim {
  security_id: string;
  provider_symbol: string;
  currency: string;
  last_date: string | null;
}

/**
 * Feeds keep revising the last few closes (late trades, corrections): each refresh fetches this
 * many days again. A week also always holds trading days, so "no data" means something.
 */
const OVERLAP_DAYS = 7;

/**
 * Refreshes every shared security that has a feed symbol, once per (UTC) day, whatever the number
 * of instances. A security is claimed with FOR UPDATE SKIP LOCKED and a lease, committed at once:
 * the HTTP request runs outside any transaction (the embedded database has one session, which a
 * slow feed must never hold), and the write checks the claim is still ours. A failed fetch is
 * logged, writes nothing (a price is never guessed), and is tried again after `retryAfterMs`.
 */
export class PriceRefreshJob {
  readonly owner: string;
  private repeating: Repeating | undefined;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly provider: PriceProvider,
    private readonly prices: PriceService,
    private readonly events: PriceEvents,
    private readonly logger: Logger,
    private readonly options: PriceRefreshOptions,
  ) {
    this.owner = options.owner ?? `price-refresh-${randomUUID()}`;
  }

  start(everyMs: number): void {
    this.repeating = repeatEvery(everyMs, () => this.run(), this.logger, "price refresh");
  }

  /** Lets the security being refreshed finish and starts no other. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.repeating?.stop();
  }

  /** One pass for `today` (UTC by the clock): how many securities were refreshed and how many failed. */
  async run(today = utcDay(this.clock.now())): Promise<{ refreshed: number; failed: number }> {
    await this.dataSource.query(
      `INSERT INTO investments.price_refreshes (security_id)
       SELECT id FROM investments.securities WHERE user_id IS NULL AND provider_symbol IS NOT NULL
       ON CONFLICT DO NOTHING`,
    );
    const tried: string[] = [];
    let [refreshed, failed] = [0, 0];
    while (!this.stopping) {
      const claim = await this.claim(today, tried);
      if (!claim) break;
      tried.push(claim.security_id);
      if (await this.refresh(claim, today)) refreshed++;
      else failed++;
    }
    return { refreshed, failed };
  }

  /** The next shared security not refreshed today, nobody else's, not waiting after a failure. */
  private async claim(today: string, tried: string[]): Promise<Claim | null> {
    const now = this.clock.now();
    const [claim]: Claim[] = await this.dataSource.query(
      `WITH due AS (
         SELECT r.security_id FROM investments.price_refreshes r
         JOIN investments.securities s ON s.id = r.security_id AND s.user_id IS NULL AND s.provider_symbol IS NOT NULL
         WHERE (r.refreshed_on IS NULL OR r.refreshed_on < $1)
           AND (r.claimed_until IS NULL OR r.claimed_until <= $2)
           AND (r.retry_after IS NULL OR r.retry_after <= $2)
           AND NOT (r.security_id = ANY($5::uuid[]))
         ORDER BY r.refreshed_on NULLS FIRST, r.security_id
         LIMIT 1 FOR UPDATE OF r SKIP LOCKED
       ), claimed AS (
         UPDATE investments.price_refreshes r SET claimed_by = $3, claimed_until = $4, updated_at = $2
         FROM due WHERE r.security_id = due.security_id RETURNING r.security_id
       )
       SELECT s.id AS security_id, s.provider_symbol, s.currency,
         (SELECT to_char(max(p.date), 'YYYY-MM-DD') FROM investments.prices p
          WHERE p.security_id = s.id AND p.owner = '${SHARED_OWNER}'::uuid) AS last_date
       FROM claimed JOIN investments.securities s ON s.id = claimed.security_id`,
      [today, now, this.owner, new Date(now.getTime() + (this.options.leaseMs ?? 120_000)), tried],
    );
    return claim ? { ...claim, currency: claim.currency.trim() } : null;
  }

  private async refresh(claim: Claim, today: string): Promise<boolean> {
    const from = claim.last_date ? addDays(claim.last_date, -OVERLAP_DAYS) : addDays(today, -(this.options.backfillDays ?? 5 * 366));
    const log = this.logger.child({ securityId: claim.security_id, providerSymbol: claim.provider_symbol, provider: this.provider.name });
    let rows: StoredPrice[];
    try {
      const closes = await this.provider.dailyCloses(claim.provider_symbol, from, today);
      rows = usableCloses(closes, claim, from, today);
    } catch (error) {
      log.warn({ err: error }, "price refresh failed; tried again later");
      await this.release(claim.security_id, error);
      return false;
    }
    const written = await this.dataSource.transaction(async (manager) => {
      const mine: unknown[] = await manager.query(
        `SELECT 1 FROM investments.price_refreshes WHERE security_id = $1 AND claimed_by = $2 FOR UPDATE`,
        [claim.security_id, this.owner],
      );
      // The lease ran out and another instance took over: its write counts, not ours.
      if (mine.length === 0) return false;
      await this.prices.upsertShared(manager, rows);
      await manager.query(
        `UPDATE investments.price_refreshes SET refreshed_on = $2, claimed_by = NULL, claimed_until = NULL, retry_after = NULL,
           failures = 0, last_error = NULL, updated_at = $3 WHERE security_id = $1`,
        [claim.security_id, today, this.clock.now()],
      );
      await this.events.updated(manager, "price-refresh", null, rows);
      return true;
    });
    if (written) log.info({ closes: rows.length, from, to: today }, "prices refreshed");
    return written;
  }

  private async release(securityId: string, error: unknown): Promise<void> {
    const now = this.clock.now();
    await this.dataSource.query(
      `UPDATE investments.price_refreshes SET claimed_by = NULL, claimed_until = NULL, retry_after = $3,
         failures = failures + 1, last_error = $4, updated_at = $2 WHERE security_id = $1 AND claimed_by = $5`,
      [
        securityId,
        now,
        new Date(now.getTime() + this.options.retryAfterMs),
        String((error as Error).message ?? error).slice(0, 500),
        this.owner,
      ],
    );
  }
}

/** The feed's closes as prices, or an error naming the first one that cannot be used as it is. */
function usableCloses(closes: readonly ProviderClose[], claim: Claim, from: string, today: string): StoredPrice[] {
  const days = new Set<string>();
  return closes.map((c) => {
    if (c.currency !== undefined && c.currency.toUpperCase() !== claim.currency)
      throw new Error(`the feed prices it in ${c.currency}, the security is in ${claim.currency}`);
    const closeMinor = feedCloseMinor(c.close, claim.currency);
    if (closeMinor === null || c.date < from || c.date > today || days.has(c.date)) throw new Error(`unusable close ${JSON.stringify(c)}`);
    days.add(c.date);
    return { securityId: claim.security_id, date: c.date, closeMinor, currency: claim.currency, source: "PROVIDER" };
  });
}
