/**
 * The payee key used for duplicate fingerprints, so "AMAZON MKTPLACE *1X2Y3Z" and "Amazon Mktplace"
 * match. The rule, in order, and nothing more clever, so that a user can predict it:
 *   1. NFKD, then drop combining marks: "Café" → "Cafe", "ｆｕｌｌ" → "full".
 *   2. Case-fold by upper- then lower-casing, which also folds "ß" to "ss".
 *   3. Apostrophes vanish ("McDonald's" = "McDonalds"); every other run of non-letters/digits
 *      becomes one space, and the ends are trimmed.
 *   4. Trailing words that contain a digit are dropped (card, terminal and reference numbers),
 *      but never the first word, so "7-Eleven 1234" → "7 eleven" and "3M" stays "3m".
 * Words before the last letters-only word are kept: "SQ *COFFEE 12" → "sq coffee", not "sq".
 */
export function normalizePayee(payee: string): string {
  const words = payee
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toUpperCase()
    .toLowerCase()
    .replace(/['’`´]/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  while (words.length > 1 && /\p{N}/u.test(words[words.length - 1]!)) words.pop();
  return words.join(" ");
}
