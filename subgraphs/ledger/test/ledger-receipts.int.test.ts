import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PlatformConfig } from "../../../platform/config/index.js";
import { eventually } from "../../../platform/testing/eventually.js";
import { embeddedConfig, realServicesConfig } from "../../../platform/testing/services.js";
import { ledgerClient } from "../../../test/harness/ledger-client.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "../../../test/harness/supergraph.js";
import type { LedgerDeps } from "../ledger.deps.js";
import { useReceiptReader } from "../receipts/receipt-reader.setting.js";
import { extraction, FixedReceiptReader } from "../receipts/test-support/fixed-receipt-reader.js";

const reader = new FixedReceiptReader({
  cafe: extraction({ merchant: "Cafe Central", date: "2026-03-10", total: "12.40", currency: "EUR" }),
  market: extraction({ merchant: "REWE Markt", date: "2026-03-12", total: "45.00", currency: "EUR" }),
  other: extraction({ merchant: "Bakery", date: "2026-03-14", total: "3.20", currency: "EUR" }),
});
useReceiptReader(() => reader);

const JPEG = (name: string) =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), Buffer.from(`JFIF#${name}#`), Buffer.alloc(64, 7)]);
const RECEIPT_FIELDS = `id status contentType size failureReason viewUrl
  extraction { confidence merchant { value confidence } total { value confidence } date { value } }
  draft { payee date amount { amount currency } categoryId }
  suggestedMatch { id } transaction { id payee amount { amount currency } source receipts { id } }`;
const CREATE = `mutation($input: CreateReceiptUploadInput!) { createReceiptUpload(input: $input) { receiptId uploadUrl expiresAt receipt { status } } }`;
const CONFIRM = `mutation($input: ConfirmReceiptInput!) { confirmReceipt(input: $input) { ${RECEIPT_FIELDS} } }`;

const modes: Array<[string, () => PlatformConfig]> = [
  ["real PostgreSQL, Redis and Kafka", () => realServicesConfig()],
  ["embedded defaults", () => embeddedConfig()],
];

describe.each(modes)("receipts on %s", (_mode, config) => {
  let sg: TestSupergraph;
  let ledger: ReturnType<typeof ledgerClient>;
  let alice: RegisteredUser;
  let bob: RegisteredUser;
  let account: string;
  let origin: string;

  const deps = () => sg.subgraph<LedgerDeps>("ledger").deps;
  const put = (user: RegisteredUser, url: string, body: Buffer, contentType = "image/jpeg") =>
    fetch(`${origin}${url}`, { method: "PUT", headers: { ...user.headers, "content-type": contentType }, body: new Uint8Array(body) });
  const create = async (user: RegisteredUser, size: number, contentType = "image/jpeg") =>
    (await ledger.ok(user, CREATE, { input: { contentType, size } })).createReceiptUpload;
  /** Polls the ledger's own store, not the gateway (its rate limit). */
  const settled = (user: RegisteredUser, id: string) =>
    eventually(
      async () => {
        const row = await deps().receipts.find(user.id, id);
        expect(["READY", "FAILED"]).toContain(row?.status);
        return row!;
      },
      { timeoutMs: 30_000 },
    );
  const receipt = async (user: RegisteredUser, id: string) =>
    (await ledger.ok(user, `query($id: ID!) { receipt(id: $id) { ${RECEIPT_FIELDS} } }`, { id })).receipt;
  const uploaded = async (user: RegisteredUser, name: string) => {
    const body = JPEG(name);
    const link = await create(user, body.length);
    const response = await put(user, link.uploadUrl, body);
    expect(response.status).toBe(201);
    await settled(user, link.receiptId);
    return link.receiptId as string;
  };

  beforeAll(async () => {
    sg = await startTestSupergraph(config());
    origin = new URL(sg.gateway.url).origin;
    ledger = ledgerClient(sg);
    alice = await sg.register("Alice");
    bob = await sg.register("Bob");
    account = await sg.createAccount(alice, "EUR");
  });

  afterAll(async () => {
    await sg?.close();
  });

  it("uploads, reads, drafts and confirms into one transaction with the receipt attached, viewable through its link", async () => {
    const body = JPEG("cafe");
    const link = await create(alice, body.length);
    expect(link.receipt.status).toBe("AWAITING_UPLOAD");
    expect(link.uploadUrl).toMatch(/^\/uploads\?token=/);
    const response = await put(alice, link.uploadUrl, body);
    expect(response.status).toBe(201);
    expect(((await response.json()) as any).completeReceiptUpload.status).toBe("UPLOADED");
    await settled(alice, link.receiptId);
    const ready = await receipt(alice, link.receiptId);
    expect(ready).toMatchObject({
      status: "READY",
      size: body.length,
      extraction: { confidence: 0.9, merchant: { value: "Cafe Central", confidence: 0.9 }, total: { value: "12.40" } },
      draft: { payee: "Cafe Central", date: "2026-03-10", amount: { amount: "-12.40", currency: "EUR" }, categoryId: null },
      suggestedMatch: null,
      transaction: null,
    });

    const confirmed = (await ledger.ok(alice, CONFIRM, { input: { receiptId: link.receiptId, accountId: account } })).confirmReceipt;
    expect(confirmed.transaction).toMatchObject({
      payee: "Cafe Central",
      amount: { amount: "-12.40", currency: "EUR" },
      source: "RECEIPT",
      receipts: [{ id: link.receiptId }],
    });
    const view = await fetch(`${origin}${confirmed.viewUrl}`);
    expect(view.status).toBe(200);
    expect(view.headers.get("content-type")).toBe("image/jpeg");
    expect(Buffer.from(await view.arrayBuffer()).equals(body)).toBe(true);

    // Confirming twice posts nothing more.
    const again = await sg.query(CONFIRM, { input: { receiptId: link.receiptId, accountId: account } }, alice.headers);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", field: "receiptId" });
    const posted = await sg
      .subgraph("ledger")
      .kit.dataSource.query(`SELECT count(*)::int AS n FROM ledger.transactions WHERE user_id = $1`, [alice.id]);
    expect(posted[0].n).toBe(1);
  });

  it("suggests a matching existing transaction (amount ± 1 %, date ± 3 days), and attaches to it", async () => {
    const existing = (
      await ledger.ok(alice, `mutation($input: PostTransactionInput!) { postTransaction(input: $input) { id } }`, {
        input: { accountId: account, amount: { amount: "-45.30", currency: "EUR" }, date: "2026-03-14", payee: "Rewe" },
      })
    ).postTransaction.id;
    const id = await uploaded(alice, "market");
    expect((await receipt(alice, id)).suggestedMatch).toEqual({ id: existing });
    const attached = (
      await ledger.ok(alice, `mutation($input: AttachReceiptInput!) { attachReceipt(input: $input) { ${RECEIPT_FIELDS} } }`, {
        input: { receiptId: id, transactionId: existing },
      })
    ).attachReceipt;
    // Attaching proof to a transaction the user posted leaves it MANUAL.
    expect(attached.transaction).toMatchObject({ id: existing, source: "MANUAL", receipts: [{ id }] });
  });

  it("refuses unsupported types and sizes at create, with fields", async () => {
    const pdfOk = await sg.query(CREATE, { input: { contentType: "application/pdf", size: 100 } }, alice.headers);
    expect(pdfOk.errors).toBeUndefined();
    const gif = await sg.query(CREATE, { input: { contentType: "image/gif", size: 100 } }, alice.headers);
    expect(gif.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "contentType" });
    const huge = await sg.query(CREATE, { input: { contentType: "image/png", size: 10 * 1024 * 1024 + 1 } }, alice.headers);
    expect(huge.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "size" });
  });

  it("refuses at the route: wrong type 415, wrong bytes 415, larger than declared 413, reused 403, another user 403, no token 403", async () => {
    const body = JPEG("other");
    const link = await create(alice, body.length);
    expect((await put(alice, link.uploadUrl, body, "image/png")).status).toBe(415);
    expect((await put(alice, link.uploadUrl, Buffer.from("GIF89a not a jpeg at all"))).status).toBe(415);
    const tooBig = await put(alice, link.uploadUrl, Buffer.concat([body, Buffer.alloc(10)]));
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as any).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect((await put(bob, link.uploadUrl, body)).status).toBe(403);
    expect((await put(alice, "/uploads?token=forged.token", body)).status).toBe(403);
    // Refusals leave the link usable once.
    expect((await put(alice, link.uploadUrl, body)).status).toBe(201);
    const reused = await put(alice, link.uploadUrl, body);
    expect(reused.status).toBe(403);
    expect(((await reused.json()) as any).error.code).toBe("UPLOAD_TOKEN_USED");
  });

  it("refuses an expired link with 410", async () => {
    const link = await create(alice, 100);
    // The gateway checks expiry with its own clock: sign a link that is already past its time instead.
    const { signUploadGrant, loadFileSettings } = await import("../../../platform/storage/index.js");
    const token = signUploadGrant(
      {
        key: `receipts/${alice.id}/${link.receiptId}`,
        userId: alice.id,
        targetId: link.receiptId,
        contentType: "image/jpeg",
        maxBytes: 100,
        expiresAt: Math.floor(Date.now() / 1000) - 1,
      },
      loadFileSettings().linkSecret,
    );
    const response = await put(alice, `/uploads?token=${token}`, JPEG("other"));
    expect(response.status).toBe(410);
    expect(((await response.json()) as any).error.code).toBe("UPLOAD_TOKEN_EXPIRED");
  });

  it("a corrupt file FAILS with a reason; a photo that is no receipt is READY without a draft", async () => {
    const corrupt = await uploaded(alice, "corrupt");
    expect(await receipt(alice, corrupt)).toMatchObject({ status: "FAILED", failureReason: "the image data is truncated", draft: null });
    const cat = await uploaded(alice, "cat");
    expect(await receipt(alice, cat)).toMatchObject({
      status: "READY",
      failureReason: null,
      draft: null,
      extraction: { confidence: 0.05 },
    });
  });

  it("keeps receipts to their owner: another user's receipt is null / NOT_FOUND everywhere", async () => {
    const id = await uploaded(alice, "other");
    expect(await receipt(bob, id)).toBeNull();
    const bobAccount = await sg.createAccount(bob, "EUR");
    const confirm = await sg.query(CONFIRM, { input: { receiptId: id, accountId: bobAccount } }, bob.headers);
    expect(confirm.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const foreignAccount = await sg.query(CONFIRM, { input: { receiptId: id, accountId: bobAccount } }, alice.headers);
    expect(foreignAccount.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const del = await sg.query(`mutation($id: ID!) { deleteReceipt(id: $id) }`, { id }, bob.headers);
    expect(del.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    expect((await ledger.ok(alice, `mutation($id: ID!) { deleteReceipt(id: $id) }`, { id })).deleteReceipt).toBe(true);
    expect(await receipt(alice, id)).toBeNull();
  });
});
