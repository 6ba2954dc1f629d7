import type { ReceiptExtraction, ReceiptReader } from "./ocr/receipt-reader.js";
import { UnreadableReceiptError } from "./ocr/receipt-reader.js";

/** Stands in until an OCR reader is configured: every receipt FAILS with a reason that says so. */
class NoReceiptReader implements ReceiptReader {
  async read(): Promise<ReceiptExtraction> {
    throw new UnreadableReceiptError("receipt reading is not available on this server");
  }

  async close(): Promise<void> {}
}

let factory: () => ReceiptReader = () => new NoReceiptReader();

/**
 * Chooses the reader every ledger built afterwards uses (the subgraph is built by the platform from
 * its kit alone, so the reader is a setting, not an argument). Tests install a deterministic one
 * before starting the supergraph; the OCR reader is the default.
 */
export function useReceiptReader(make: () => ReceiptReader): void {
  factory = make;
}

export function createReceiptReader(): ReceiptReader {
  return factory();
}
