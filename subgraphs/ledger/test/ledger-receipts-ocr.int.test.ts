/**
 * Receipts end to end with the real reader (Tesseract, the default: no useReceiptReader here):
 * generated receipt photos go through the gateway's upload route, are read in the ledger's job and
 * become drafts whose payee, date and amount are the receipt's known truth; confirming posts them.
 * The samples are seeded and chosen among those the reader gets right every run.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import { createFileStorage } from "../../../platform/storage/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { ledgerClient } from "../../../test/harness/ledger-client.js";
import { liveClients } from "../../../test/harness/live-client.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import type { LedgerDeps } from "../ledger.deps.js";
import { corruptFile, generateReceiptSamples, type ReceiptSample } from "../receipts/ocr/test-support/receipt-samples.js";
import { receiptStorageKey } from "../receipts/receipt.service.js";

/** Sample indexes: a JPEG in USD, a JPEG in EUR (comma decimals or a dotted date), a PNG in USD. */
const CHOSEN = [0, 2, 4];
const READ_TIMEOUT_MS = 90_000;

const CREATE = `mutation($input: CreateReceiptUploadInput!) { createReceiptUpload(input: $input) { receiptId uploadUrl } }`;
const RECEIPT = `query($id: ID!) { receipt(id: $id) { id status failureReason
  draft { payee date amount { amount currency } } transaction { id receipts { id } } } }`;
const CONFIRM = `mutation($input: ConfirmReceiptInput!) { confirmReceipt(input: $input) {
  status transaction { id payee date amount { amount currency } receipts { id } } } }`;
const LIVE = `subscription($id: ID!) { receiptUpdated(id: $id) { id status } }`;
const ORDER = ["AWAITING_UPLOAD", "UPLOADED", "PROCESSING", "READY"];

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

describe.each(modes)("receipts read by Tesseract on %s", (_mode, config) => {
  let sg: TestSupergraph;
  let ledger: ReturnType<typeof ledgerClient>;
  let alice: RegisteredUser;
  let origin: string;
  let samples: ReceiptSample[];
  const accounts = new Map<string, string>();
  const live = liveClients(() => sg);

  const deps = () => sg.subgraph<LedgerDeps>("ledger").deps;
  const sql = (text: string, params: unknown[]) => sg.subgraph("ledger").kit.dataSource.query(text, params);
  /** Create → PUT through the gateway; answers the receipt's id. */
  const upload = async (user: RegisteredUser, file: Buffer, contentType: string, beforePut?: (id: string) => Promise<void>) => {
    const link = (await ledger.ok(user, CREATE, { input: { contentType, size: file.length } })).createReceiptUpload;
    await beforePut?.(link.receiptId);
    const response = await fetch(`${origin}${link.uploadUrl}`, {
      method: "PUT",
      headers: { ...user.headers, "content-type": contentType },
      body: new Uint8Array(file),
    });
    expect(response.status).toBe(201);
    return link.receiptId as string;
  };
  /** Polls the ledger's own store, not the gateway (its rate limit); OCR on two loaded cores is slow. */
  const settled = (user: RegisteredUser, id: string) =>
    eventually(
      async () => {
        const row = await deps().receipts.find(user.id, id);
        expect(["READY", "FAILED"]).toContain(row?.status);
        return row!;
      },
      { timeoutMs: READ_TIMEOUT_MS, intervalMs: 200 },
    );
  const receipt = async (user: RegisteredUser, id: string) => (await ledger.ok(user, RECEIPT, { id })).receipt;

  beforeAll(async () => {
    samples = await generateReceiptSamples(Math.max(...CHOSEN) + 1);
    sg = await startTestSupergraph(config());
    origin = new URL(sg.gateway.url).origin;
    ledger = ledgerClient(sg);
    alice = await sg.register("Alice");
    for (const currency of new Set(CHOSEN.map((i) => samples[i]!.truth.currency)))
      accounts.set(currency, await sg.createAccount(alice, currency));
  });

  afterAll(async () => {
    await live.closeAll();
    await sg?.close();
  });

  it(
    "reads generated receipts into drafts with their true payee, date and amount; confirming posts each once with the receipt attached",
    async () => {
      const chosen = CHOSEN.map((i) => samples[i]!);
      const subscriptions: ReturnType<typeof live.subscribe>[] = [];
      const ids: string[] = [];
      // One after another, so each subscription is known open before its file arrives; the readings overlap in the job.
      for (const sample of chosen)
        ids.push(
          await upload(alice, sample.file, sample.contentType, async (id) => {
            const before = sg.gateway.liveStats().subscriptions;
            subscriptions.push(live.subscribe(alice, LIVE, { id }));
            await eventually(() => expect(sg.gateway.liveStats().subscriptions).toBe(before + 1));
          }),
        );
      for (const id of ids) expect((await settled(alice, id)).status).toBe("READY");

      for (const [i, sample] of chosen.entries()) {
        const { truth } = sample;
        const ready = await receipt(alice, ids[i]!);
        expect(ready, sample.name).toMatchObject({
          status: "READY",
          failureReason: null,
          draft: { payee: truth.merchant, date: truth.date, amount: { amount: `-${truth.total}`, currency: truth.currency } },
          transaction: null,
        });
        const confirmed = (await ledger.ok(alice, CONFIRM, { input: { receiptId: ids[i], accountId: accounts.get(truth.currency) } }))
          .confirmReceipt;
        expect(confirmed, sample.name).toMatchObject({
          status: "READY",
          transaction: {
            payee: truth.merchant,
            date: truth.date,
            amount: { amount: `-${truth.total}`, currency: truth.currency },
            receipts: [{ id: ids[i] }],
          },
        });
      }
      const posted = await sql(`SELECT count(*)::int AS n FROM ledger.transactions WHERE user_id = $1`, [alice.id]);
      expect(posted[0].n).toBe(chosen.length);

      // Each subscriber heard its receipt's statuses in order, ending at READY (a quick step may be missed).
      for (const subscription of subscriptions) {
        await eventually(() => expect(subscription.results.at(-1)?.data?.receiptUpdated?.status).toBe("READY"));
        const statuses: string[] = subscription.results.map((r) => r.data.receiptUpdated.status);
        const distinct = statuses.filter((s, k) => s !== statuses[k - 1]);
        const positions = distinct.map((s) => ORDER.indexOf(s));
        expect(positions.every((p) => p >= 0)).toBe(true);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
        expect(distinct.at(-1)).toBe("READY");
      }
    },
    3 * READ_TIMEOUT_MS,
  );

  it(
    "fails a corrupt file with a reason and no draft",
    async () => {
      const id = await upload(alice, await corruptFile(), "image/jpeg");
      expect((await settled(alice, id)).status).toBe("FAILED");
      const failed = await receipt(alice, id);
      expect(failed).toMatchObject({ status: "FAILED", draft: null, transaction: null });
      expect(failed.failureReason).toEqual(expect.stringMatching(/\w+/));
    },
    READ_TIMEOUT_MS + 10_000,
  );

  it(
    "UserDeleted purges the user's receipts: rows and stored files",
    async () => {
      const carol = await sg.register("Carol");
      const sample = samples[CHOSEN[0]!]!;
      const account = await sg.createAccount(carol, sample.truth.currency);
      const read = await upload(carol, sample.file, sample.contentType);
      const waiting = (await ledger.ok(carol, CREATE, { input: { contentType: "image/png", size: 100 } })).createReceiptUpload.receiptId;
      expect((await settled(carol, read)).status).toBe("READY");
      await ledger.ok(carol, CONFIRM, { input: { receiptId: read, accountId: account } });
      // The ledger's file store, opened the same way the subgraph opens it.
      const storage = createFileStorage();
      const stored = await storage.get(receiptStorageKey(carol.id, read));
      expect(stored).not.toBeNull();
      stored!.destroy();
      const count = async () => (await sql(`SELECT count(*)::int AS n FROM ledger.receipts WHERE user_id = $1`, [carol.id]))[0].n as number;
      expect(await count()).toBe(2);

      const deleted = await sg.query(`mutation($p: String!) { deleteAccount(password: $p) }`, { p: carol.password }, carol.headers);
      expect(deleted.data?.deleteAccount).toBe(true);
      await eventually(async () => {
        expect(await count()).toBe(0);
        expect(await storage.get(receiptStorageKey(carol.id, read))).toBeNull();
        expect(await storage.get(receiptStorageKey(carol.id, waiting))).toBeNull();
      });
      // Alice's receipts are untouched.
      expect((await sql(`SELECT count(*)::int AS n FROM ledger.receipts WHERE user_id = $1`, [alice.id]))[0].n).toBeGreaterThan(0);
    },
    READ_TIMEOUT_MS + 30_000,
  );
});
