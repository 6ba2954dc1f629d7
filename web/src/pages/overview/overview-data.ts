import type { ChartConfiguration } from "chart.js";

/** From the first day of the month `months - 1` months before `today`'s, to `today` ("2026-12-06", 12 → 2026-01-01 … 2026-12-06). */
export function lastMonths(today: string, months: number): { from: string; to: string } {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) - (months - 1);
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { from: `${year}-${String(month).padStart(2, "0")}-01`, to: today };
}

/** A line of net worth over time; values are decimal strings, drawn as numbers (drawing only). */
export function netWorthChart(
  points: ReadonlyArray<{ date: string; value: string }>,
  label: (date: string) => string,
  color: string,
): ChartConfiguration {
  return {
    type: "line",
    data: {
      labels: points.map((p) => label(p.date)),
      datasets: [
        {
          label: "Net worth",
          data: points.map((p) => Number(p.value)),
          borderColor: color,
          backgroundColor: `${color}33`,
          fill: true,
          tension: 0,
          pointRadius: 2,
        },
      ],
    },
    options: { plugins: { legend: { display: false } }, scales: { y: { ticks: { maxTicksLimit: 5 } } } },
  };
}

export interface Slice {
  name: string;
  /** Decimal string in the breakdown's currency. */
  amount: string;
}

/**
 * The biggest `max - 1` categories and the rest folded into "Other" (a donut with thirty slivers
 * says nothing). Amounts stay decimal strings: the fold adds them in cents.
 */
export function topSlices(categories: readonly Slice[], max = 7): Slice[] {
  if (categories.length <= max) return [...categories];
  const kept = categories.slice(0, max - 1);
  const rest = categories.slice(max - 1);
  return [...kept, { name: "Other", amount: addDecimals(rest.map((c) => c.amount)) }];
}

/** Sum of decimal strings without floating-point error (scaled to the longest fraction). */
export function addDecimals(values: readonly string[]): string {
  const digits = Math.max(0, ...values.map((v) => v.split(".")[1]?.length ?? 0));
  const scaled = (v: string) => {
    const negative = v.startsWith("-");
    const [whole = "0", fraction = ""] = v.replace(/^[-+]/, "").split(".");
    const n = BigInt(whole + fraction.padEnd(digits, "0"));
    return negative ? -n : n;
  };
  const total = values.reduce((sum, v) => sum + scaled(v), 0n);
  const negative = total < 0n;
  const text = (negative ? -total : total).toString().padStart(digits + 1, "0");
  const body = digits > 0 ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text;
  return negative ? `-${body}` : body;
}

/** A donut of spending by category. */
export function spendingDonut(slices: readonly Slice[], colors: readonly string[]): ChartConfiguration {
  return {
    type: "doughnut",
    data: {
      labels: slices.map((s) => s.name),
      datasets: [
        { data: slices.map((s) => Number(s.amount)), backgroundColor: slices.map((_, i) => colors[i % colors.length]!), borderWidth: 1 },
      ],
    },
    options: { plugins: { legend: { display: false } } },
  };
}

export interface UpcomingItem {
  key: string;
  kind: "bill" | "installment";
  date: string;
  label: string;
  amount: { amount: string; currency: string };
  /** Money coming in (a loan you lent). */
  incoming: boolean;
}

/** Bills and loan installments due from now to `until` (inclusive, YYYY-MM-DD), soonest first. */
export function upcomingItems(
  bills: ReadonlyArray<{ dueDate: string; recurring: { id: string; payee: string; amount: { amount: string; currency: string } } }>,
  loans: ReadonlyArray<{
    id: string;
    name: string;
    direction: string;
    status: string;
    nextDue: { number: number; dueDate: string; amountDue: { amount: string; currency: string } } | null;
  }>,
  until: string,
): UpcomingItem[] {
  const items: UpcomingItem[] = bills.map((b) => ({
    key: `bill-${b.recurring.id}-${b.dueDate}`,
    kind: "bill",
    date: b.dueDate,
    label: b.recurring.payee,
    amount: b.recurring.amount,
    incoming: !b.recurring.amount.amount.startsWith("-"),
  }));
  for (const loan of loans) {
    if (!loan.nextDue || loan.status === "PAID_OFF" || loan.status === "WRITTEN_OFF" || loan.nextDue.dueDate > until) continue;
    items.push({
      key: `loan-${loan.id}-${loan.nextDue.number}`,
      kind: "installment",
      date: loan.nextDue.dueDate,
      label: `${loan.name}, installment ${loan.nextDue.number}`,
      amount: loan.nextDue.amountDue,
      incoming: loan.direction === "LENT",
    });
  }
  return items.sort((a, b) => a.date.localeCompare(b.date) || a.label.localeCompare(b.label));
}

/** The day `days` after `day` (both YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
