import { currencyExponent, formatAmount } from "../../../../platform/money/index.js";

/** The user's locale if the runtime knows it, else en-US: a typo in a preference must not fail a report. */
export function usableLocale(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 ? locale : "en-US";
  } catch {
    return "en-US";
  }
}

/**
 * Money and dates as the user reads them. Amounts go to Intl as decimal strings made from minor
 * units (Intl formats a numeric string exactly, digit for digit), never through a float.
 */
export class LocaleFormat {
  readonly locale: string;
  private readonly money = new Map<string, Intl.NumberFormat>();
  private readonly dates: Intl.DateTimeFormat;

  constructor(locale: string) {
    this.locale = usableLocale(locale);
    this.dates = new Intl.DateTimeFormat(this.locale, { dateStyle: "medium", timeZone: "UTC" });
  }

  amount(amountMinor: bigint, currency: string): string {
    let format = this.money.get(currency);
    if (!format) {
      const digits = currencyExponent(currency);
      format = new Intl.NumberFormat(this.locale, {
        style: "currency",
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
      this.money.set(currency, format);
    }
    return format.format(formatAmount({ amountMinor, currency }) as Intl.StringNumericLiteral);
  }

  /** A YYYY-MM-DD day. */
  date(day: string): string {
    return this.dates.format(Date.parse(`${day}T00:00:00Z`));
  }

  /** A YYYY-MM month, e.g. "March 2026" / "März 2026". */
  month(month: string): string {
    return new Intl.DateTimeFormat(this.locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
      Date.parse(`${month}-01T00:00:00Z`),
    );
  }
}
