import { type InsightsReportEvents, REPORT_READY } from "../../../../schema/events/insights.js";
import type { NotificationSource } from "./notification-source.js";

/** insights.report.v1: a report can be downloaded (link /reports/<id>); progress updates are not notified. */
export const insightsReportsSource: NotificationSource<InsightsReportEvents> = {
  [REPORT_READY]: ({ data: r }) => [
    {
      userId: r.userId,
      kind: "REPORT_READY",
      data: {
        reportId: r.reportId,
        reportKind: r.kind,
        format: r.format,
        from: r.from,
        to: r.to,
        scheduled: r.scheduled,
        expiresAt: r.expiresAt,
      },
    },
  ],
};
