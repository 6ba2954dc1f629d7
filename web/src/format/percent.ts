/** Percentages the API sends as decimal strings ("12.72"), shown in the person's locale. */

/** "12.72" → "+12.72 %", in the person's locale; "—" when there is no figure. */
export function formatPercent(value: string | null | undefined, locale: string, options: { signed?: boolean } = {}): string {
  if (value === null || value === undefined) return "—";
  const text = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    signDisplay: options.signed === false ? "auto" : "exceptZero",
  }).format(value as Intl.StringNumericLiteral);
  return `${text} %`;
}
