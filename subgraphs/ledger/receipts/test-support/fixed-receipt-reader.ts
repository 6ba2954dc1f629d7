import { type ReceiptExtraction, type ReceiptReader, UnreadableReceiptError } from "../ocr/receipt-reader.js";

const field = <T>(value: T | null, confidence = 0.9) => ({ value, confidence });

/** A reading with the given fields, as a confident OCR reader would answer for a clear receipt. */
export function extraction(fields: {
  merchant?: string;
  date?: string;
  total?: string;
  currency?: string;
  confidence?: number;
}): ReceiptExtraction {
  return {
    text: `${fields.merchant ?? ""}\n${fields.date ?? ""}\nTOTAL ${fields.total ?? ""}`,
    merchant: field(fields.merchant ?? null),
    date: field(fields.date ?? null),
    total: field(fields.total ?? null, 0.95),
    currency: field(fields.currency ?? null),
    tax: field(null, 0),
    lineItems: fields.total ? [{ description: "Item", amount: fields.total, confidence: 0.8 }] : [],
    confidence: fields.confidence ?? 0.9,
  };
}

/**
 * Deterministic stand-in for OCR in tests: the file's bytes after the magic number name a reading
 * (`#name`, looked up in `readings`); `#corrupt` is a file that cannot be decoded.
 */
export class FixedReceiptReader implements ReceiptReader {
  readonly calls: string[] = [];

  constructor(private readonly readings: Record<string, ReceiptExtraction>) {}

  async read(file: Buffer): Promise<ReceiptExtraction> {
    const name = /#([a-z0-9-]+)/.exec(file.toString("latin1"))?.[1] ?? "";
    this.calls.push(name);
    if (name === "corrupt") throw new UnreadableReceiptError("the image data is truncated");
    return this.readings[name] ?? extraction({ confidence: 0.05 });
  }

  async close(): Promise<void> {}
}
