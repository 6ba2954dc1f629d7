import { parseAmount } from "../../../platform/money/index.js";
import type { ReceiptExtraction } from "./ocr/receipt-reader.js";

/** Below this overall confidence a file is "not a receipt": READY with no draft, not an error. */
export const MIN_RECEIPT_CONFIDENCE = 0.5;

/** The transaction a receipt proposes, kept on the receipt until the user confirms it. Amounts in minor units, as strings (JSON). */
export interface ReceiptDraftData {
  payee: string | null;
  date: string | null;
  /** Signed like a transaction: a purchase is money out, negative. */
  amountMinor: string;
  currency: string;
  categoryId: string | null;
  taxMinor: string | null;
  items: Array<{ description: string; amountMinor: string }>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function minor(decimal: string | null, currency: string): bigint | null {
  if (decimal === null) return null;
  try {
    return parseAmount(decimal, currency).amountMinor;
  } catch {
    return null;
  }
}

/**
 * The draft a reading supports, or null: not a receipt (low confidence), no legible total, or no
 * currency (neither printed nor the user's base). Line items and tax that do not parse are dropped;
 * the category comes later, from the user's rules.
 */
export function draftFrom(extraction: ReceiptExtraction, fallbackCurrency: string | null): ReceiptDraftData | null {
  if (extraction.confidence < MIN_RECEIPT_CONFIDENCE) return null;
  const currency = (extraction.currency.value ?? fallbackCurrency)?.toUpperCase() ?? null;
  if (!currency || !/^[A-Z]{3}$/.test(currency)) return null;
  const total = minor(extraction.total.value, currency);
  if (total === null || total === 0n) return null;
  const tax = minor(extraction.tax.value, currency);
  return {
    payee: extraction.merchant.value?.trim() || null,
    date: extraction.date.value && DAY.test(extraction.date.value) ? extraction.date.value : null,
    amountMinor: String(-(total < 0n ? -total : total)),
    currency,
    categoryId: null,
    taxMinor: tax === null ? null : String(tax < 0n ? -tax : tax),
    items: extraction.lineItems.flatMap((item) => {
      const amount = minor(item.amount, currency);
      return amount === null ? [] : [{ description: item.description, amountMinor: String(amount) }];
    }),
  };
}
