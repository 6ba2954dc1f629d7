import { badInput } from "../../../platform/errors/index.js";

export const AUTO_SAVE_MODES = ["PERCENT", "FIXED"] as const;
export type AutoSaveModeName = (typeof AUTO_SAVE_MODES)[number];

export interface AutoSaveTerms {
  mode: AutoSaveModeName;
  /** PERCENT: 1..10000 (10000 = 100 %). */
  percentBasisPoints: number | null;
  /** FIXED: > 0, in the goal's currency. */
  amountMinor: bigint | null;
}

/** numerator / denominator (denominator > 0) rounded half away from zero, exactly. */
export function divideHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError("denominator must be positive");
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const rounded = (abs * 2n + denominator) / (denominator * 2n);
  return negative ? -rounded : rounded;
}

/** BAD_USER_INPUT unless the terms fit their mode (exactly one of basis points and amount). */
export function assertAutoSaveTerms(terms: AutoSaveTerms): void {
  if (!AUTO_SAVE_MODES.includes(terms.mode)) throw badInput("unknown auto-save mode", { field: "mode" });
  if (terms.mode === "PERCENT") {
    const bp = terms.percentBasisPoints;
    if (bp === null || !Number.isInteger(bp) || bp < 1 || bp > 10_000)
      throw badInput("percentBasisPoints must be a whole number from 1 to 10000 (100 %)", { field: "percentBasisPoints" });
    if (terms.amountMinor !== null) throw badInput("a PERCENT rule takes no amount", { field: "amount" });
  } else {
    if (terms.amountMinor === null || terms.amountMinor <= 0n) throw badInput("a FIXED rule needs a positive amount", { field: "amount" });
    if (terms.percentBasisPoints !== null) throw badInput("a FIXED rule takes no percentBasisPoints", { field: "percentBasisPoints" });
  }
}

/**
 * What one income of `incomeMinor` (> 0, base currency) puts into a goal under these terms:
 * PERCENT is income × basis points / 10000 rounded half away from zero; FIXED is the amount, but
 * never more than came in. 0 means nothing to save.
 */
export function autoSaveAmount(terms: AutoSaveTerms, incomeMinor: bigint): bigint {
  if (incomeMinor <= 0n) return 0n;
  if (terms.mode === "PERCENT") return divideHalfAwayFromZero(incomeMinor * BigInt(terms.percentBasisPoints ?? 0), 10_000n);
  const fixed = terms.amountMinor ?? 0n;
  return fixed < incomeMinor ? fixed : incomeMinor;
}
