import type { EntityManager } from "typeorm";

import type { Outbox } from "../../../platform/events/index.js";
import { INSIGHTS_REPORT_TOPIC, REPORT_READY, REPORT_UPDATED, type ReportReadyV1 } from "../../../schema/events/insights.js";
import type { ReportRecord } from "./report.model.js";

/** `ReportUpdated` in the change's transaction: live `reportUpdated` subscribers re-read the report. */
export async function announceUpdate(outbox: Outbox, manager: EntityManager, traceId: string, id: string, userId: string): Promise<void> {
  await outbox.add(manager, traceId, [{ topic: INSIGHTS_REPORT_TOPIC, type: REPORT_UPDATED, key: userId, data: { id, userId } }]);
}

/** `ReportReady`, once, in the transaction that marks the report READY. */
export async function announceReady(
  outbox: Outbox,
  manager: EntityManager,
  traceId: string,
  r: ReportRecord,
  expiresAt: Date,
): Promise<void> {
  const data: ReportReadyV1 = {
    reportId: r.id,
    userId: r.userId,
    kind: r.kind,
    format: r.format,
    from: r.from,
    to: r.to,
    scheduled: r.scheduleId !== null,
    expiresAt: expiresAt.toISOString(),
  };
  await outbox.add(manager, traceId, [{ topic: INSIGHTS_REPORT_TOPIC, type: REPORT_READY, key: r.userId, data }]);
}
