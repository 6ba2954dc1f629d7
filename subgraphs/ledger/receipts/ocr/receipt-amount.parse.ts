/**
 * Money amounts as printed on a receipt line: "12.34", "1,234.56", "$ 3.50", "12,34 €", "1.234,56".
 * Amounts are kept as decimal strings in major units ("1234.56") so no float ever rounds them.
 */

/**
 * Thousands separators then a two-digit fraction after "." or ","; a minus right before or after (refunds,
 * discounts). Not part of a date ("14.03.2026"), a time or a rate ("8.25%").
 */
const AMOUNT = /(?<![\d.,/:])(-)?[$€£]?\s?(\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3})+|\d+)([.,])(\d{2})(?!\d|[.,/:]\d|\s?%)(-)?/g;

export interface PrintedAmount {
  /** Normalised decimal string: "1234.56", "-2.00". */
  value: string;
  /** Where it starts in the line, so the text before it can serve as a description. */
  index: number;
}

export function amountsIn(line: string): PrintedAmount[] {
  const found: PrintedAmount[] = [];
  for (const match of line.matchAll(AMOUNT)) {
    const [, minusBefore, whole, separator, fraction, minusAfter] = match;
    const digits = whole!.replace(/[ ,.]/g, "");
    // "1.234" with a "," fraction is a thousands group, "1,234" with a "." fraction too; a mix the other way is not an amount.
    if (separator === "." && whole!.includes(".")) continue;
    if (separator === "," && whole!.includes(",")) continue;
    const negative = minusBefore !== undefined || minusAfter !== undefined;
    const value = `${negative ? "-" : ""}${String(Number(digits))}.${fraction}`;
    found.push({ value, index: match.index });
  }
  return found;
}

/** The amount a line ends with (a price column is on the right), or null. */
export function lastAmount(line: string): PrintedAmount | null {
  const all = amountsIn(line);
  return all[all.length - 1] ?? null;
}
