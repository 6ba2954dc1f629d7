import type { EntityManager } from "typeorm";

import type { Clock } from "../time/clock.js";
import type { IdGenerator } from "../time/ids.js";
import type { NewJob } from "./job.js";

/** NOTIFY channel the job runners of one subgraph schema listen on. */
export const jobsChannel = (schema: string) => `moneta_jobs_${schema}`;

/**
 * Puts jobs on a subgraph's `jobs` table inside the caller's transaction: the job exists if and
 * only if the change that asked for it committed. The NOTIFY is delivered on commit and wakes
 * every runner of the schema (this instance's and others') at once.
 */
export class JobQueue {
  constructor(
    private readonly schema: string,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async enqueue<P>(manager: EntityManager, job: NewJob<P>): Promise<string> {
    if (!manager.queryRunner?.isTransactionActive)
      throw new Error("JobQueue.enqueue must run inside the transaction that asks for the job");
    const id = job.id ?? this.ids.next();
    const now = this.clock.now();
    await manager.query(
      `INSERT INTO "${this.schema}".jobs (id, user_id, kind, status, payload, run_after, created_at, updated_at)
       VALUES ($1, $2, $3, 'QUEUED', $4::jsonb, $5, $5, $5)`,
      [id, job.userId, job.kind, JSON.stringify(job.payload), now],
    );
    await manager.query(`SELECT pg_notify($1, '')`, [jobsChannel(this.schema)]);
    return id;
  }

  /** A user's jobs and their state go with the user (see userDeletionConsumer). */
  static async purgeUser(manager: EntityManager, schema: string, userId: string): Promise<void> {
    await manager.query(`DELETE FROM "${schema}".jobs WHERE user_id = $1`, [userId]);
  }
}
