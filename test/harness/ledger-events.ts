import { randomUUID } from "node:crypto";

import type { EventEnvelope } from "../../platform/events/index.js";
import {
  LEDGER_TRANSACTION_TOPIC,
  TRANSACTION_DELETED,
  TRANSACTION_POSTED,
  TRANSACTION_RESTORED,
  TRANSACTION_UPDATED,
  type TransactionSnapshotV1,
} from "../../schema/events/ledger.js";

/** Ledger transaction events as the ledger publishes them, for consumer tests that feed them in directly. */
export const LEDGER_TOPIC = LEDGER_TRANSACTION_TOPIC;

/** An expense of one split (amounts in minor units, negative: money out), with `over` changed. */
export function snapshot(userId: string, transactionId: string, over: Partial<TransactionSnapshotV1> = {}): TransactionSnapshotV1 {
  const amountMinor = over.amountMinor ?? "-1000";
  return {
    transactionId,
    userId,
    kind: "EXPENSE",
    accountId: "00000000-0000-4000-8000-0000000000ac",
    amountMinor,
    currency: "USD",
    counterAccountId: null,
    counterAmountMinor: null,
    counterCurrency: null,
    date: "2025-06-01",
    payee: "Corner Shop",
    description: "Corner Shop",
    notes: "",
    tags: [],
    status: "CLEARED",
    categoryId: null,
    splits: [{ categoryId: null, amountMinor, baseAmountMinor: amountMinor }],
    deleted: false,
    baseCurrency: "USD",
    baseAmountMinor: amountMinor,
    ...over,
  };
}

function envelope(type: string, key: string, data: unknown): EventEnvelope {
  return {
    id: randomUUID(),
    type,
    version: 1,
    source: "ledger",
    key,
    occurredAt: "2026-02-10T12:00:00.000Z",
    traceId: `trace-${randomUUID()}`,
    data,
  };
}

export const posted = (s: TransactionSnapshotV1) => envelope(TRANSACTION_POSTED, s.userId, s);
export const restored = (s: TransactionSnapshotV1) => envelope(TRANSACTION_RESTORED, s.userId, s);
export const deleted = (s: TransactionSnapshotV1) => envelope(TRANSACTION_DELETED, s.userId, { ...s, deleted: true });
export const updated = (before: TransactionSnapshotV1, after: TransactionSnapshotV1) =>
  envelope(TRANSACTION_UPDATED, after.userId, { transactionId: after.transactionId, userId: after.userId, before, after });
