/**
 * The receipt's currency from its symbols and codes: the most frequent wins; "$" alone reads as USD
 * (a Canadian or Australian till usually prints the code somewhere, and a code outvotes a symbol).
 */
import type { OcrLine } from "./ocr-line.js";
import type { ExtractedField } from "./receipt-reader.js";

const SYMBOLS: Record<string, string> = { $: "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR" };
const CODES = ["USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "JPY", "SEK", "NOK", "DKK", "PLN", "CZK", "INR", "MXN"];
const CODE = new RegExp(`\\b(${CODES.join("|")})\\b`, "g");
const SYMBOL = /[$€£¥₹]/g;
/** A printed code is deliberate; a symbol might be OCR noise. */
const CODE_WEIGHT = 3;

export function receiptCurrency(lines: OcrLine[]): ExtractedField<string> {
  const votes = new Map<string, number>();
  const vote = (code: string, weight: number) => votes.set(code, (votes.get(code) ?? 0) + weight);
  for (const { text, confidence } of lines) {
    for (const [code] of text.toUpperCase().matchAll(CODE)) vote(code, CODE_WEIGHT * confidence);
    for (const [symbol] of text.matchAll(SYMBOL)) vote(SYMBOLS[symbol]!, confidence);
  }
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  const [best, runnerUp] = ranked;
  if (!best) return { value: null, confidence: 0 };
  const total = ranked.reduce((sum, [, weight]) => sum + weight, 0);
  // Share of the votes, damped while there is only one weak vote.
  const confidence = (best[1] / total) * Math.min(1, best[1] / 2) * (runnerUp ? 0.9 : 1);
  return { value: best[0], confidence: Math.min(1, confidence) };
}

/** Whether dates under this currency are usually printed day first. */
export function dayFirstFor(currency: string | null): boolean {
  return currency !== null && currency !== "USD";
}
