import type { ConsumerDefinition } from "../../../platform/events/index.js";
import { LEDGER_SCHEDULE_TOPIC, type LedgerScheduleEvents, SCHEDULE_DELETED, SCHEDULE_SAVED } from "../../../schema/events/ledger.js";
import type { ScheduleStore } from "../schedules/schedule.store.js";

/** The ledger's recurring transactions, each saved event whole. */
export function ledgerSchedulesConsumer(schedules: ScheduleStore): ConsumerDefinition<LedgerScheduleEvents> {
  return {
    name: "insights-ledger-schedules",
    topics: [LEDGER_SCHEDULE_TOPIC],
    handlers: {
      [SCHEDULE_SAVED]: (event, manager) => schedules.upsert(manager, event.data),
      [SCHEDULE_DELETED]: (event, manager) => schedules.remove(manager, event.data.userId, event.data.scheduleId),
    },
  };
}
