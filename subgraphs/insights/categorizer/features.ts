import { noteTokens, payeeTokens } from "./payee-tokens.js";

/** What the categorizer reads of a transaction. `amountMinor` is signed: expenses negative, income positive. */
export interface CategorizerInput {
  payee: string;
  notes?: string;
  amountMinor: bigint;
}

/**
 * The features of one transaction, each once: payee words ("p:blue"), note words ("n:birthday")
 * and one amount bucket ("a:-5"). The prefixes keep the three apart, so "gift" in a note and
 * "gift" in a shop's name are learnt separately. Counting a feature once per transaction
 * (binarized multinomial naive Bayes) suits texts this short, and keeps a feature's count at or
 * below its category's example count, which the ranking properties rely on.
 */
export function features(input: CategorizerInput): string[] {
  const payee = payeeTokens(input.payee).tokens.map((t) => `p:${t}`);
  const notes = noteTokens(input.notes ?? "").map((t) => `n:${t}`);
  return [...new Set([...payee, ...notes, amountFeature(input.amountMinor)])];
}

/**
 * The amount's sign and half-decade: "a:-5" for an expense from 3.17 to 9.99 in a two-decimal
 * currency, "a:-11" for 3,162.28 to 9,999.99. Rent and coffee differ by orders of magnitude,
 * while a grocery bill varies by a factor of two or three, which one or two buckets cover.
 * Computed on the digits alone, so it is exact and the same on every machine.
 */
export function amountFeature(amountMinor: bigint): string {
  if (amountMinor === 0n) return "a:0";
  const digits = (amountMinor < 0n ? -amountMinor : amountMinor).toString();
  // 10^(d-1) × √10 ≈ 3.1623 × 10^(d-1): the upper half of a decade starts there.
  const upperHalf = Number(digits.slice(0, 5).padEnd(5, "0")) > 31_622 ? 1 : 0;
  return `a:${amountMinor < 0n ? "-" : "+"}${2 * (digits.length - 1) + upperHalf}`;
}
