/**
 * The merchant: the first strong line at the top of a receipt, before its address, phone and date.
 * A line counts as strong when it is mostly letters and is not a greeting, a document title or an
 * address; ALL-CAPS names are title-cased so "BLUE FERN CAFE" and "Blue Fern Cafe" agree.
 */
import type { OcrLine } from "./ocr-line.js";
import type { ExtractedField } from "./receipt-reader.js";

/** Only the first few lines can be the header; a name further down is an item. */
const HEADER_LINES = 5;
const NOT_A_NAME =
  /^(welcome|thank|receipt|sales receipt|invoice|tax invoice|customer copy|merchant copy|order|table|server|cashier|date|time)\b/i;
const ADDRESS = /^\d+\s+\S+.*\b(st|street|ave|avenue|rd|road|blvd|lane|ln|dr|drive|way|hwy|strasse|straße|platz)\b\.?/i;
const PHONE = /(\btel\b|\bphone\b|\(\d{3}\)|\d{3}[-. ]\d{3}[-. ]\d{4}|\+\d)/i;
const WEB = /(www\.|https?:|\.com\b|@)/i;

function letterShare(text: string): number {
  const visible = text.replace(/\s/g, "");
  if (visible.length === 0) return 0;
  return (visible.match(/\p{L}/gu)?.length ?? 0) / visible.length;
}

export function normalizeMerchant(text: string): string {
  const collapsed = text
    .replace(/\s+/g, " ")
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.)'!]+$/gu, "")
    .trim();
  if (collapsed !== collapsed.toUpperCase()) return collapsed;
  return collapsed.toLowerCase().replace(/(^|[\s\-&/])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

export function receiptMerchant(lines: OcrLine[]): ExtractedField<string> {
  for (const [position, line] of lines.slice(0, HEADER_LINES).entries()) {
    const text = line.text.replace(/^[^\p{L}\p{N}]+/u, "").trim();
    if (NOT_A_NAME.test(text) || ADDRESS.test(text) || PHONE.test(text) || WEB.test(text)) continue;
    const letters = text.match(/\p{L}/gu)?.length ?? 0;
    if (letters < 3 || letterShare(text) < 0.6) continue;
    const name = normalizeMerchant(text);
    if (name.length < 3) continue;
    // Lower lines are less likely the name; a clean all-letter line more likely.
    const placement = 1 - position * 0.1;
    return { value: name, confidence: Math.min(1, line.confidence * placement * (0.6 + 0.4 * letterShare(text))) };
  }
  return { value: null, confidence: 0 };
}
