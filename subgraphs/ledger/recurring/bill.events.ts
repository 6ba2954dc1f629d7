import { topicName } from "../../../platform/events/index.js";

export const BILL_TOPIC = topicName("ledger", "bill");

/** `BillDue` v1: an expense schedule's next occurrence is `remindDaysBefore` days away (insights notifies). */
export interface BillDueV1 {
  scheduleId: string;
  userId: string;
  accountId: string;
  dueDate: string;
  amountMinor: string;
  currency: string;
  payee: string;
}
