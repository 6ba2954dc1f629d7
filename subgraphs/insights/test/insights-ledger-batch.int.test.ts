import { randomUUID } from "node:crypto";

import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type EventEnvelope, Outbox } from "../../../platform/events/index.js";
import {
  BATCH_TEST_MODES,
  type ConsumerDatabase,
  consumeThroughBusBothWays,
  deliverBothWays,
  delivered,
  freshDatabase,
} from "../../../platform/testing/consumer-batch.js";
import { FixedClock, randomIds } from "../../../platform/time/index.js";
import type { TransactionSnapshotV1 } from "../../../schema/events/ledger.js";
import { deleted, LEDGER_TOPIC, posted, snapshot, updated } from "../../../test/harness/ledger-events.js";
import { AnomalyJob } from "../anomalies/anomaly.job.js";
import { AnomalyStore } from "../anomalies/anomaly.store.js";
import { CategorizerService } from "../categorizer/categorizer.service.js";
import { CategorizerStore } from "../categorizer/categorizer.store.js";
import { merchantKey } from "../categorizer/payee-tokens.js";
import { ledgerTransactionsConsumer } from "../events/ledger-transactions.handler.js";
import { Insights1796560000000 } from "../migrations/1796560000000-insights.js";
import { TransactionStore } from "../transactions/transaction.store.js";

const storage = { entities: [], migrations: [Insights1796560000000] };
const clock = new FixedClock("2026-02-10T12:00:00Z");

/** The consumer as the subgraph builds it: the store, then the categorizer and the anomaly marks. */
function consumerOn(db: ConsumerDatabase) {
  const ds = db.dataSource;
  const outbox = new Outbox("insights", clock, randomIds);
  const categorizer = new CategorizerService(new CategorizerStore(ds), outbox, clock);
  // Reacting to a change only marks the user; the scan's collaborators are not used here.
  const none = undefined as never;
  const anomalies = new AnomalyJob(ds, clock, new AnomalyStore(ds, randomIds), none, none, none, outbox, pino({ level: "silent" }));
  return ledgerTransactionsConsumer(new TransactionStore(ds), merchantKey, [categorizer, anomalies]);
}

/** Everything the consumer and its reactions leave (ids the outbox draws itself aside). */
async function state(db: ConsumerDatabase) {
  const q = (sql: string) => db.dataSource.query(sql);
  return {
    transactions: await q(
      `SELECT id, user_id, kind, account_id, date::text, payee, merchant_key, notes, category_id, amount_minor::text, currency,
              base_amount_minor::text, counter_account_id, counter_amount_minor::text FROM insights.transactions ORDER BY id`,
    ),
    lines: await q(`SELECT transaction_id, line, user_id, kind, date::text, category_id, merchant_key, base_amount_minor::text
                    FROM insights.lines ORDER BY transaction_id, line`),
    examples: await q(
      `SELECT transaction_id, user_id, category_id, tokens, weight FROM insights.categorizer_examples ORDER BY transaction_id`,
    ),
    categories: await q(
      `SELECT user_id, category_id, documents::text, tokens::text FROM insights.categorizer_categories ORDER BY user_id, category_id`,
    ),
    counts: await q(
      `SELECT user_id, category_id, token, count::text FROM insights.categorizer_counts ORDER BY user_id, category_id, token`,
    ),
    suggestions: await q(
      `SELECT transaction_id, user_id, category_id, confidence, suggested_at FROM insights.suggestions ORDER BY transaction_id`,
    ),
    announced: await q(
      `SELECT topic, key, type, envelope->'data' AS data, envelope->>'traceId' AS trace FROM insights.outbox ORDER BY seq`,
    ),
    anomalyMarks: await q(`SELECT user_id, dirty FROM insights.anomaly_scans ORDER BY user_id`),
    inbox: await q(`SELECT event_id::text FROM insights.inbox ORDER BY event_id`),
  };
}

const A = randomUUID();
const B = randomUUID();
const id = () => randomUUID();
const [coffee, fuel, salary] = [id(), id(), id()];
const categorised = (userId: string, payee: string, categoryId: string, over: Partial<TransactionSnapshotV1> = {}) =>
  snapshot(userId, id(), {
    payee,
    description: payee,
    categoryId,
    splits: [{ categoryId, amountMinor: "-1000", baseAmountMinor: "-1000" }],
    ...over,
  });

// Before the batch, in both databases: seven of the user's own choices, one short of the evidence
// the categorizer needs before it announces anything.
const learnt = [
  ...Array.from({ length: 4 }, () => categorised(A, "Coffee Bean", coffee)),
  ...Array.from({ length: 3 }, () => categorised(A, "Fuel Station", fuel)),
];
const earlier = learnt.map(posted);

// The batch: the eighth choice, then an uncategorised payment it makes the categorizer sure of
// (one by one it is suggested; a model read before learning the eighth would suggest nothing);
// one transaction posted by a rule, edited by the user and deleted; an earlier one recategorised;
// an applied suggestion (teaches nothing); a transfer; a post and an edit of one uncategorised
// payment (an edit is no post: suggested once at most); another user's income (no anomaly scan).
const eighth = categorised(A, "Coffee Bean", coffee);
const uncategorised = snapshot(A, id(), { payee: "Coffee Bean", description: "Coffee Bean" });
const ruled = categorised(A, "Fuel Station", fuel, { appliedRuleIds: [id()] });
const edited = {
  ...ruled,
  categoryId: coffee,
  splits: [{ categoryId: coffee, amountMinor: "-1000", baseAmountMinor: "-1000" }],
  appliedRuleIds: [],
};
const recategorised = { ...learnt[0]!, categoryId: fuel, splits: [{ categoryId: fuel, amountMinor: "-1000", baseAmountMinor: "-1000" }] };
const fuelToo = snapshot(A, id(), { payee: "Fuel Station", description: "Fuel Station" });
const fuelEdited = { ...fuelToo, notes: "diesel" };
const income = categorised(B, "Employer", salary, {
  kind: "INCOME",
  amountMinor: "500000",
  splits: [{ categoryId: salary, amountMinor: "500000", baseAmountMinor: "500000" }],
});
const batch: EventEnvelope[] = [
  posted(eighth),
  posted(uncategorised),
  posted(ruled),
  updated(ruled, edited),
  deleted(edited),
  updated(learnt[0]!, recategorised),
  posted(categorised(A, "Corner Shop", fuel, { categorySuggested: true })),
  posted(snapshot(A, id(), { kind: "TRANSFER", splits: [], counterAccountId: id(), counterAmountMinor: "1000" })),
  posted(fuelToo),
  updated(fuelToo, fuelEdited),
  posted(income),
];
const redelivered: EventEnvelope[] = [
  batch[1]!,
  posted(snapshot(A, id(), { payee: "Coffee Bean", description: "Coffee Bean" })),
  batch[4]!,
];

describe.each(BATCH_TEST_MODES)("insights' ledger transactions consumer as batches, on %s", (mode) => {
  let single: ConsumerDatabase;
  let batched: ConsumerDatabase;

  beforeAll(async () => {
    [single, batched] = [await freshDatabase(mode, "insights", storage), await freshDatabase(mode, "insights", storage)];
  });

  afterAll(async () => {
    await single?.close();
    await batched?.close();
  });

  it("leaves the transactions, the learning, the suggestions and the anomaly marks one by one would, in few statements", async () => {
    for (const db of [single, batched]) {
      await db.deliverOneByOne(consumerOn(db), delivered(LEDGER_TOPIC, earlier));
      // The anomaly job has scanned everyone: the batch must mark again exactly whom it concerns.
      await db.dataSource.query(`UPDATE insights.anomaly_scans SET dirty = false`);
    }
    const messages = delivered(LEDGER_TOPIC, batch);
    const { oneByOne, asBatch } = await deliverBothWays(single, batched, consumerOn, messages);
    console.info(`insights-ledger-transactions: ${oneByOne} statements one by one for ${batch.length} events, ${asBatch} as one batch`);

    const expected = await state(single);
    expect(await state(batched)).toEqual(expected);
    // What one by one leaves, spelt out: both uncategorised payments suggested once, the rule's
    // transaction forgotten, the suggestion applied taught nothing, only A is scanned again.
    expect(expected.suggestions.map((s: { transaction_id: string; category_id: string }) => [s.transaction_id, s.category_id])).toEqual(
      [
        [uncategorised.transactionId, coffee],
        [fuelToo.transactionId, fuel],
      ].sort(),
    );
    expect(expected.announced).toHaveLength(2);
    expect(expected.examples.map((e: { transaction_id: string }) => e.transaction_id)).toEqual(
      [...learnt, eighth, income].map((t) => t.transactionId).sort(),
    );
    expect(expected.examples.some((e: { transaction_id: string }) => e.transaction_id === ruled.transactionId)).toBe(false);
    expect(expected.anomalyMarks).toEqual([{ user_id: A, dirty: true }]);
    expect(asBatch).toBeLessThan(oneByOne / 3);
  });

  it("skips a redelivered batch, and the redelivered part of a batch with new events", async () => {
    const settled = await state(batched);
    await batched.deliverBatch(consumerOn(batched), delivered(LEDGER_TOPIC, batch));
    expect(await state(batched)).toEqual(settled);

    await single.deliverOneByOne(consumerOn(single), delivered(LEDGER_TOPIC, redelivered));
    await batched.deliverBatch(consumerOn(batched), delivered(LEDGER_TOPIC, redelivered));
    const after = await state(batched);
    expect(after).toEqual(await state(single));
    expect(after.suggestions).toHaveLength(3);
  });

  it("takes a batch of one user's new uncategorised payments (the lag benchmark's load) in a constant number of statements", async () => {
    const payments = Array.from({ length: 40 }, () =>
      posted(snapshot(A, id(), { payee: "Lag", description: "Lag", amountMinor: "-1234" })),
    );
    const messages = delivered(LEDGER_TOPIC, payments);
    const { oneByOne, asBatch } = await deliverBothWays(single, batched, consumerOn, messages);
    console.info(
      `insights-ledger-transactions, ${payments.length} new payments: ${oneByOne} statements one by one, ${asBatch} as one batch`,
    );
    expect(await state(batched)).toEqual(await state(single));
    // BEGIN, inbox, deleted users, the rows out, rows in, lines in, their examples, the user's model (two), the anomaly mark, COMMIT.
    expect(asBatch).toBeLessThanOrEqual(11);
  });

  it("through the bus, consumed with and without its batch form, leaves the same data", async () => {
    const events = [...earlier, ...batch, ...redelivered];
    const { handlersOnly, batches } = await consumeThroughBusBothWays({
      mode,
      schema: "insights",
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
