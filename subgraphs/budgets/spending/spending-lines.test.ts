import { describe, expect, it } from "vitest";

import type { TransactionSnapshotV1 } from "../../../schema/events/ledger.js";
import { linesOf } from "./spending-lines.js";

const snapshot = (over: Partial<TransactionSnapshotV1> = {}): TransactionSnapshotV1 => ({
  transactionId: "t1",
  userId: "u1",
  kind: "EXPENSE",
  accountId: "a1",
  amountMinor: "-5000",
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
  splits: [
    { categoryId: "food", amountMinor: "-3000", baseAmountMinor: "-3240" },
    { categoryId: null, amountMinor: "-2000", baseAmountMinor: "-2161" },
  ],
  deleted: false,
  baseCurrency: "USD",
  baseAmountMinor: "-5401",
  ...over,
});

describe("spending lines", () => {
  it("makes one line per split, in base and own currency", () => {
    expect(linesOf(snapshot()).map((l) => [l.line, l.categoryId, l.amountMinor, l.baseAmountMinor])).toEqual([
      [0, "food", -3000n, -3240n],
      [1, null, -2000n, -2161n],
    ]);
  });

  it("makes none for a transfer or a deleted transaction, and keeps an unpriced line as null", () => {
    expect(linesOf(snapshot({ kind: "TRANSFER", splits: [] }))).toEqual([]);
    expect(linesOf(snapshot({ deleted: true }))).toEqual([]);
    expect(
      linesOf(snapshot({ splits: [{ categoryId: "food", amountMinor: "-5000", baseAmountMinor: null }] }))[0]!.baseAmountMinor,
    ).toBeNull();
  });
});
