import { createReceiptReader as createOcrReader } from "./ocr/index.js";
import type { ReceiptReader } from "./ocr/receipt-reader.js";

// Tesseract's workers start on the first receipt read, so a ledger that never sees one pays nothing.
let factory: () => ReceiptReader = () => createOcrReader();

/**
 * Chooses the reader every ledger built afterwards uses (the subgraph is built by the platform from
 * its kit alone, so the reader is a setting, not an argument). Tests that assert the flow rather
 * than OCR install a deterministic one before starting the supergraph; Tesseract is the default.
 */
export function useReceiptReader(make: () => ReceiptReader): void {
  factory = make;
}

export function createReceiptReader(): ReceiptReader {
  return factory();
}
