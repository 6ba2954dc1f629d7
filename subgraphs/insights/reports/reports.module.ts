import type { EntityManager } from "typeorm";

import type { IdempotencyKeys } from "../../../platform/idempotency/index.js";
import { repeatEvery, type Repeating } from "../../../platform/jobs/index.js";
import type { LedgerCategoryTree } from "../../../platform/read-models/index.js";
import { createFileStorage, type FileStorage, loadFileSettings } from "../../../platform/storage/index.js";
import type { SubgraphKit } from "../../../platform/subgraph/index.js";
import type { AccountStore } from "../accounts/account.store.js";
import type { NetWorthService } from "../networth/net-worth.service.js";
import type { UserSettingsStore } from "../settings/user-settings.store.js";
import { reportJobHandler } from "./report.job.js";
import { ReportService } from "./report.service.js";
import { ReportStore } from "./report.store.js";
import { ReportExpiry } from "./report-expiry.js";
import { ReportScheduleService } from "./schedules/report-schedule.service.js";
import { ReportScheduleStore } from "./schedules/report-schedule.store.js";
import { ReportScheduler } from "./schedules/report-scheduler.js";
import { TaxEstimateStore } from "./tax-estimate.store.js";

/** How often schedules are looked at: a scheduled report comes within this long of midnight on its day. */
const SCHEDULE_PASS_EVERY_MS = 15 * 60_000;
/** How often expired files are deleted: a file outlives its seven days by at most this. */
const EXPIRY_PASS_EVERY_MS = 60 * 60_000;

export interface ReportsReadModels {
  settings: UserSettingsStore;
  categories: LedgerCategoryTree;
  accounts: AccountStore;
  netWorth: NetWorthService;
  idempotency: IdempotencyKeys;
}

/** Reports as one part of insights: built once in `createInsights`, their timers stopped in `close`. */
export function createReports(kit: SubgraphKit, models: ReportsReadModels, options: { storage?: FileStorage; linkSecret?: string } = {}) {
  const { dataSource, clock, ids, outbox } = kit;
  const files = options.storage && options.linkSecret ? undefined : loadFileSettings();
  const storage = options.storage ?? createFileStorage();
  const store = new ReportStore(dataSource);
  const service = new ReportService(
    dataSource,
    clock,
    ids,
    outbox,
    kit.jobs,
    models.idempotency,
    store,
    options.linkSecret ?? files!.linkSecret,
  );
  const scheduleStore = new ReportScheduleStore(dataSource);
  const scheduler = new ReportScheduler(dataSource, clock, ids, scheduleStore, service, kit.logger.child({ job: "report-schedules" }));
  const expiry = new ReportExpiry(dataSource, clock, outbox, store, storage, kit.logger.child({ job: "report-expiry" }));
  const timers: Repeating[] = [
    repeatEvery(SCHEDULE_PASS_EVERY_MS, () => scheduler.pass(), kit.logger, "report schedule pass"),
    repeatEvery(EXPIRY_PASS_EVERY_MS, () => expiry.pass(), kit.logger, "report expiry pass"),
  ];
  const taxEstimates = new TaxEstimateStore();
  return {
    storage,
    store,
    service,
    schedules: new ReportScheduleService(dataSource, clock, ids, scheduleStore),
    scheduler,
    expiry,
    taxEstimates,
    job: reportJobHandler({ dataSource, clock, outbox, store, storage, ...models }),
    async stop(): Promise<void> {
      for (const timer of timers) await timer.stop();
    },
    /**
     * UserDeleted: the user's reports, their files and schedules (their jobs went first, see
     * userDeletionConsumer). Files are deleted inside the purge's transaction: if it then fails,
     * the retry deletes the rows, and a missing file is no error.
     */
    async purgeUser(manager: EntityManager, userId: string): Promise<void> {
      for (const key of await store.purgeUser(manager, userId)) await storage.delete(key);
      await scheduleStore.purgeUser(manager, userId);
    },
  };
}

export type Reports = ReturnType<typeof createReports>;
