import type { Logger } from "pino";
import type { DataSource } from "typeorm";

import type { Outbox } from "../../../platform/events/index.js";
import type { FileStorage } from "../../../platform/storage/index.js";
import type { Clock } from "../../../platform/time/index.js";
import { announceUpdate } from "./report.events.js";
import type { ReportStore } from "./report.store.js";

/** Reports expired per transaction: short locks, any backlog cleared over a few batches. */
const BATCH = 100;

/**
 * Deletes the files of reports past their seven days and marks them EXPIRED (announced, so a
 * screen showing one updates). The file goes first: if the transaction then fails, the next pass
 * finds the report again and deleting a missing file is no error.
 */
export class ReportExpiry {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly store: ReportStore,
    private readonly storage: FileStorage,
    private readonly logger: Logger,
  ) {}

  /** Returns how many reports expired. */
  async pass(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.dataSource.transaction(async (manager) => {
        const due = await this.store.lockExpired(manager, this.clock.now(), BATCH);
        for (const report of due) {
          if (report.storageKey) await this.storage.delete(report.storageKey);
          await this.store.markExpired(manager, report.id);
          await announceUpdate(this.outbox, manager, `report-expiry-${report.id}`, report.id, report.userId);
        }
        return due.length;
      });
      total += n;
      if (n < BATCH) break;
    }
    if (total > 0) this.logger.info({ expired: total }, "expired report files deleted");
    return total;
  }
}
