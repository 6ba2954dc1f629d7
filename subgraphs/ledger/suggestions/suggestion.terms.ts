import { Decimal } from "decimal.js";

import { badInput } from "../../../platform/errors/index.js";

/** What a user who never chose gets: suggestions applied from 90 % confidence. */
export const DEFAULT_SUGGESTION_SETTINGS: SuggestionSettings = Object.freeze({ autoApply: true, minConfidence: "0.90" });

/** Below this, a threshold would apply guesses a coin toss beats. */
const LOWEST_THRESHOLD = new Decimal("0.5");

export interface SuggestionSettings {
  autoApply: boolean;
  /** Decimal text from 0.50 to 1.00. */
  minConfidence: string;
}

/** Digits, a point and at most four places (insights' precision): no sign, exponent or spaces. */
const DECIMAL_TEXT = /^\d{1,3}(\.\d{1,4})?$/;

/** A user's threshold, checked: a decimal from 0.50 to 1.00 with at most four places (BAD_USER_INPUT on minConfidence otherwise). */
export function minConfidenceText(value: string): string {
  const text = value.trim();
  if (!DECIMAL_TEXT.test(text)) throw badInput("minConfidence is a decimal from 0.50 to 1.00, e.g. 0.90", { field: "minConfidence" });
  const threshold = new Decimal(text);
  if (threshold.lessThan(LOWEST_THRESHOLD) || threshold.greaterThan(1))
    throw badInput("minConfidence is from 0.50 to 1.00", { field: "minConfidence" });
  return shownDecimal(threshold);
}

/** A confidence as insights announces it ("0.9312"), or null when it is not a decimal from 0 to 1. */
export function confidenceOf(value: unknown): Decimal | null {
  if (typeof value !== "string" || !DECIMAL_TEXT.test(value)) return null;
  const confidence = new Decimal(value);
  return confidence.greaterThan(1) ? null : confidence;
}

/** A stored decimal ("0.9000") as people write it: at least two places, no trailing zeros beyond ("0.90", "0.925"). */
export function shownDecimal(value: Decimal.Value): string {
  const d = new Decimal(value);
  return d.toFixed(Math.max(2, d.decimalPlaces()));
}

/** Why the user's settings keep a suggestion of `confidence` from being applied; null: they let it. */
export function settingsRefusal(settings: SuggestionSettings, confidence: Decimal): string | null {
  if (!settings.autoApply) return "the user applies suggestions themselves";
  if (confidence.lessThan(settings.minConfidence))
    return `confidence ${confidence.toFixed()} is below the user's ${settings.minConfidence}`;
  return null;
}

/** What the ledger holds of the transaction and category a suggestion names (null: none of the user's). */
export interface SuggestionTarget {
  transaction: {
    kind: string;
    deleted: boolean;
    locked: boolean;
    /** A suggestion was applied to it before (and undone or changed since, or still there). */
    suggestionTaken: boolean;
    /** Its category lines' categories, in order. */
    categoryLines: ReadonlyArray<string | null>;
    /** One of the rules that touched it sets a category. */
    ruleSetsCategory: boolean;
  } | null;
  category: { kind: string } | null;
}

/**
 * Why a suggestion must not touch its transaction; null: apply it. Only an uncategorised income or
 * expense of the user, in one line, that nothing has categorised and no suggestion has been
 * applied to, takes one, and only a category of the user's of its own kind.
 */
export function targetRefusal({ transaction: t, category }: SuggestionTarget): string | null {
  if (!t) return "no such transaction of the user";
  if (t.kind !== "INCOME" && t.kind !== "EXPENSE") return "a transfer takes no category";
  if (t.deleted) return "the transaction is deleted";
  if (t.locked) return "the transaction is reconciled";
  if (t.categoryLines.length !== 1) return "the transaction is split";
  if (t.categoryLines[0] !== null) return "the transaction has a category";
  if (t.ruleSetsCategory) return "a rule set its category";
  if (t.suggestionTaken) return "a suggestion was applied to it before";
  if (!category) return "no such category of the user";
  if (category.kind !== t.kind) return `an ${category.kind} category does not fit an ${t.kind} transaction`;
  return null;
}
