import { describe, expect, it } from "vitest";

import type { ConsumedEvent } from "../../../platform/events/index.js";
import {
  type LedgerTransactionEvents,
  TRANSACTION_DELETED,
  TRANSACTION_POSTED,
  TRANSACTION_RESTORED,
  TRANSACTION_UPDATED,
  type TransactionSnapshotV1,
} from "../../../schema/events/ledger.js";
import { finalLines } from "./ledger-transactions.batch.js";

const snapshot = (transactionId: string, amounts: string[], over: Partial<TransactionSnapshotV1> = {}): TransactionSnapshotV1 => ({
  transactionId,
  userId: "u1",
  kind: "EXPENSE",
  accountId: "a1",
  amountMinor: "-1",
  currency: "EUR",
  counterAccountId: null,
  counterAmountMinor: null,
  counterCurrency: null,
  date: "2026-11-03",
  payee: "Shop",
  description: "Shop",
  notes: "",
  tags: [],
  status: "CLEARED",
  categoryId: null,
  splits: amounts.map((amountMinor) => ({ categoryId: "food", amountMinor, baseAmountMinor: amountMinor })),
  deleted: false,
  baseCurrency: "EUR",
  baseAmountMinor: "-1",
  ...over,
});

let n = 0;
const envelope = <T extends keyof LedgerTransactionEvents>(type: T, data: LedgerTransactionEvents[T]) =>
  ({
    id: `e${++n}`,
    type,
    version: 1,
    source: "ledger",
    key: "u1",
    occurredAt: "",
    traceId: `trace-${n}`,
    data,
  }) as ConsumedEvent<LedgerTransactionEvents>;
const posted = (s: TransactionSnapshotV1) => envelope(TRANSACTION_POSTED, s);
const updated = (before: TransactionSnapshotV1, after: TransactionSnapshotV1) =>
  envelope(TRANSACTION_UPDATED, { transactionId: after.transactionId, userId: after.userId, before, after });
const deleted = (s: TransactionSnapshotV1) => envelope(TRANSACTION_DELETED, { ...s, deleted: true });
const restored = (s: TransactionSnapshotV1) => envelope(TRANSACTION_RESTORED, s);

const amounts = (lines: Array<{ amountMinor: bigint }>) => lines.map((l) => l.amountMinor);

describe("a batch of ledger transaction events, folded into each transaction's final lines", () => {
  it("keeps the lines of each transaction's last event, and every version's lines as seen", () => {
    const t1 = snapshot("t1", ["-100"]);
    const t1Split = snapshot("t1", ["-70", "-50"]);
    const t2 = snapshot("t2", ["-5"]);
    const events = [posted(t1), posted(t2), updated(t1, t1Split)];
    const result = finalLines(events);
    expect(result.map((t) => [t.transactionId, amounts(t.lines), amounts(t.seen)])).toEqual([
      ["t1", [-70n, -50n], [-100n, -70n, -50n]],
      ["t2", [-5n], [-5n]],
    ]);
    expect(result.map((t) => t.traceId)).toEqual([events[2]!.traceId, events[1]!.traceId]);
  });

  it("leaves a deleted transaction no lines, and a restore after the deletion its lines again, whatever came before", () => {
    const t = snapshot("t3", ["-40"]);
    expect(finalLines([posted(t), deleted(t)]).map((r) => amounts(r.lines))).toEqual([[]]);
    expect(finalLines([posted(t), deleted(t), restored(t)]).map((r) => amounts(r.lines))).toEqual([[-40n]]);
    expect(finalLines([deleted(t)]).map((r) => [r.transactionId, r.userId, r.lines, r.seen])).toEqual([["t3", "u1", [], []]]);
  });

  it("takes an update's after side, and gives a transaction that became a transfer no lines", () => {
    const before = snapshot("t4", ["-10"]);
    const transfer = snapshot("t4", [], { kind: "TRANSFER" });
    expect(finalLines([updated(before, snapshot("t4", ["-25"]))]).map((r) => amounts(r.lines))).toEqual([[-25n]]);
    expect(finalLines([posted(before), updated(before, transfer)]).map((r) => [amounts(r.lines), amounts(r.seen)])).toEqual([[[], [-10n]]]);
  });

  it("returns nothing for no events", () => {
    expect(finalLines([])).toEqual([]);
  });
});
