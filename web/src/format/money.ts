/** Money as the API sends it: a decimal string in the currency's units, never a float. */
export interface MoneyValue {
  amount: string;
  currency: string;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, currency: string, compact: boolean): Intl.NumberFormat {
  const key = `${locale}|${currency}|${compact}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat(
      locale,
      compact ? { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 } : { style: "currency", currency },
    );
    formatters.set(key, found);
  }
  return found;
}

/**
 * "1234.5" EUR in de-DE → "1.234,50 €". Intl formats the decimal string itself (ES2023), so no
 * amount passes through a JavaScript number on its way to the screen.
 */
export function formatMoney(money: MoneyValue, locale: string, options: { compact?: boolean; signed?: boolean } = {}): string {
  const text = formatter(locale, money.currency, options.compact ?? false).format(money.amount as Intl.StringNumericLiteral);
  return options.signed && !money.amount.startsWith("-") && !/^0+(\.0+)?$/.test(money.amount) ? `+${text}` : text;
}

/** Whether an amount is below zero, read from its text. */
export const isNegative = (money: MoneyValue): boolean => money.amount.trim().startsWith("-") && !/^-0+(\.0+)?$/.test(money.amount.trim());

const DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/;

/**
 * What a person typed as an amount, as the API's decimal string: "1.234,50" or "1,234.50" or
 * "12" → "1234.50"/"12". The locale's own separators are read from Intl. Undefined when it is not
 * an amount.
 */
export function parseAmountInput(input: string, locale: string): string | undefined {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  const group = parts.find((p) => p.type === "group")?.value ?? ",";
  const decimal = parts.find((p) => p.type === "decimal")?.value ?? ".";
  let text = input.trim().replace(/\s|\u00a0|\u202f/g, "");
  if (text === "") return undefined;
  text = text.split(group).join("");
  if (decimal !== ".") text = text.replace(decimal, ".");
  text = text.replace(/^\+/, "");
  return DECIMAL.test(text) ? text : undefined;
}

/**
 * Share of `part` in `whole` as a percentage for progress bars (a display ratio, not money);
 * both are decimal strings of one currency.
 */
export function percentOf(part: string, whole: string): number {
  const w = Number(whole);
  if (!Number.isFinite(w) || w === 0) return 0;
  return (Number(part) / w) * 100;
}
