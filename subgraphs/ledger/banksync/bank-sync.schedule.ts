import type { Logger } from "pino";
import type { DataSource } from "typeorm";

import type { JobQueue, Repeating } from "../../../platform/jobs/index.js";
import { repeatEvery } from "../../../platform/jobs/index.js";
import type { Clock } from "../../../platform/time/index.js";
import type { BankSyncConfig } from "./bank-sync.config.js";
import { BANK_SYNC_JOB, type BankSyncPayload } from "./bank-sync.job.js";

/** Connections queued per pass; the rest wait for the next pass. */
const CLAIM_BATCH = 100;

/**
 * Every `pollMs`, each instance claims the connections due (`FOR UPDATE SKIP LOCKED`, so two
 * instances never take the same one), moves their next sync `everyMs` ahead and queues one sync job
 * each, all in one transaction: a connection is queued once per window across instances.
 * Connections waiting for the user (NEEDS_ATTENTION) or disconnected have no next sync.
 */
export function scheduleBankSyncs(dataSource: DataSource, jobs: JobQueue, clock: Clock, config: BankSyncConfig, logger: Logger): Repeating {
  return repeatEvery(config.pollMs, () => queueDue(dataSource, jobs, clock, config), logger, "bank sync schedule");
}

export async function queueDue(dataSource: DataSource, jobs: JobQueue, clock: Clock, config: BankSyncConfig): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const now = clock.now();
    const due: Array<{ id: string; user_id: string }> = await manager.query(
      `SELECT id, user_id FROM ledger.bank_connections
       WHERE next_sync_at <= $1 AND status IN ('ACTIVE', 'ERROR')
       ORDER BY next_sync_at LIMIT ${CLAIM_BATCH} FOR UPDATE SKIP LOCKED`,
      [now],
    );
    if (due.length === 0) return 0;
    await manager.query(`UPDATE ledger.bank_connections SET next_sync_at = $2 WHERE id = ANY($1::uuid[])`, [
      due.map((d) => d.id),
      new Date(now.getTime() + config.everyMs),
    ]);
    for (const d of due) {
      const payload: BankSyncPayload = { connectionId: d.id, traceId: `bank-sync-${d.id}` };
      await jobs.enqueue(manager, { kind: BANK_SYNC_JOB, userId: d.user_id, payload });
    }
    return due.length;
  });
}
