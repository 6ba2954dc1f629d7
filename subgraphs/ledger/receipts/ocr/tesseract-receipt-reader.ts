/**
 * The Tesseract-backed ReceiptReader: a pool of tesseract.js workers (each a worker thread running
 * the WebAssembly engine), started on the first read so a process that never reads a receipt pays
 * nothing, and shared by every read so OCR runs off the request path at most `workers` at a time.
 * The English model comes from @tesseract.js-data/eng on disk: nothing is downloaded or cached.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

import { createScheduler, createWorker, OEM, type Page, PSM, type Scheduler } from "tesseract.js";

import type { OcrLine } from "./ocr-line.js";
import { type ExtractionHint, extractReceipt } from "./receipt-extraction.js";
import { type PreprocessOptions, preprocessReceiptImage } from "./receipt-image.preprocess.js";
import type { ReceiptExtraction, ReceiptReader } from "./receipt-reader.js";

export interface ReceiptReaderOptions {
  /** Tesseract workers (threads); one per core OCR-ing at once. Default: 2. */
  workers?: number;
  /** Page segmentation: a receipt is one column of lines of varying size. */
  pageSegmentation?: PSM;
  preprocess?: PreprocessOptions;
  hint?: ExtractionHint;
}

/** The best_int model: the LSTM weights as 8-bit integers, about as accurate as "best" and faster. */
const LANG_PATH = join(dirname(createRequire(import.meta.url).resolve("@tesseract.js-data/eng/package.json")), "4.0.0_best_int");

export function createReceiptReader(options: ReceiptReaderOptions = {}): ReceiptReader {
  const size = Math.max(1, options.workers ?? 2);
  let pool: Promise<Scheduler> | null = null;

  const start = async (): Promise<Scheduler> => {
    const scheduler = createScheduler();
    const workers = await Promise.all(
      Array.from({ length: size }, () =>
        // cacheMethod "none": read the model from the package each time a worker starts, write no copy.
        createWorker("eng", OEM.LSTM_ONLY, { langPath: LANG_PATH, cacheMethod: "none", gzip: true }),
      ),
    );
    for (const worker of workers) {
      await worker.setParameters({
        tessedit_pageseg_mode: options.pageSegmentation ?? PSM.SINGLE_COLUMN,
        preserve_interword_spaces: "1",
        // Tesseract's notes ("Estimating resolution as ...") would go to the server's stderr.
        debug_file: "/dev/null",
      });
      scheduler.addWorker(worker);
    }
    return scheduler;
  };

  return {
    async read(file, contentType): Promise<ReceiptExtraction> {
      const image = await preprocessReceiptImage(file, contentType, options.preprocess);
      pool ??= start();
      const scheduler = await pool;
      const { data } = await scheduler.addJob("recognize", image, {}, { text: true, blocks: true });
      return extractReceipt(linesOf(data), options.hint);
    },
    async close(): Promise<void> {
      const running = pool;
      pool = null;
      if (running) await (await running).terminate();
    },
  };
}

/** Lines top to bottom, each with the mean confidence of its words. */
function linesOf(page: Page): OcrLine[] {
  const lines: OcrLine[] = [];
  for (const block of page.blocks ?? [])
    for (const paragraph of block.paragraphs)
      for (const line of paragraph.lines) {
        const text = line.text.replace(/\s+$/, "");
        if (text.trim().length === 0 || line.words.length === 0) continue;
        const confidence = line.words.reduce((sum, word) => sum + word.confidence, 0) / line.words.length / 100;
        lines.push({ text, confidence });
      }
  return lines;
}
