export type { OcrLine } from "./ocr-line.js";
export { type ExtractionHint, extractReceipt } from "./receipt-extraction.js";
export type { ExtractedField, ReceiptExtraction, ReceiptLineItem, ReceiptReader } from "./receipt-reader.js";
export { UnreadableReceiptError } from "./receipt-reader.js";
export { createReceiptReader, type ReceiptReaderOptions } from "./tesseract-receipt-reader.js";
