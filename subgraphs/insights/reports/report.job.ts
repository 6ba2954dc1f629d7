import type { DataSource, EntityManager } from "typeorm";

import type { Outbox } from "../../../platform/events/index.js";
import { type JobExecution, type JobHandler, type JobRecord, type JobStepResult, maskedJobError } from "../../../platform/jobs/index.js";
import type { LedgerCategoryTree } from "../../../platform/read-models/index.js";
import type { FileStorage } from "../../../platform/storage/index.js";
import type { Clock } from "../../../platform/time/index.js";
import type { AccountStore } from "../accounts/account.store.js";
import type { NetWorthService } from "../networth/net-worth.service.js";
import type { UserSettingsStore } from "../settings/user-settings.store.js";
import { LocaleFormat } from "./render/locale-format.js";
import { announceReady, announceUpdate } from "./report.events.js";
import {
  CONTENT_TYPES,
  REPORT_RETENTION_MS,
  reportFilename,
  ReportFormat,
  ReportKind,
  type ReportRecord,
  ReportStatus,
  reportStorageKey,
} from "./report.model.js";
import { REPORT_JOB, type ReportJobPayload } from "./report.service.js";
import type { ReportStore } from "./report.store.js";
import { type ReportOutput, reportOutput } from "./report-output.js";
import { categoryReport } from "./sources/category.source.js";
import { overviewCharts } from "./sources/overview.js";
import type { PreparedReport, ReportBlock, SourceContext } from "./sources/report-source.js";
import { statementReport } from "./sources/statement.source.js";
import { taxYearReport } from "./sources/tax.source.js";

export interface ReportJobDeps {
  dataSource: DataSource;
  clock: Clock;
  outbox: Outbox;
  store: ReportStore;
  storage: FileStorage;
  settings: UserSettingsStore;
  categories: LedgerCategoryTree;
  accounts: AccountStore;
  netWorth: NetWorthService;
}

/** How long one step renders before committing its progress: short transactions, frequent progress. */
export const STEP_BUDGET_MS = 250;

const PENDING = new Set([ReportStatus.QUEUED, ReportStatus.RUNNING]);

/**
 * Renders a report in the background. `open` reads the report's small aggregates (the charts'
 * figures, balances before the range, the work to do); step 1 marks it RUNNING; each next step
 * writes blocks for up to STEP_BUDGET_MS (a statement's postings a page of rows at a time, read in
 * the step's transaction) into the file, which streams into storage as it grows; the last ends the
 * file, waits for storage, and marks it READY with `ReportReady`. Every step commits its progress
 * and `ReportUpdated`. A run that dies starts the file over: a half-written file is not resumable,
 * and the next run's put replaces it whole.
 */
export function reportJobHandler(deps: ReportJobDeps): JobHandler<ReportJobPayload, { started: boolean }> {
  return {
    kind: REPORT_JOB,
    open: async (job) => new ReportRun(deps, job, await prepare(deps, job)),
    failed: async (manager, job, message) => {
      const report = job.userId ? await deps.store.get(job.userId, job.payload.reportId, manager) : null;
      if (!report || !PENDING.has(report.status)) return;
      await deps.store.setStatus(manager, report.id, ReportStatus.FAILED, report.progress, reportFailure(job.id, message));
      await announceUpdate(deps.outbox, manager, job.payload.traceId, report.id, report.userId);
    },
  };
}

/**
 * What the report's owner reads when it FAILED: a client error's own words; for anything else
 * (storage, the database) what to do next and the job id that finds the log line, never the cause.
 */
export function reportFailure(jobId: string, message: string): string {
  if (message !== maskedJobError(undefined, jobId)) return message;
  return `the report could not be made; please generate it again (reference ${jobId})`;
}

async function prepare(
  deps: ReportJobDeps,
  job: JobRecord<ReportJobPayload>,
): Promise<{ report: ReportRecord; prepared: PreparedReport } | null> {
  const report = job.userId ? await deps.store.get(job.userId, job.payload.reportId) : null;
  if (!report || !PENDING.has(report.status)) return null;
  const settings = await deps.settings.get(report.userId);
  const ctx: SourceContext = {
    userId: report.userId,
    from: report.from,
    to: report.to,
    format: report.format,
    settings,
    fmt: new LocaleFormat(settings.locale),
    categories: await deps.categories.list(report.userId),
  };
  const overview = async (): Promise<ReportBlock[]> =>
    report.format === ReportFormat.PDF ? overviewCharts(deps.dataSource, deps.netWorth, ctx) : [];
  switch (report.kind) {
    case ReportKind.MONTHLY_STATEMENT:
      return { report, prepared: await statementReport(deps.dataSource, deps.accounts, ctx, await overview()) };
    case ReportKind.CATEGORY_REPORT:
      return { report, prepared: await categoryReport(deps.dataSource, ctx, await overview()) };
    case ReportKind.TAX_YEAR:
      return { report, prepared: await taxYearReport(deps.dataSource, ctx) };
  }
}

class ReportRun implements JobExecution<{ started: boolean }> {
  private output?: ReportOutput;
  private upload?: Promise<{ size: number }>;
  private uploadError?: unknown;
  private blocks?: AsyncGenerator<ReportBlock>;
  private manager?: EntityManager;
  private unitsDone = 0;
  private finished = false;
  private lastAnnounced = -1;

  constructor(
    private readonly deps: ReportJobDeps,
    private readonly job: JobRecord<ReportJobPayload, { started: boolean }>,
    private readonly work: { report: ReportRecord; prepared: PreparedReport } | null,
  ) {}

  private get traceId() {
    return this.job.payload.traceId;
  }

  async step(manager: EntityManager): Promise<JobStepResult<{ started: boolean }>> {
    if (!this.work) return { cursor: { started: true }, done: true };
    const { report, prepared } = this.work;
    this.manager = manager;
    if (!this.output) return this.begin(manager, report, prepared);
    const until = performance.now() + STEP_BUDGET_MS;
    while (performance.now() < until) {
      if (this.uploadError) throw this.uploadError;
      const next = await this.blocks!.next();
      if (next.done) return this.finish(manager, report);
      if (next.value.type === "rows") this.unitsDone += next.value.units;
      await this.output.write(next.value);
    }
    const progress = Math.min(0.95, 0.05 + (0.9 * this.unitsDone) / Math.max(1, prepared.units));
    await this.deps.store.setProgress(manager, report.id, Number(progress.toFixed(3)));
    if (progress - this.lastAnnounced >= 0.05) {
      this.lastAnnounced = progress;
      await announceUpdate(this.deps.outbox, manager, this.traceId, report.id, report.userId);
    }
    return { cursor: { started: true }, progress: { progress }, done: false };
  }

  private async begin(
    manager: EntityManager,
    report: ReportRecord,
    prepared: PreparedReport,
  ): Promise<JobStepResult<{ started: boolean }>> {
    await this.deps.store.setStatus(manager, report.id, ReportStatus.RUNNING, 0.05);
    await announceUpdate(this.deps.outbox, manager, this.traceId, report.id, report.userId);
    this.output = reportOutput(report.format, prepared.csvColumns, reportFilename(report.kind, report.format, report.from, report.to));
    this.upload = this.deps.storage.put(reportStorageKey(report.userId, report.id, report.format), this.output.stream);
    // A store that gives up without reading the rest must not leave a write waiting for "drain":
    // the stream is destroyed with the store's error, which rejects that wait (the listener keeps
    // the error from being unhandled once the store has stopped listening).
    this.upload.catch((error: unknown) => {
      this.uploadError = error;
      const stream = this.output!.stream;
      stream.on("error", () => undefined);
      stream.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    this.blocks = prepared.blocks(() => this.manager!);
    return { cursor: { started: true }, progress: { progress: 0.05 }, done: false };
  }

  private async finish(manager: EntityManager, report: ReportRecord): Promise<JobStepResult<{ started: boolean }>> {
    this.output!.end();
    const { size } = await this.upload!;
    this.finished = true;
    const readyAt = this.deps.clock.now();
    const expiresAt = new Date(readyAt.getTime() + REPORT_RETENTION_MS);
    await this.deps.store.setReady(
      manager,
      report.id,
      {
        storageKey: reportStorageKey(report.userId, report.id, report.format),
        contentType: CONTENT_TYPES[report.format],
        filename: reportFilename(report.kind, report.format, report.from, report.to),
        sizeBytes: size,
      },
      readyAt,
      expiresAt,
    );
    await announceUpdate(this.deps.outbox, manager, this.traceId, report.id, report.userId);
    await announceReady(this.deps.outbox, manager, this.traceId, report, expiresAt);
    return { cursor: { started: true }, progress: { progress: 1 }, done: true };
  }

  /** A run that stops early abandons its file: the upload is aborted and leaves nothing behind. */
  async close(): Promise<void> {
    await this.blocks?.return(undefined);
    if (this.output && !this.finished) {
      this.output.stream.destroy(new Error("report run stopped"));
      await this.upload?.catch(() => undefined);
    }
  }
}
