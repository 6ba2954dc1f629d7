/**
 * The reader end to end on generated receipt photos (fonts, sizes, turn, blur, specks, JPEG/PNG/WebP)
 * whose truth is known: field accuracy must stay at least what was measured, less a margin of about
 * two receipts. Measured on 24 receipts: total 23/24, date 24/24, merchant 24/24.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { UnreadableReceiptError } from "./receipt-reader.js";
import { createReceiptReader } from "./tesseract-receipt-reader.js";
import { corruptFile, generateReceiptSamples, nonReceiptImage, type ReceiptSample } from "./test-support/receipt-samples.js";

const MINIMUM = { total: 0.85, date: 0.85, merchant: 0.9 };
const comparable = (name: string | null) => (name ?? "").toLowerCase().replace(/[^a-z0-9]/g, "");

describe("the Tesseract receipt reader", () => {
  const reader = createReceiptReader({ workers: 2 });
  let samples: ReceiptSample[];

  beforeAll(async () => {
    samples = await generateReceiptSamples(24);
  });
  afterAll(() => reader.close());

  it("reads total, date and merchant off generated receipts at least as well as measured", { timeout: 150_000 }, async () => {
    const results = await Promise.all(samples.map((sample) => reader.read(sample.file, sample.contentType)));
    const share = (hit: (i: number) => boolean) => samples.filter((_, i) => hit(i)).length / samples.length;
    const accuracy = {
      total: share((i) => results[i]!.total.value === samples[i]!.truth.total),
      date: share((i) => results[i]!.date.value === samples[i]!.truth.date),
      merchant: share((i) => comparable(results[i]!.merchant.value) === comparable(samples[i]!.truth.merchant)),
      tax: share((i) => results[i]!.tax.value === samples[i]!.truth.tax),
      currency: share((i) => results[i]!.currency.value === samples[i]!.truth.currency),
    };
    console.info(`receipt field accuracy over ${samples.length} generated receipts`, accuracy);
    expect(accuracy.total).toBeGreaterThanOrEqual(MINIMUM.total);
    expect(accuracy.date).toBeGreaterThanOrEqual(MINIMUM.date);
    expect(accuracy.merchant).toBeGreaterThanOrEqual(MINIMUM.merchant);
    // Every receipt looks like one.
    for (const result of results) expect(result.confidence).toBeGreaterThan(0.3);
  });

  it("reads a picture that is not a receipt with low confidence and no total", { timeout: 60_000 }, async () => {
    const result = await reader.read(await nonReceiptImage(), "image/jpeg");
    expect(result.total.value).toBeNull();
    expect(result.confidence).toBeLessThan(0.2);
  });

  it("fails a corrupt file, an unsupported type and a PDF with a reason", async () => {
    await expect(reader.read(await corruptFile(), "image/jpeg")).rejects.toThrow(UnreadableReceiptError);
    await expect(reader.read(Buffer.from("%PDF-1.7"), "application/pdf")).rejects.toThrow(/PDF receipts cannot be read/);
    await expect(reader.read(Buffer.from("GIF89a"), "image/gif")).rejects.toThrow(/JPEG, PNG or WebP/);
  });
});
