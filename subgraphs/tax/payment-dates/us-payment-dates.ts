/**
 * US federal income tax payment dates of a tax year (IRS Form 1040-ES and the return): four
 * estimated payments (Apr 15, Jun 15, Sep 15 of the year, Jan 15 of the next) and the balance due
 * with the return (Apr 15 of the next year). A date on a weekend or a legal holiday moves to the
 * next business day (IRC §7503); the holidays that can meet these dates are Martin Luther King Jr.
 * Day (third Monday of January) and DC Emancipation Day (April 16, observed on the Friday or Monday
 * when it falls on a weekend).
 */

export type TaxPaymentKind = "ESTIMATED_PAYMENT" | "BALANCE_DUE";

export interface TaxPaymentDate {
  /** YYYY-MM-DD, after the business-day rule. */
  date: string;
  kind: TaxPaymentKind;
  /** The tax year the payment is for. */
  taxYear: number;
  /** 1 to 4 for estimated payments; null for the balance due. */
  quarter: number | null;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

function isHoliday(d: Date): boolean {
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const weekday = d.getUTCDay();
  // Third Monday of January: days 15 to 21.
  if (month === 1 && weekday === 1 && day >= 15 && day <= 21) return true;
  if (month === 4) {
    const emancipation = utc(d.getUTCFullYear(), 4, 16);
    const shift = emancipation.getUTCDay() === 6 ? -1 : emancipation.getUTCDay() === 0 ? 1 : 0;
    return day === 16 + shift;
  }
  return false;
}

/** The first business day on or after `d`. */
export function nextBusinessDay(d: Date): Date {
  const out = new Date(d);
  while (out.getUTCDay() === 0 || out.getUTCDay() === 6 || isHoliday(out)) out.setUTCDate(out.getUTCDate() + 1);
  return out;
}

export function usTaxPaymentDates(taxYear: number): TaxPaymentDate[] {
  const due = (year: number, month: number, day: number) => iso(nextBusinessDay(utc(year, month, day)));
  return [
    { date: due(taxYear, 4, 15), kind: "ESTIMATED_PAYMENT", taxYear, quarter: 1 },
    { date: due(taxYear, 6, 15), kind: "ESTIMATED_PAYMENT", taxYear, quarter: 2 },
    { date: due(taxYear, 9, 15), kind: "ESTIMATED_PAYMENT", taxYear, quarter: 3 },
    { date: due(taxYear + 1, 1, 15), kind: "ESTIMATED_PAYMENT", taxYear, quarter: 4 },
    { date: due(taxYear + 1, 4, 15), kind: "BALANCE_DUE", taxYear, quarter: null },
  ];
}
