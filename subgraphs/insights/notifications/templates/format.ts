import { formatAmount, money } from "../../../../platform/money/index.js";

/** Longest a single template variable may be once rendered: a 10 MB payee must not make a 10 MB mail. */
export const MAX_VARIABLE_LENGTH = 200;

/** Cuts `value` to `max` characters (never inside a surrogate pair), marking the cut with "…". */
export function clip(value: unknown, max = MAX_VARIABLE_LENGTH): string {
  const text = typeof value === "string" ? value : value === null || value === undefined ? "" : String(value);
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  // A cut between the two halves of a surrogate pair would leave half a character.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** A locale Intl accepts ("en" when identity sent one it does not know). */
export function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? "en";
  } catch {
    return "en";
  }
}

/**
 * Minor units as money in the user's locale ("1.234,50 €" for de-DE). The amount goes to Intl as
 * a decimal string, which Intl.NumberFormat formats exactly: no float ever holds it.
 */
export function formatMoney(amountMinor: unknown, currency: unknown, locale: string): string {
  const code = clip(currency, 3).toUpperCase();
  let decimal: string;
  try {
    decimal = formatAmount(money(BigInt(clip(amountMinor, 40)), code));
  } catch {
    return `${clip(amountMinor, 40)} ${code}`.trim();
  }
  try {
    return new Intl.NumberFormat(safeLocale(locale), { style: "currency", currency: code }).format(decimal as Intl.StringNumericLiteral);
  } catch {
    return `${decimal} ${code}`;
  }
}

/** A calendar date (YYYY-MM-DD, no zone) in the user's locale. */
export function formatDay(day: unknown, locale: string): string {
  const text = clip(day, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  return new Intl.DateTimeFormat(safeLocale(locale), { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${text}T00:00:00Z`));
}

/** An instant in the user's locale and time zone. */
export function formatInstant(iso: unknown, locale: string, timeZone: string): string {
  const text = clip(iso, 40);
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) return text;
  try {
    return new Intl.DateTimeFormat(safeLocale(locale), { dateStyle: "medium", timeStyle: "short", timeZone }).format(at);
  } catch {
    return new Intl.DateTimeFormat(safeLocale(locale), { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(at);
  }
}
