import { type InsightsForecastEvents, NEGATIVE_BALANCE_PROJECTED } from "../../../../schema/events/insights.js";
import type { NotificationSource } from "./notification-source.js";

/** insights.forecast.v1: an account projected below zero. */
export const insightsForecastSource: NotificationSource<InsightsForecastEvents> = {
  [NEGATIVE_BALANCE_PROJECTED]: ({ data: f }) => [
    {
      userId: f.userId,
      kind: "NEGATIVE_BALANCE_PROJECTED",
      data: {
        accountId: f.accountId,
        currency: f.currency,
        firstDate: f.firstDate,
        lowestBalanceMinor: f.lowestBalanceMinor,
        lowestDate: f.lowestDate,
      },
    },
  ],
};
