import { topicName } from "../../../platform/events/index.js";

export const TRANSACTION_TOPIC = topicName("ledger", "transaction");

/** `TransactionPosted` v1 payload. Amounts travel as strings of minor units: JSON has no bigint. */
export interface TransactionPostedV1 {
  transactionId: string;
  userId: string;
  amountMinor: string;
  currency: string;
  date: string;
  description: string;
}
