import { type InsightsWebhookEvents, WEBHOOK_ENDPOINT_DISABLED } from "../../../../schema/events/insights.js";
import type { NotificationSource } from "./notification-source.js";

/** insights.webhook.v1: an endpoint disabled after repeated failures; its owner is told. */
export const insightsWebhooksSource: NotificationSource<InsightsWebhookEvents> = {
  [WEBHOOK_ENDPOINT_DISABLED]: ({ data: w }) => [
    {
      userId: w.userId,
      kind: "WEBHOOK_DISABLED",
      data: {
        endpointId: w.endpointId,
        url: w.url,
        reason: w.reason,
        consecutiveFailures: w.consecutiveFailures,
        disabledAt: w.disabledAt,
      },
    },
  ],
};
