import { ANOMALY_DETECTED, type InsightsAnomalyEvents } from "../../../../schema/events/insights.js";
import type { NotificationSource } from "./notification-source.js";

/** insights.anomaly.v1, insights' own announcement, consumed from the topic like any other. */
export const insightsAnomaliesSource: NotificationSource<InsightsAnomalyEvents> = {
  [ANOMALY_DETECTED]: ({ data: a }) => [
    { userId: a.userId, kind: "ANOMALY", data: { anomalyId: a.anomalyId, anomalyKind: a.kind, explanation: a.explanation } },
  ],
};
