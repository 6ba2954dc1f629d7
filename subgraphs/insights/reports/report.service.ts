import type { DataSource, EntityManager } from "typeorm";

import { badInput, conflict, notFound } from "../../../platform/errors/index.js";
import type { Outbox } from "../../../platform/events/index.js";
import type { IdempotencyKeys } from "../../../platform/idempotency/index.js";
import type { JobQueue } from "../../../platform/jobs/index.js";
import { FILE_LINK_TTL_SECONDS, signFileGrant } from "../../../platform/storage/index.js";
import { type Clock, type IdGenerator, isUuid } from "../../../platform/time/index.js";
import { announceUpdate } from "./report.events.js";
import { MAX_PENDING_REPORTS, ReportFormat, ReportKind, type ReportRecord, ReportStatus } from "./report.model.js";
import type { ReportStore } from "./report.store.js";
import { checkedReportRange } from "./report-range.js";

export const REPORT_JOB = "insights.report";

export interface ReportJobPayload {
  reportId: string;
  /** The request's (or the schedule pass's) trace id, carried by every event the job writes. */
  traceId: string;
}

export interface ReportRequest {
  kind: ReportKind;
  format: ReportFormat;
  from: string;
  to: string;
}

/** Path of the gateway's download route; the link is relative to the gateway's origin. */
export const DOWNLOAD_PATH = "/files";

/** Report requests: checked, capped, idempotent, queued as a job in the same transaction. */
export class ReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly outbox: Outbox,
    private readonly jobs: JobQueue,
    private readonly idempotency: IdempotencyKeys,
    private readonly store: ReportStore,
    private readonly linkSecret: string,
  ) {}

  checked(input: ReportRequest): ReportRequest {
    if (!Object.values(ReportKind).includes(input.kind)) throw badInput("unknown report kind", { field: "kind" });
    if (!Object.values(ReportFormat).includes(input.format)) throw badInput("unknown report format", { field: "format" });
    return { kind: input.kind, format: input.format, ...checkedReportRange(input.from, input.to) };
  }

  async generate(userId: string, input: ReportRequest & { idempotencyKey?: string | null }, traceId: string): Promise<ReportRecord> {
    const request = this.checked(input);
    const id = this.ids.next();
    return this.dataSource.transaction(async (manager) => {
      const replayOf = await this.idempotency.claim(manager, userId, input.idempotencyKey, "generateReport", request, id);
      if (replayOf) {
        const first = await this.store.get(userId, replayOf, manager);
        if (!first) throw conflict("what this idempotencyKey created has since been deleted; use a new key", { field: "idempotencyKey" });
        return first;
      }
      await this.queue(manager, userId, id, request, traceId, null);
      return (await this.store.get(userId, id, manager))!;
    });
  }

  /**
   * Inserts the report and its job in the caller's transaction, within the user's cap on reports
   * waiting or running. A scheduled one (`schedule`) is skipped, returning false, when its month
   * already has its report.
   */
  async queue(
    manager: EntityManager,
    userId: string,
    id: string,
    request: ReportRequest,
    traceId: string,
    schedule: { id: string; month: string } | null,
  ): Promise<boolean> {
    const pending = await this.store.lockAndCountPending(manager, userId);
    if (pending >= MAX_PENDING_REPORTS)
      throw badInput(`at most ${MAX_PENDING_REPORTS} reports may wait at once; try again when one is ready`, { field: "input" });
    const created = await this.store.insert(manager, {
      id,
      userId,
      ...request,
      scheduleId: schedule?.id ?? null,
      scheduleMonth: schedule?.month ?? null,
      createdAt: this.clock.now(),
    });
    if (!created) return false;
    await this.jobs.enqueue<ReportJobPayload>(manager, { kind: REPORT_JOB, userId, payload: { reportId: id, traceId } });
    await announceUpdate(this.outbox, manager, traceId, id, userId);
    return true;
  }

  /** The caller's report; another user's (or no) report is NOT_FOUND. */
  async get(userId: string, id: string): Promise<ReportRecord> {
    const report = isUuid(id) ? await this.store.get(userId, id) : null;
    if (!report) throw notFound("report");
    return report;
  }

  /**
   * A short-lived signed link to a READY report's file through the gateway: 15 minutes, or less
   * when the file goes sooner. Anyone holding it can download the file until then, so it is only
   * handed to the owner, and a fresh one is made on every read.
   */
  downloadUrl(report: ReportRecord): string | null {
    if (report.status !== ReportStatus.READY || !report.storageKey || !report.expiresAt || !report.contentType || !report.filename)
      return null;
    const now = this.clock.now().getTime();
    const expiresAt = Math.floor(Math.min(now + FILE_LINK_TTL_SECONDS * 1000, report.expiresAt.getTime()) / 1000);
    if (expiresAt * 1000 <= now) return null;
    const token = signFileGrant(
      { key: report.storageKey, userId: report.userId, expiresAt, contentType: report.contentType, filename: report.filename },
      this.linkSecret,
    );
    return `${DOWNLOAD_PATH}?token=${token}`;
  }
}
