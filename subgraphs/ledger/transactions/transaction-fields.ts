import { badInput } from "../../../platform/errors/index.js";
import { TRANSACTION_STATUSES, type TransactionEntity, type TransactionStatusValue } from "./transaction.entity.js";

/** Field rules shared by every way a transaction is written (create, transfer, update, import, schedule). */
export const MAX_TAGS = 20;

export function payeeText(payee: string | null | undefined): string {
  const trimmed = (payee ?? "").trim().replace(/\s+/g, " ");
  if (trimmed.length > 200) throw badInput("payee is longer than 200 characters", { field: "payee" });
  return trimmed;
}

export function notesText(notes: string | null | undefined): string {
  const text = (notes ?? "").trim();
  if (text.length > 2000) throw badInput("notes are longer than 2000 characters", { field: "notes" });
  return text;
}

/** Trimmed, de-duplicated (case-insensitively, first spelling kept), at most MAX_TAGS of 1-40 characters. */
export function tagList(tags: readonly string[] | null | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags ?? []) {
    const tag = raw.trim();
    if (tag.length < 1 || tag.length > 40) throw badInput("each tag must be 1 to 40 characters", { field: "tags" });
    if (seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  if (out.length > MAX_TAGS) throw badInput(`at most ${MAX_TAGS} tags`, { field: "tags" });
  return out;
}

export function statusValue(status: string | null | undefined, fallback: TransactionStatusValue = "CLEARED"): TransactionStatusValue {
  if (status === null || status === undefined) return fallback;
  if (!TRANSACTION_STATUSES.includes(status as TransactionStatusValue)) throw badInput("unknown status", { field: "status" });
  return status as TransactionStatusValue;
}

/** The payee key duplicate detection compares (see payee-key.ts for the rule). */
export { normalizePayee as payeeKey } from "./payee-key.js";

/** The columns of an applied category suggestion's mark (see suggestions/). */
export type SuggestionMark = Pick<TransactionEntity, "suggestedCategoryId" | "suggestionConfidence" | "suggestionAppliedAt">;

/** A category changed by anything but the suggestion itself: the mark goes. */
export const NO_SUGGESTION_MARK: SuggestionMark = Object.freeze({
  suggestedCategoryId: null,
  suggestionConfidence: null,
  suggestionAppliedAt: null,
});
