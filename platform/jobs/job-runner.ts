import { randomUUID } from "node:crypto";

import type { Logger } from "pino";
import type { DataSource, EntityManager } from "typeorm";

import { nextTurn } from "../concurrency/next-turn.js";
import type { Notifier } from "../db/notifier.js";
import type { Clock } from "../time/clock.js";
import {
  DEFAULT_MAX_ATTEMPTS,
  isPermanentFailure,
  type JobExecution,
  type JobHandler,
  type JobRecord,
  maskedJobError,
  retryDelayMs,
} from "./job.js";
import { jobsChannel } from "./job-queue.js";

export interface JobRunnerOptions {
  dataSource: DataSource;
  /** The subgraph schema whose `jobs` table this runner works. */
  schema: string;
  clock: Clock;
  logger: Logger;
  handlers: JobHandler[];
  /** Wakes the runner when a job is enqueued here or on another instance (NOTIFY on commit). */
  notifier?: Notifier;
  /** Looks for due jobs (retries, missed notifications, expired leases) at least this often; default 5 s. */
  pollIntervalMs?: number;
  /**
   * How long a claimed job stays this instance's without a committed step. A step in progress
   * holds the job's row lock, so a slow step is never taken over; only an instance that stopped
   * stepping (it died) loses its jobs, once the lease has run out.
   */
  leaseMs?: number;
  /** Jobs run at once by this instance. */
  concurrency?: number;
  /** Names this instance in `locked_by`; unique per process by default. */
  owner?: string;
  /** COMPLETED and FAILED jobs are kept this long (by their finish time), then deleted. */
  retentionMs?: number;
}

interface ClaimedRow {
  id: string;
  user_id: string | null;
  kind: string;
  payload: string;
  cursor: string | null;
  attempts: number;
}

type StepOutcome = "continue" | "done" | "lost";

/**
 * Runs a subgraph's background jobs. A job is claimed with FOR UPDATE SKIP LOCKED and a lease, so
 * several instances never run the same job, and runs as bounded steps: each step's effects and the
 * job's new cursor commit in ONE transaction, so a crash between steps repeats nothing and loses
 * nothing, and another instance (or this one after a restart) resumes from the last cursor. The
 * event loop gets a turn between steps. `stop()` lets the current step finish, starts no new one
 * and hands the job back at once.
 */
export class JobRunner {
  readonly owner: string;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly waiters = new Set<() => void>();
  private woken = false;
  private stopped = true;
  private loops: Promise<void>[] = [];
  private unlisten?: () => Promise<void>;
  private lastPrune = 0;

  constructor(private readonly options: JobRunnerOptions) {
    this.owner = options.owner ?? `${options.schema}-${randomUUID()}`;
    for (const handler of options.handlers) {
      if (this.handlers.has(handler.kind)) throw new Error(`two job handlers for kind ${handler.kind}`);
      this.handlers.set(handler.kind, handler);
    }
  }

  private get table() {
    return `"${this.options.schema}".jobs`;
  }

  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    this.unlisten = await this.options.notifier?.listen(jobsChannel(this.options.schema), () => this.wake());
    this.loops = Array.from({ length: Math.max(1, this.options.concurrency ?? 1) }, () => this.loop());
  }

  /** Looks for work now (a job was enqueued in this process, or a test wants it). */
  wake(): void {
    this.woken = true;
    for (const resolve of [...this.waiters]) resolve();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.wake();
    await Promise.all(this.loops);
    await this.unlisten?.();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      this.woken = false;
      let job: ClaimedRow | null = null;
      try {
        job = await this.claim();
      } catch (error) {
        this.options.logger.warn({ err: error, schema: this.options.schema }, "job claim failed; will retry");
      }
      if (job) {
        await this.execute(job);
      } else {
        await this.prune();
        await this.idle();
      }
    }
  }

  private idle(): Promise<void> {
    if (this.woken || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, this.options.pollIntervalMs ?? 5_000);
      this.waiters.add(done);
    });
  }

  /** At most hourly, while idle: finished jobs past retention go (their domain records stay). */
  private async prune(): Promise<void> {
    if (Date.now() - this.lastPrune < 3_600_000) return;
    this.lastPrune = Date.now();
    const cutoff = new Date(this.options.clock.now().getTime() - (this.options.retentionMs ?? 7 * 24 * 3_600_000));
    try {
      await this.options.dataSource.query(`DELETE FROM ${this.table} WHERE status IN ('COMPLETED', 'FAILED') AND finished_at < $1`, [
        cutoff,
      ]);
    } catch (error) {
      this.options.logger.warn({ err: error }, "pruning finished jobs failed");
    }
  }

  /** The oldest due job of a kind this runner handles: queued, or running on an expired lease. */
  private async claim(): Promise<ClaimedRow | null> {
    const now = this.options.clock.now();
    const rows: ClaimedRow[] = await this.options.dataSource.query(
      `WITH due AS (
         SELECT id FROM ${this.table}
         WHERE kind = ANY($1::text[]) AND ((status = 'QUEUED' AND run_after <= $2) OR (status = 'RUNNING' AND locked_until <= $2))
         ORDER BY run_after, created_at LIMIT 1 FOR UPDATE SKIP LOCKED
       ), claimed AS (
         UPDATE ${this.table} j SET status = 'RUNNING', locked_by = $3, locked_until = $4, updated_at = $2,
           started_at = COALESCE(j.started_at, $2),
           -- taking over an expired lease means the last run died with its instance: that counts as an attempt
           attempts = j.attempts + CASE WHEN j.status = 'RUNNING' THEN 1 ELSE 0 END
         FROM due WHERE j.id = due.id
         RETURNING j.id, j.user_id, j.kind, j.payload::text AS payload, j.cursor::text AS cursor, j.attempts
       )
       SELECT * FROM claimed`,
      [[...this.handlers.keys()], now, this.owner, this.leaseEnd(now)],
    );
    return rows[0] ?? null;
  }

  private leaseEnd(now: Date): Date {
    return new Date(now.getTime() + (this.options.leaseMs ?? 30_000));
  }

  private async execute(row: ClaimedRow): Promise<void> {
    const handler = this.handlers.get(row.kind)!;
    const job: JobRecord = {
      id: row.id,
      userId: row.user_id,
      kind: row.kind,
      payload: JSON.parse(row.payload),
      cursor: row.cursor === null ? null : JSON.parse(row.cursor),
      attempts: row.attempts,
    };
    const log = this.options.logger.child({ jobId: job.id, kind: job.kind });
    if (job.attempts >= (handler.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)) {
      await this.fail(job, handler, new Error("the job's runs kept dying with their instance"), log, true);
      return;
    }
    let execution: JobExecution | undefined;
    try {
      execution = await handler.open(job);
      for (;;) {
        if (this.stopped) {
          await this.release(job.id);
          return;
        }
        const outcome = await this.step(job.id, execution);
        if (outcome === "lost") log.warn("job deleted or taken over by another instance; this run stops");
        if (outcome !== "continue") return;
        // Let requests and other work run between steps.
        await nextTurn();
      }
    } catch (error) {
      await this.fail(job, handler, error, log, false);
    } finally {
      await Promise.resolve(execution?.close?.()).catch((error: unknown) => log.warn({ err: error }, "closing a job run failed"));
    }
  }

  /** Locks the job row (still ours?), runs one step, and writes its cursor, in one transaction. */
  private step(id: string, execution: JobExecution): Promise<StepOutcome> {
    return this.options.dataSource.transaction(async (manager) => {
      if (!(await this.lockOwn(manager, id))) return "lost";
      const result = await execution.step(manager);
      const now = this.options.clock.now();
      const cursor = JSON.stringify(result.cursor ?? null);
      const progress = result.progress === undefined ? null : JSON.stringify(result.progress);
      if (result.done) {
        await manager.query(
          `UPDATE ${this.table} SET status = 'COMPLETED', cursor = $2::jsonb, progress = COALESCE($3::jsonb, progress), error = NULL,
             locked_by = NULL, locked_until = NULL, updated_at = $4, finished_at = $4 WHERE id = $1`,
          [id, cursor, progress, now],
        );
        return "done";
      }
      await manager.query(
        `UPDATE ${this.table} SET cursor = $2::jsonb, progress = COALESCE($3::jsonb, progress), locked_until = $5, updated_at = $4 WHERE id = $1`,
        [id, cursor, progress, now, this.leaseEnd(now)],
      );
      return "continue";
    });
  }

  private async lockOwn(manager: EntityManager, id: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM ${this.table} WHERE id = $1 AND locked_by = $2 AND status = 'RUNNING' FOR UPDATE`,
      [id, this.owner],
    );
    return rows.length > 0;
  }

  /** Back to the queue at once, cursor kept: the next runner (here or elsewhere) resumes it. */
  private async release(id: string): Promise<void> {
    const now = this.options.clock.now();
    await this.options.dataSource.query(
      `UPDATE ${this.table} SET status = 'QUEUED', locked_by = NULL, locked_until = NULL, run_after = $3, updated_at = $3
       WHERE id = $1 AND locked_by = $2 AND status = 'RUNNING'`,
      [id, this.owner, now],
    );
  }

  /** Retries an unexpected failure with backoff; a client error, or the last attempt, is FAILED. */
  private async fail(job: JobRecord, handler: JobHandler, error: unknown, log: Logger, exhausted: boolean): Promise<void> {
    const attempts = exhausted ? job.attempts : job.attempts + 1;
    const final = exhausted || isPermanentFailure(error) || attempts >= (handler.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
    const message = maskedJobError(error, job.id);
    if (!isPermanentFailure(error)) log.error({ err: error, attempts, final }, "job failed");
    try {
      await this.options.dataSource.transaction(async (manager) => {
        if (!(await this.lockOwn(manager, job.id))) return;
        const now = this.options.clock.now();
        if (final) {
          await manager.query(
            `UPDATE ${this.table} SET status = 'FAILED', attempts = $2, error = $3, locked_by = NULL, locked_until = NULL, updated_at = $4, finished_at = $4 WHERE id = $1`,
            [job.id, attempts, message, now],
          );
          await handler.failed?.(manager, job, message);
        } else {
          await manager.query(
            `UPDATE ${this.table} SET status = 'QUEUED', attempts = $2, error = $3, locked_by = NULL, locked_until = NULL, updated_at = $4, run_after = $5 WHERE id = $1`,
            [job.id, attempts, message, now, new Date(now.getTime() + retryDelayMs(attempts))],
          );
        }
      });
    } catch (recordError) {
      // The lease runs out and the job is taken over: nothing is lost, only delayed.
      log.error({ err: recordError }, "could not record a job failure");
    }
  }
}
