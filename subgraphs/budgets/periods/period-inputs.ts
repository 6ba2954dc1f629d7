import { badInput } from "../../../platform/errors/index.js";

export type PeriodKind = "WEEKLY" | "MONTHLY" | "QUARTERLY" | "YEARLY";

export interface PeriodPrefs {
  /** ISO weekday, as identity stores it: 1 = Monday … 7 = Sunday. */
  firstDayOfWeek: number;
  /** Day of the month every monthly, quarterly and yearly period starts on, 1..28. */
  monthStartDay: number;
}

export const PERIOD_KINDS: readonly PeriodKind[] = ["WEEKLY", "MONTHLY", "QUARTERLY", "YEARLY"];

export function assertPeriodKind(kind: unknown): asserts kind is PeriodKind {
  if (!PERIOD_KINDS.includes(kind as PeriodKind)) {
    throw badInput(`kind must be one of ${PERIOD_KINDS.join(", ")}`, { field: "kind" });
  }
}

/**
 * Identity stores firstDayOfWeek as an ISO weekday (1 = Monday … 7 = Sunday) and validates it to
 * 1..7. A 0 is refused rather than read as Sunday: it would mean the caller assumed the JavaScript
 * encoding, and every other weekday would then be silently right only by coincidence.
 */
export function assertPeriodPrefs(prefs: PeriodPrefs): void {
  const { firstDayOfWeek, monthStartDay } = prefs;
  if (!Number.isInteger(firstDayOfWeek) || firstDayOfWeek < 1 || firstDayOfWeek > 7) {
    throw badInput("firstDayOfWeek must be an ISO weekday, 1 (Monday) to 7 (Sunday)", { field: "firstDayOfWeek" });
  }
  // Capped at 28 so every month, February included, has the start day and no period is clamped.
  if (!Number.isInteger(monthStartDay) || monthStartDay < 1 || monthStartDay > 28) {
    throw badInput("monthStartDay must be a whole number from 1 to 28", { field: "monthStartDay" });
  }
}

export function assertLimit(limit: number): void {
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw badInput("limit must be a whole number, one or more", { field: "limit" });
  }
}
