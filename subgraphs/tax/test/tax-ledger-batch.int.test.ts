import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { EventEnvelope } from "../../../platform/events/index.js";
import {
  BATCH_TEST_MODES,
  type ConsumerDatabase,
  consumeThroughBusBothWays,
  deliverBothWays,
  delivered,
  freshDatabase,
} from "../../../platform/testing/consumer-batch.js";
import { deleted, LEDGER_TOPIC, posted, restored, snapshot, updated } from "../../../test/harness/ledger-events.js";
import { EstimateStore } from "../estimates/estimate.store.js";
import { ledgerTransactionsConsumer } from "../events/ledger-transactions.handler.js";
import { LedgerLineStore } from "../ledger-lines/ledger-line.store.js";
import { Tax1796550000000 } from "../migrations/1796550000000-tax.js";

const storage = { entities: [], migrations: [Tax1796550000000] };
const consumerOn = (db: ConsumerDatabase) =>
  ledgerTransactionsConsumer(new LedgerLineStore(db.dataSource), new EstimateStore(db.dataSource));

/** Everything the consumer leaves: every line, every estimate year and whether it waits for a new estimate, the inbox. */
async function state(db: ConsumerDatabase) {
  const q = (sql: string) => db.dataSource.query(sql);
  return {
    lines: await q(
      `SELECT transaction_id, line, user_id, kind, date::text, payee, category_id, amount_minor::text, currency, base_amount_minor::text, base_currency
       FROM tax.ledger_lines ORDER BY transaction_id, line`,
    ),
    estimates: await q(`SELECT user_id, year, dirty FROM tax.estimates ORDER BY user_id, year`),
    inbox: await q(`SELECT event_id::text FROM tax.inbox ORDER BY event_id`),
  };
}

const A = randomUUID();
const B = randomUUID();
const id = () => randomUUID();
const salary = "00000000-0000-4000-8000-0000000000c1";
const [a1, a2, a3, a4, a5, b1, b2] = [id(), id(), id(), id(), id(), id(), id()];

// Before the batch: three transactions, kept alike in both databases.
const a1v1 = snapshot(A, a1, { date: "2023-03-01", amountMinor: "-500" });
const b1v1 = snapshot(B, b1, { date: "2024-12-31", amountMinor: "-300" });
const earlier = [
  posted(a1v1),
  posted(
    snapshot(A, a2, {
      kind: "INCOME",
      date: "2025-01-05",
      amountMinor: "250000",
      splits: [{ categoryId: salary, amountMinor: "250000", baseAmountMinor: "250000" }],
    }),
  ),
  posted(b1v1),
];
// The batch: one transaction posted, moved to the next year and deleted; one moved back a year;
// a transfer (no lines); one deleted and restored; one in another currency; all of two users.
const a3v1 = snapshot(A, a3, {
  date: "2025-07-01",
  amountMinor: "-900",
  splits: [
    { categoryId: null, amountMinor: "-600", baseAmountMinor: "-600" },
    { categoryId: salary, amountMinor: "-300", baseAmountMinor: "-300" },
  ],
});
const a3v2 = { ...a3v1, date: "2026-01-02", payee: "Renamed" };
const batch: EventEnvelope[] = [
  posted(a3v1),
  updated(a3v1, a3v2),
  deleted(a3v2),
  updated(a1v1, { ...a1v1, date: "2022-05-05" }),
  posted(snapshot(B, b2, { kind: "TRANSFER", splits: [], counterAccountId: id(), counterAmountMinor: "100" })),
  deleted(b1v1),
  restored(b1v1),
  posted(
    snapshot(A, a4, { currency: "EUR", amountMinor: "-800", splits: [{ categoryId: null, amountMinor: "-800", baseAmountMinor: "-870" }] }),
  ),
];
// Then a redelivery of part of it next to a new event.
const redelivered: EventEnvelope[] = [batch[0]!, batch[3]!, posted(snapshot(A, a5, { date: "2021-02-02" })), batch[6]!];

describe.each(BATCH_TEST_MODES)("tax's ledger lines consumer as batches, on %s", (mode) => {
  let single: ConsumerDatabase;
  let batched: ConsumerDatabase;

  beforeAll(async () => {
    [single, batched] = [await freshDatabase(mode, "tax", storage), await freshDatabase(mode, "tax", storage)];
  });

  afterAll(async () => {
    await single?.close();
    await batched?.close();
  });

  it("leaves the lines and dirty estimate years one by one would, in a constant number of statements", async () => {
    for (const db of [single, batched]) {
      await db.deliverOneByOne(consumerOn(db), delivered(LEDGER_TOPIC, earlier));
      // The estimate job has recomputed every year: the batch must mark again exactly the years it touches.
      await db.dataSource.query(`UPDATE tax.estimates SET dirty = false`);
    }
    const messages = delivered(LEDGER_TOPIC, batch);
    const { oneByOne, asBatch } = await deliverBothWays(single, batched, consumerOn, messages);
    console.info(`tax-ledger-lines: ${oneByOne} statements one by one for ${batch.length} events, ${asBatch} as one batch`);

    const expected = await state(single);
    expect(await state(batched)).toEqual(expected);
    // What one by one leaves, spelt out: a3 is gone, a1 moved to 2022, b1 is back, a4 kept its base amount.
    expect(expected.lines.map((l: { transaction_id: string; date: string }) => [l.transaction_id, l.date]).sort()).toEqual(
      [
        [a1, "2022-05-05"],
        [a2, "2025-01-05"],
        [a4, "2025-06-01"],
        [b1, "2024-12-31"],
      ].sort(),
    );
    const dirty = (user: string) => expected.estimates.filter((e: { user_id: string; dirty: boolean }) => e.user_id === user && e.dirty);
    expect(dirty(A).map((e: { year: number }) => e.year)).toEqual([2022, 2023, 2025, 2026]);
    expect(dirty(B).map((e: { year: number }) => e.year)).toEqual([2024]);
    // BEGIN, inbox, deleted users, the lines out, the lines in, the years, COMMIT: whatever the batch's size.
    expect(asBatch).toBeLessThanOrEqual(7);
  });

  it("skips a redelivered batch, and the redelivered part of a batch with new events", async () => {
    const messages = delivered(LEDGER_TOPIC, batch);
    const settled = await state(batched);
    await batched.deliverBatch(consumerOn(batched), messages);
    expect(await state(batched)).toEqual(settled);

    await single.deliverOneByOne(consumerOn(single), delivered(LEDGER_TOPIC, redelivered));
    await batched.deliverBatch(consumerOn(batched), delivered(LEDGER_TOPIC, redelivered));
    expect(await state(batched)).toEqual(await state(single));
    expect((await state(batched)).lines.some((l: { transaction_id: string }) => l.transaction_id === a5)).toBe(true);
  });

  it("through the bus, consumed with and without its batch form, leaves the same data", async () => {
    const events = [...earlier, ...batch, ...redelivered];
    const { handlersOnly, batches } = await consumeThroughBusBothWays({
      mode,
      schema: "tax",
      storage,
      consumerOn,
      topic: LEDGER_TOPIC,
      events,
      state,
    });
    expect(handlersOnly.inbox).toHaveLength(new Set(events.map((e) => e.id)).size);
    expect(batches).toEqual(handlersOnly);
  });
});
