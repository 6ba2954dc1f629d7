import type { Logger } from "pino";
import type { DataSource } from "typeorm";

import { CoalescedRunner } from "../concurrency/coalesced-runner.js";
import type { Notifier } from "../db/notifier.js";
import { queryPrepared } from "../db/prepared.js";
import type { EventBus } from "./bus.js";
import { outboxChannel } from "./outbox.js";

export interface RelayOptions {
  dataSource: DataSource;
  schema: string;
  bus: EventBus;
  notifier: Notifier;
  logger: Logger;
  batchSize?: number;
  /** Catch-all for notifications missed while no listener was connected; not the normal path. */
  safetyIntervalMs?: number;
  /** Published rows are kept this long for inspection, then deleted. */
  retentionMs?: number;
}

/** Wait before the relay tries again after `failures` failed attempts in a row: 200, 400, then 500 ms. */
export const relayBackoffMs = (failures: number) => Math.min(100 * 2 ** failures, 500);

interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  type: string;
  envelope: string;
  trace_id: string;
}

/**
 * Publishes committed outbox rows in commit order and marks them sent. One relay per schema is
 * active at a time (an advisory lock), so per-user order holds even with several instances;
 * a crash between publish and mark re-sends, which consumers' inboxes make harmless.
 */
export class OutboxRelay {
  private readonly runner = new CoalescedRunner(() => this.drainLoop());
  private timer?: NodeJS.Timeout;
  private unlisten?: () => Promise<void>;
  private failures = 0;

  constructor(private readonly options: RelayOptions) {}

  async start(): Promise<void> {
    this.unlisten = await this.options.notifier.listen(outboxChannel(this.options.schema), () => this.wake());
    this.timer = setInterval(() => {
      this.wake();
      void this.prune();
    }, this.options.safetyIntervalMs ?? 5_000);
    this.timer.unref();
    this.wake();
  }

  wake(): void {
    this.runner.wake();
  }

  /** Resolves when everything committed so far has been published (tests, shutdown). */
  async flush(): Promise<void> {
    await this.runner.idle();
    await this.drainLoop();
  }

  private async drainLoop(): Promise<void> {
    try {
      while (!this.runner.isStopped && (await this.drainBatch()) === (this.options.batchSize ?? 500));
      this.failures = 0;
    } catch (error) {
      this.failures++;
      this.options.logger.error({ err: error, schema: this.options.schema }, "outbox relay failed; will retry");
      // Short and capped: once the broker answers again, what waited should go out within a second
      // (a 10 s cap, with kafkajs' own backoff on top, kept it waiting ~15 s). A retry is cheap.
      const backoff = relayBackoffMs(this.failures);
      setTimeout(() => this.wake(), backoff).unref();
    }
  }

  private async drainBatch(): Promise<number> {
    const { dataSource, schema, bus } = this.options;
    const table = `"${schema}".outbox`;
    return dataSource.transaction(async (manager) => {
      const [lock] = await queryPrepared<{ locked: boolean }>(manager, `SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [
        `moneta-outbox:${schema}`,
      ]);
      if (!lock?.locked) return 0;
      const rows: OutboxRow[] = await queryPrepared(
        manager,
        // The headers' trace id read here, not by parsing every envelope in Node (the row id is the envelope's).
        `SELECT id, topic, key, type, envelope::text AS envelope, envelope->>'traceId' AS trace_id
         FROM ${table} WHERE published_at IS NULL ORDER BY seq LIMIT $1`,
        [this.options.batchSize ?? 500],
      );
      if (rows.length === 0) return 0;
      await bus.publish(
        rows.map((row) => ({
          topic: row.topic,
          key: row.key,
          value: row.envelope,
          headers: { "event-id": row.id, "event-type": row.type, "trace-id": row.trace_id },
        })),
      );
      await queryPrepared(manager, `UPDATE ${table} SET published_at = now() WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
      return rows.length;
    });
  }

  private async prune(): Promise<void> {
    const retentionMs = this.options.retentionMs ?? 7 * 24 * 3600_000;
    try {
      await this.options.dataSource.query(
        `DELETE FROM "${this.options.schema}".outbox WHERE published_at < now() - ($1::bigint * interval '1 millisecond')`,
        [retentionMs],
      );
    } catch (error) {
      this.options.logger.warn({ err: error }, "outbox prune failed");
    }
  }

  /**
   * Publishes what is pending (for at most `flushMs`: a broker that is down must not hold up the
   * exit), then stops. Rows left unpublished stay in the table for the next relay: nothing is lost.
   */
  async stop({ flushMs = 0 } = {}): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.unlisten?.();
    if (flushMs > 0) {
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        this.flush().then(() => "flushed" as const),
        new Promise<"timed out">((resolve) => (timer = setTimeout(() => resolve("timed out"), flushMs))),
      ]);
      clearTimeout(timer);
      if (outcome === "timed out") this.options.logger.warn({ schema: this.options.schema, flushMs }, "outbox not flushed before shutdown");
    }
    const stopped = this.runner.stop();
    if (flushMs === 0) return stopped;
    // A publish still under way ends when the bus closes: its transaction rolls back and the rows stay unsent.
    await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, flushMs).unref())]);
  }
}
