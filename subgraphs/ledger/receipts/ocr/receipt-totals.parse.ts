/**
 * Total, tax and line items from the lines of a receipt, cross-checked against each other:
 * subtotal + tax = total, items sum to the subtotal (or to the total when no tax is shown).
 * A labelled total agreeing with both checks is near certain; one the checks contradict loses
 * confidence, and when subtotal + tax agrees with the items the sum wins over a misread total.
 */
import { Decimal } from "decimal.js";

import type { OcrLine } from "./ocr-line.js";
import { lastAmount } from "./receipt-amount.parse.js";
import type { ExtractedField, ReceiptLineItem } from "./receipt-reader.js";

type Kind = "grand" | "total" | "balance" | "subtotal" | "tax" | "payment" | "other";

/** Label words OCR often bends: "T0TAL", "TOTA1", "SUBT0TAL". */
const fold = (text: string) => text.toUpperCase().replace(/0/g, "O").replace(/[1|]/g, "L").replace(/5/g, "S");

function kindOf(label: string): Kind {
  const text = fold(label);
  if (/\bSUB[\s-]?TOTAL\b|\bNET\b/.test(text)) return "subtotal";
  if (/\b(TAX|VAT|GST|HST|PST|MWST)\b/.test(text)) return "tax";
  if (/\b(CASH|CHANGE|CARD|VISA|MASTERCARD|AMEX|DEBIT|CREDIT|TENDER(ED)?|PAID|TIP|GRATUITY|SAVINGS|DISCOUNT TOTAL|ITEMS?|QTY)\b/.test(text))
    return "payment";
  if (/\bGRAND\s*TOTAL\b|\bTOTAL\s*DUE\b|\bAMOUNT\s*DUE\b/.test(text)) return "grand";
  if (/\bTOTAL\b/.test(text)) return "total";
  if (/\bBALANCE\b|\bAMOUNT\b/.test(text)) return "balance";
  return "other";
}

const RANK: Record<Kind, number> = { grand: 3, total: 2, balance: 1, subtotal: 0, tax: 0, payment: 0, other: 0 };

interface Priced {
  line: OcrLine;
  index: number;
  kind: Kind;
  label: string;
  amount: Decimal;
  text: string;
}

export interface ReceiptFigures {
  total: ExtractedField<string>;
  tax: ExtractedField<string>;
  subtotal: ExtractedField<string>;
  lineItems: ReceiptLineItem[];
  /** How many lines carry a price at all: a hint that this is a receipt. */
  pricedLines: number;
}

const money = (value: Decimal) => value.toFixed(2);
const none = <T>(): ExtractedField<T> => ({ value: null, confidence: 0 });

/** Total, tax, subtotal and items from every line of the receipt, top to bottom. */
export function receiptFigures(lines: OcrLine[]): ReceiptFigures {
  const priced: Priced[] = [];
  lines.forEach((line, index) => {
    const amount = lastAmount(line.text);
    if (!amount) return;
    const label = line.text.slice(0, amount.index).trim();
    priced.push({ line, index, kind: kindOf(label), label, amount: new Decimal(amount.value), text: amount.value });
  });

  const labelled = priced.filter((p) => RANK[p.kind] > 0).sort((a, b) => RANK[b.kind] - RANK[a.kind] || b.index - a.index)[0];
  const subtotalLine = priced.find((p) => p.kind === "subtotal");
  const taxLines = priced.filter((p) => p.kind === "tax" && p.amount.gte(0));
  const tax = taxLines.reduce((sum, p) => sum.plus(p.amount), new Decimal(0));

  // Items: priced lines with a description above the first subtotal/total/tax line.
  const firstSummary = Math.min(...priced.filter((p) => p.kind !== "other").map((p) => p.index), lines.length);
  const items = priced.filter((p) => p.kind === "other" && p.index < firstSummary && /\p{L}{2}/u.test(p.label));
  const itemSum = items.reduce((sum, p) => sum.plus(p.amount), new Decimal(0));
  const lineItems = items.map((p) => ({
    description: p.label.replace(/\s+/g, " ").replace(/[\s.:$€£-]+$/u, ""),
    amount: p.text,
    confidence: p.line.confidence,
  }));

  const expected = subtotalLine && taxLines.length > 0 ? subtotalLine.amount.plus(tax) : null;
  const itemsMatchSubtotal = subtotalLine !== undefined && items.length > 0 && itemSum.eq(subtotalLine.amount);
  const subtotalField = subtotalLine
    ? { value: money(subtotalLine.amount), confidence: subtotalLine.line.confidence * (itemsMatchSubtotal ? 1 : 0.8) }
    : none<string>();
  const taxField: ExtractedField<string> =
    taxLines.length > 0
      ? { value: money(tax), confidence: Math.min(...taxLines.map((p) => p.line.confidence)) * (expected ? 1 : 0.8) }
      : none();

  let total: ExtractedField<string> = none();
  if (labelled) {
    const agreesWithSum = expected?.eq(labelled.amount) ?? false;
    const agreesWithItems = items.length > 0 && (itemSum.eq(labelled.amount) || (expected !== null && itemsMatchSubtotal));
    if (expected && !agreesWithSum && itemsMatchSubtotal) {
      // Subtotal, tax and items agree; the total line was misread.
      total = { value: money(expected), confidence: 0.7 * subtotalField.confidence };
    } else {
      const checks = (agreesWithSum ? 0.15 : expected ? -0.3 : 0) + (agreesWithItems ? 0.1 : 0);
      const base = labelled.kind === "balance" ? 0.7 : 0.85;
      total = { value: money(labelled.amount), confidence: clamp(labelled.line.confidence * (base + checks)) };
    }
  } else if (expected) {
    total = { value: money(expected), confidence: 0.6 * subtotalField.confidence };
  } else if (priced.length >= 2) {
    // No label read: the largest amount that is not a payment line (cash given exceeds the total).
    const candidates = priced.filter((p) => p.kind !== "payment" && p.amount.gt(0));
    const largest = candidates.sort((a, b) => b.amount.comparedTo(a.amount))[0];
    if (largest) total = { value: money(largest.amount), confidence: 0.4 * largest.line.confidence };
  }
  return { total, tax: taxField, subtotal: subtotalField, lineItems, pricedLines: priced.length };
}

const clamp = (value: number) => Math.max(0, Math.min(1, value));
