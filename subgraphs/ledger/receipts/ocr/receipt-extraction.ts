/**
 * Receipt fields from recognized lines. Pure: the OCR engine produces lines, this reads them.
 * The currency is read first because it hints whether a date like 03/04/2026 is day first.
 */
import type { OcrLine } from "./ocr-line.js";
import { dayFirstFor, receiptCurrency } from "./receipt-currency.parse.js";
import { receiptDate } from "./receipt-date.parse.js";
import { receiptMerchant } from "./receipt-merchant.parse.js";
import type { ReceiptExtraction } from "./receipt-reader.js";
import { receiptFigures } from "./receipt-totals.parse.js";

export interface ExtractionHint {
  /** The user's locale prints dates day first; overrides the currency's habit when given. */
  dayFirst?: boolean;
}

export function extractReceipt(lines: OcrLine[], hint: ExtractionHint = {}): ReceiptExtraction {
  const currency = receiptCurrency(lines);
  const dayFirst = hint.dayFirst ?? dayFirstFor(currency.value);
  const date = receiptDate(lines, { dayFirst });
  const merchant = receiptMerchant(lines);
  const figures = receiptFigures(lines);
  return {
    text: lines.map((line) => line.text).join("\n"),
    merchant,
    date,
    total: figures.total,
    currency,
    tax: figures.tax,
    lineItems: figures.lineItems,
    confidence: receiptLikeness(lines, figures.pricedLines, [merchant, date, figures.total, currency]),
  };
}

/**
 * How much the page looks like a receipt: a total, a date and several priced lines say so; the OCR
 * confidence scales it so noise that happens to read as "1.00" stays low.
 */
function receiptLikeness(lines: OcrLine[], pricedLines: number, fields: { value: unknown; confidence: number }[]): number {
  if (lines.length === 0) return 0;
  const [merchant, date, total, currency] = fields.map((field) => (field.value === null ? 0 : field.confidence)) as [
    number,
    number,
    number,
    number,
  ];
  const meanOcr = lines.reduce((sum, line) => sum + line.confidence, 0) / lines.length;
  const evidence = 0.35 * total + 0.2 * date + 0.15 * merchant + 0.1 * currency + 0.2 * Math.min(1, pricedLines / 3);
  return Math.round(evidence * Math.sqrt(meanOcr) * 1000) / 1000;
}
