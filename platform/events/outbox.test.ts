import { describe, expect, it } from "vitest";

import { statementManager } from "../testing/statement-manager.js";
import { FixedClock } from "../time/clock.js";
import { sequentialIds } from "../time/ids.js";
import { createEnvelope } from "./envelope.js";
import { Outbox, outboxChannel } from "./outbox.js";

type Topics = Record<string, { Happened: { seq: number } }>;

/** A transaction's manager that records each statement instead of running it. */
function recordingManager(isTransactionActive = true) {
  const statements: Array<{ sql: string; params: unknown[] }> = [];
  const manager = statementManager(async (sql, params) => void statements.push({ sql: sql.replace(/\s+/g, " ").trim(), params }), {
    isTransactionActive,
  });
  return { manager, statements };
}

describe("outbox", () => {
  it("writes a transaction's events in one statement that also wakes the schema's relay, and returns their envelopes", async () => {
    const clock = new FixedClock("2026-03-05T10:00:00Z");
    const outbox = new Outbox<Topics>("budgets", clock, sequentialIds());
    const { manager, statements } = recordingManager();
    const events: Array<{ topic: string; type: "Happened"; key: string; version?: number; data: { seq: number } }> = [
      { topic: "budgets.goal.v1", type: "Happened", key: "user-a", data: { seq: 1 } },
      { topic: "budgets.period.v1", type: "Happened", key: "user-b", version: 2, data: { seq: 2 } },
    ];
    const envelopes = await outbox.add(manager, "trace-9", events);

    const expected = events.map((e, i) => createEnvelope(e, "budgets", "trace-9", clock, sequentialIds(i + 1)));
    expect(envelopes).toEqual(expected);
    expect(statements).toHaveLength(1);
    const [{ sql, params }] = statements as [{ sql: string; params: unknown[] }];
    expect(sql).toContain(`INSERT INTO "budgets".outbox (id, topic, key, type, envelope, created_at)`);
    expect(sql).toContain(`SELECT pg_notify($2, '')`);
    expect(params).toHaveLength(2);
    expect(JSON.parse(params[0] as string)).toEqual([
      {
        id: expected[0]!.id,
        topic: "budgets.goal.v1",
        key: "user-a",
        type: "Happened",
        envelope: expected[0],
        created_at: "2026-03-05T10:00:00.000Z",
      },
      {
        id: expected[1]!.id,
        topic: "budgets.period.v1",
        key: "user-b",
        type: "Happened",
        envelope: expected[1],
        created_at: "2026-03-05T10:00:00.000Z",
      },
    ]);
    expect(params[1]).toBe("moneta_outbox_budgets");
    expect(outboxChannel("ledger")).toBe("moneta_outbox_ledger");
  });

  it("writes nothing and wakes no relay for no events", async () => {
    const { manager, statements } = recordingManager();
    expect(await new Outbox<Topics>("budgets", new FixedClock("2026-03-05T10:00:00Z"), sequentialIds()).add(manager, "t", [])).toEqual([]);
    expect(statements).toEqual([]);
  });

  it("refuses to write outside a transaction, where the event could outlive a rolled-back change", async () => {
    const outbox = new Outbox<Topics>("budgets", new FixedClock("2026-03-05T10:00:00Z"), sequentialIds());
    const { manager, statements } = recordingManager(false);
    const event = { topic: "budgets.goal.v1", type: "Happened", key: "user-a", data: { seq: 1 } } as const;
    await expect(outbox.add(manager, "t", [event])).rejects.toThrow("Outbox.add must run inside the transaction that makes the change");
    expect(statements).toEqual([]);
  });
});
