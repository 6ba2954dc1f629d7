import { describe, expect, it } from "vitest";

import type { ConsumedEvent } from "../../../platform/events/index.js";
import type { LedgerTransactionEvents } from "../../../schema/events/ledger.js";
import { deleted, posted, restored, snapshot, updated } from "../../../test/harness/ledger-events.js";
import { fromSnapshot, type InsightTransaction } from "../transactions/insight-transaction.js";
import { changesOf, lastVersions, versionsOf } from "./ledger-transactions.batch.js";

const key = (payee: string) => payee.toLowerCase();
const versions = (...events: unknown[]) => versionsOf(events as Array<ConsumedEvent<LedgerTransactionEvents>>, key);
const kept = (s: ReturnType<typeof snapshot>): InsightTransaction => fromSnapshot(s, key)!.transaction;

describe("a batch of ledger transaction events, as insights' changes", () => {
  const v1 = snapshot("u1", "t1", { payee: "Shop" });
  const v2 = { ...v1, payee: "Other Shop" };

  it("chains each event's before to the previous event of its transaction: a post, then an edit, then a deletion", () => {
    const batch = versions(posted(v1), updated(v1, v2), deleted(v2));
    const changes = changesOf(batch, new Map(), false).map(({ change }) => [
      change.before?.payee ?? null,
      change.now?.payee ?? null,
      change.posted,
    ]);
    expect(changes).toEqual([
      [null, "Shop", true],
      ["Shop", "Other Shop", false],
      ["Other Shop", null, false],
    ]);
    // The store keeps the last version only: none, for a transaction deleted by the batch.
    expect(lastVersions(batch)).toEqual([{ userId: "u1", id: "t1", now: null }]);
  });

  it("starts a transaction kept before the batch from its stored row: a post of it again is no new post", () => {
    const changes = changesOf(versions(posted(v2)), new Map([["t1", kept(v1)]]), false);
    expect(changes.map(({ change }) => [change.before?.payee, change.now?.payee, change.posted])).toEqual([["Shop", "Other Shop", false]]);
  });

  it("posts nothing new in a rebuild, restores are no posts, and each change keeps its own event's flags and trace", () => {
    const ruled = { ...v1, appliedRuleIds: ["r1"] };
    const events = [posted(ruled), deleted(ruled), restored({ ...v1, categorySuggested: true })];
    const changes = changesOf(versions(...events), new Map(), false);
    expect(changes.map(({ change }) => [change.posted, change.fromRule, change.suggested])).toEqual([
      [true, true, false],
      [false, true, false],
      [false, false, true],
    ]);
    expect(changes.map((c) => c.traceId)).toEqual(events.map((e) => e.traceId));
    expect(changesOf(versions(posted(v1)), new Map(), true)[0]!.change.posted).toBe(false);
  });

  it("keeps transactions apart, each with its last version, in the order they first came", () => {
    const other = snapshot("u2", "t2");
    const batch = versions(posted(v1), posted(other), updated(v1, v2));
    expect(lastVersions(batch).map((r) => [r.id, r.userId, r.now?.transaction.payee])).toEqual([
      ["t1", "u1", "Other Shop"],
      ["t2", "u2", "Corner Shop"],
    ]);
  });
});
