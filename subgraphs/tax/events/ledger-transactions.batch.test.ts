import { describe, expect, it } from "vitest";

import type { ConsumedEvent } from "../../../platform/events/index.js";
import type { LedgerTransactionEvents } from "../../../schema/events/ledger.js";
import { deleted, posted, restored, snapshot, updated } from "../../../test/harness/ledger-events.js";
import { taxLinesAfter } from "./ledger-transactions.batch.js";

const fold = (...events: unknown[]) => taxLinesAfter(events as Array<ConsumedEvent<LedgerTransactionEvents>>);
const dates = (lines: Array<{ date: string }>) => lines.map((l) => l.date);

describe("a batch of ledger transaction events, folded into each transaction's tax lines", () => {
  it("keeps the last version's lines, and the dates of every version, so each year a version was in is marked", () => {
    const v1 = snapshot("u1", "t1", { date: "2025-12-30" });
    const v2 = { ...v1, date: "2026-01-02" };
    const [t1] = fold(posted(v1), updated(v1, v2));
    expect(dates(t1!.lines)).toEqual(["2026-01-02"]);
    expect(dates(t1!.seen)).toEqual(["2025-12-30", "2026-01-02"]);
    expect(t1!.lines[0]).toMatchObject({ transactionId: "t1", userId: "u1", kind: "EXPENSE", amountMinor: -1000n, currency: "USD" });
  });

  it("leaves a deleted transaction no lines but its years to mark, and a restored one its lines", () => {
    const t = snapshot("u1", "t2", { date: "2024-04-04" });
    expect(fold(posted(t), deleted(t)).map((r) => [dates(r.lines), dates(r.seen)])).toEqual([[[], ["2024-04-04"]]]);
    expect(fold(deleted(t), restored(t)).map((r) => dates(r.lines))).toEqual([["2024-04-04"]]);
  });

  it("gives a transfer no lines, and each transaction its own entry, users kept apart", () => {
    const transfer = snapshot("u1", "t3", { kind: "TRANSFER", splits: [] });
    const other = snapshot("u2", "t4", {
      splits: [
        { categoryId: null, amountMinor: "-400", baseAmountMinor: "-400" },
        { categoryId: null, amountMinor: "-600", baseAmountMinor: null },
      ],
    });
    const result = fold(posted(transfer), posted(other));
    expect(result.map((r) => [r.transactionId, r.userId, r.lines.length])).toEqual([
      ["t3", "u1", 0],
      ["t4", "u2", 2],
    ]);
    expect(result[1]!.lines.map((l) => [l.line, l.amountMinor, l.baseAmountMinor])).toEqual([
      [0, -400n, -400n],
      [1, -600n, null],
    ]);
  });
});
