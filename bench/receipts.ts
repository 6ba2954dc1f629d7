/**
 * `npm run bench:receipts`: OCR throughput of the receipt reader, in this process. BENCH_RECEIPTS
 * generated receipt photos (test-support/receipt-samples.ts: varied fonts, sizes, turn, blur, specks,
 * JPEG/PNG/WebP) go through one reader's Tesseract pool of BENCH_RECEIPT_WORKERS workers twice:
 * steady (one receipt in flight per worker) and as a burst (all queued at once, as a batch of
 * uploads would be). Reported: receipts per minute, and each receipt's time from being handed to
 * the reader to its extraction (preprocessing, waiting for a worker, recognition, extraction),
 * p50/p99. A first read starts the pool, so worker start-up (loading the model) is reported apart.
 * Then the whole path through the gateway (bench/receipts/upload-to-ready.ts): BENCH_RECEIPT_UPLOADS
 * receipts created, PUT to the upload route and read by the ledger's job until READY, p50/p99.
 *
 * Settings: BENCH_RECEIPTS (default 48), BENCH_RECEIPT_WORKERS (2: one per core here),
 * BENCH_RECEIPT_UPLOADS (default 12; the ledger's reader has its default 2 workers).
 */
import { createReceiptReader, type ReceiptReader } from "../subgraphs/ledger/receipts/ocr/index.js";
import { generateReceiptSamples, type ReceiptSample } from "../subgraphs/ledger/receipts/ocr/test-support/receipt-samples.js";
import { benchUploadToReady } from "./receipts/upload-to-ready.js";
import { ms, summarize } from "./stats.js";
import { positiveInteger } from "./support/settings.js";
import { mapBounded } from "./support/wait.js";

const RECEIPTS = positiveInteger("BENCH_RECEIPTS", 48);
const WORKERS = positiveInteger("BENCH_RECEIPT_WORKERS", 2);
const UPLOADS = positiveInteger("BENCH_RECEIPT_UPLOADS", 12);

interface Run {
  elapsed: number;
  latencies: number[];
  totalsRead: number;
}

async function run(samples: ReceiptSample[], inFlight: number, reader: ReceiptReader): Promise<Run> {
  const began = performance.now();
  let totalsRead = 0;
  const latencies = await mapBounded(samples, inFlight, async (sample) => {
    const queued = performance.now();
    const extraction = await reader.read(sample.file, sample.contentType);
    if (extraction.total.value === sample.truth.total) totalsRead += 1;
    return performance.now() - queued;
  });
  return { elapsed: performance.now() - began, latencies, totalsRead };
}

function report(label: string, { elapsed, latencies, totalsRead }: Run): void {
  const { n, p50, p99, max } = summarize(latencies);
  console.log(
    `${label}: ${n} receipts in ${ms(elapsed)} = ${((n / elapsed) * 60_000).toFixed(1)} receipts/min on ${WORKERS} workers; ` +
      `per receipt p50 ${ms(p50)}, p99 ${ms(p99)}, max ${ms(max)}; totals read right ${totalsRead}/${n}`,
  );
}

async function main(): Promise<void> {
  const samples = await generateReceiptSamples(RECEIPTS);
  const reader = createReceiptReader({ workers: WORKERS });
  try {
    const startup = performance.now();
    await reader.read(samples[0]!.file, samples[0]!.contentType);
    console.log(`pool of ${WORKERS} workers started and first receipt read in ${ms(performance.now() - startup)}`);

    // Steady: as many receipts in flight as workers, so each one's time is its own work.
    const steady = await run(samples, WORKERS, reader);
    report(`steady (${WORKERS} in flight)`, steady);
    // Burst: every receipt queued at once; each one's time includes waiting for a worker.
    const burst = await run(samples, samples.length, reader);
    report(`burst (${samples.length} queued at once)`, burst);
  } finally {
    await reader.close();
  }
  // The in-process reader is closed first, so the stack's reader has the cores to itself.
  await benchUploadToReady(UPLOADS <= samples.length ? samples.slice(0, UPLOADS) : await generateReceiptSamples(UPLOADS));
}

await main();
