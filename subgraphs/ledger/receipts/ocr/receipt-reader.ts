/** A value read off a receipt and how sure the reader is of it (0..1). */
export interface ExtractedField<T> {
  value: T | null;
  confidence: number;
}

export interface ReceiptLineItem {
  description: string;
  /** Decimal string in major units as printed ("3.50"). */
  amount: string;
  confidence: number;
}

export interface ReceiptExtraction {
  /** The recognized text, for display and search. */
  text: string;
  merchant: ExtractedField<string>;
  /** YYYY-MM-DD. */
  date: ExtractedField<string>;
  /** Decimal strings in major units ("12.34"); the caller turns them into minor units with the currency. */
  total: ExtractedField<string>;
  /** ISO 4217 code. */
  currency: ExtractedField<string>;
  tax: ExtractedField<string>;
  lineItems: ReceiptLineItem[];
  /** How much this looks like a receipt at all; low for a photo of a cat. */
  confidence: number;
}

/** Thrown when the file cannot be decoded as an image or PDF (a corrupt file): the receipt FAILS with `reason`. */
export class UnreadableReceiptError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export interface ReceiptReader {
  read(file: Buffer, contentType: string): Promise<ReceiptExtraction>;
  close(): Promise<void>;
}
