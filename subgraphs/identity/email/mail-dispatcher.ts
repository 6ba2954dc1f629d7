import type { Logger } from "pino";
import type { DataSource } from "typeorm";

import { CoalescedRunner } from "../../../platform/concurrency/coalesced-runner.js";
import type { Mailer } from "../../../platform/email/index.js";
import type { Clock } from "../../../platform/time/index.js";
import type { MailOutbox } from "./mail-outbox.js";

export interface MailDispatcherOptions {
  dataSource: DataSource;
  mailer: Mailer;
  outbox: MailOutbox;
  clock: Clock;
  logger: Logger;
  batchSize?: number;
  /** Catch-all for mail committed by another instance or left by a crash; not the normal path. */
  safetyIntervalMs?: number;
  /** After this many failed deliveries a mail is left unsent, with its last error, for an operator. */
  maxAttempts?: number;
  /** How long a claimed mail stays reserved for this dispatcher; a crash mid-send retries after it. */
  leaseMs?: number;
  /** {@link MailDispatcher.prune} deletes rows older than this, sent or abandoned. */
  retentionMs?: number;
}

interface DueMail {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  attempts: number;
}

const DAY = 86_400_000;

/** 30 s after the first failure, doubling, at most an hour apart. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/**
 * Delivers committed rows of identity.mail_messages through the transport and marks them sent.
 * Woken by the writer's commit (and a slow safety timer), never by busy polling. Rows are claimed
 * with a short lease instead of a held transaction: an SMTP round trip must not pin a database
 * connection (or PGlite's single session), and several instances never send one mail twice while
 * they are healthy. A crash between send and mark re-sends after the lease: at-least-once.
 */
export class MailDispatcher {
  private readonly runner = new CoalescedRunner(() => this.drainLoop());
  private safetyTimer?: NodeJS.Timeout;
  private retryTimer?: NodeJS.Timeout;
  private retryAt = Infinity;
  private unwatch?: () => void;
  private failures = 0;

  constructor(private readonly options: MailDispatcherOptions) {}

  private get batchSize() {
    return this.options.batchSize ?? 20;
  }

  start(): void {
    this.unwatch = this.options.outbox.onCommitted(() => this.wake());
    this.safetyTimer = setInterval(() => this.wake(), this.options.safetyIntervalMs ?? 60_000);
    this.safetyTimer.unref();
    // Mail committed while no dispatcher ran (a crash, a deploy) goes out now.
    this.wake();
  }

  wake(): void {
    this.runner.wake();
  }

  /** Resolves when every mail due so far has had a delivery attempt (tests, shutdown). */
  async flush(): Promise<void> {
    await this.runner.idle();
    this.runner.wake();
    await this.runner.idle();
  }

  private async drainLoop(): Promise<void> {
    try {
      while (!this.runner.isStopped && this.options.dataSource.isInitialized && (await this.drainBatch()) === this.batchSize);
      this.failures = 0;
    } catch (error) {
      if (this.runner.isStopped || !this.options.dataSource.isInitialized) return;
      this.failures++;
      this.options.logger.error({ err: error }, "mail dispatcher failed; will retry");
      this.scheduleRetry(Math.min(100 * 2 ** this.failures, 30_000));
    }
  }

  private async drainBatch(): Promise<number> {
    const { dataSource, clock } = this.options;
    const now = clock.now();
    const [rows] = (await dataSource.query(
      `UPDATE identity.mail_messages m SET attempts = m.attempts + 1, next_attempt_at = $2
       FROM (SELECT id FROM identity.mail_messages
             WHERE sent_at IS NULL AND attempts < $3 AND next_attempt_at <= $1
             ORDER BY next_attempt_at, created_at LIMIT $4 FOR UPDATE SKIP LOCKED) due
       WHERE m.id = due.id
       RETURNING m.id, m.to_address, m.subject, m.body, m.attempts`,
      [now, new Date(now.getTime() + (this.options.leaseMs ?? 120_000)), this.options.maxAttempts ?? 10, this.batchSize],
    )) as [DueMail[], number];
    for (const row of rows) {
      if (this.runner.isStopped) break;
      await this.deliver(row);
    }
    return rows.length;
  }

  private async deliver(row: DueMail): Promise<void> {
    const { dataSource, mailer, clock, logger } = this.options;
    try {
      await mailer.send({ to: row.to_address, subject: row.subject, text: row.body });
    } catch (error) {
      const delay = retryDelayMs(row.attempts);
      const maxAttempts = this.options.maxAttempts ?? 10;
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      await dataSource.query(`UPDATE identity.mail_messages SET last_error = $2, next_attempt_at = $3 WHERE id = $1`, [
        row.id,
        message,
        new Date(clock.now().getTime() + delay),
      ]);
      if (row.attempts >= maxAttempts) {
        logger.error({ err: error, mailId: row.id, attempts: row.attempts }, "mail not delivered; giving up");
      } else {
        logger.warn({ err: error, mailId: row.id, attempts: row.attempts }, "mail not delivered; will retry");
        this.scheduleRetry(delay);
      }
      return;
    }
    await dataSource.query(`UPDATE identity.mail_messages SET sent_at = $2, last_error = NULL WHERE id = $1`, [row.id, clock.now()]);
  }

  /** One pending retry timer, for the earliest retry. */
  private scheduleRetry(delayMs: number): void {
    const at = Date.now() + delayMs;
    if (this.runner.isStopped || at >= this.retryAt) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryAt = at;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.retryAt = Infinity;
      this.wake();
    }, delayMs);
    this.retryTimer.unref();
  }

  /** Deletes mail past retention, and sent mail of deleted users; run now and then, not per wake-up. */
  async prune(): Promise<void> {
    const { dataSource, clock, logger } = this.options;
    if (this.runner.isStopped || !dataSource.isInitialized) return;
    try {
      await dataSource.query(`DELETE FROM identity.mail_messages WHERE created_at < $1 OR (user_id IS NULL AND sent_at IS NOT NULL)`, [
        new Date(clock.now().getTime() - (this.options.retentionMs ?? 30 * DAY)),
      ]);
    } catch (error) {
      logger.warn({ err: error }, "mail prune failed");
    }
  }

  async stop(): Promise<void> {
    if (this.safetyTimer) clearInterval(this.safetyTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.unwatch?.();
    await this.runner.stop();
    await this.options.mailer.close?.();
  }
}
