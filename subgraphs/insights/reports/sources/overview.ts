import type { DataSource } from "typeorm";

import { rollUp } from "../../analytics/roll-up.js";
import type { NetWorthService } from "../../networth/net-worth.service.js";
import { seriesDays, SeriesInterval } from "../../networth/series-days.js";
import { categoryDonut, incomeExpenseBars, netWorthLine } from "../render/chart-specs.js";
import { winAnsiText } from "../render/win-ansi.js";
import type { ReportBlock, SourceContext } from "./report-source.js";

export interface MonthTotals {
  month: string;
  incomeMinor: bigint;
  spendingMinor: bigint;
}

/** Income and spending per month of the range, in the base currency (months without any are zero). */
export async function monthTotals(dataSource: DataSource, ctx: SourceContext): Promise<MonthTotals[]> {
  const rows: Array<{ month: string; income: string; spending: string }> = await dataSource.query(
    `SELECT to_char(date, 'YYYY-MM') AS month, coalesce(sum(base_amount_minor) FILTER (WHERE kind = 'INCOME'), 0)::text AS income,
       coalesce(-sum(base_amount_minor) FILTER (WHERE kind = 'EXPENSE'), 0)::text AS spending
     FROM insights.lines WHERE user_id = $1 AND date BETWEEN $2 AND $3 GROUP BY 1`,
    [ctx.userId, ctx.from, ctx.to],
  );
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const months: MonthTotals[] = [];
  for (let month = ctx.from.slice(0, 7); month <= ctx.to.slice(0, 7);) {
    const r = byMonth.get(month);
    months.push({ month, incomeMinor: BigInt(r?.income ?? "0"), spendingMinor: BigInt(r?.spending ?? "0") });
    const [y, m] = month.split("-").map(Number) as [number, number];
    month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  }
  return months;
}

/** Spending over the range by top-level category, in the base currency, biggest first. */
export async function spendingByCategory(dataSource: DataSource, ctx: SourceContext) {
  const rows: Array<{ category_id: string | null; total: string }> = await dataSource.query(
    `SELECT category_id, (-sum(base_amount_minor))::text AS total FROM insights.lines
     WHERE user_id = $1 AND date BETWEEN $2 AND $3 AND kind = 'EXPENSE' AND base_amount_minor IS NOT NULL GROUP BY category_id`,
    [ctx.userId, ctx.from, ctx.to],
  );
  return rollUp(
    rows.map((r) => ({ categoryId: r.category_id, name: "", amountMinor: BigInt(r.total), transactions: 0 })),
    ctx.categories,
    true,
  );
}

/**
 * The PDF's charts, from aggregates read before the job's first step: spending by category, income
 * against spending by month, and net worth at each month's end. Small whatever the history (one
 * row per category, per month).
 */
export async function overviewCharts(dataSource: DataSource, netWorth: NetWorthService, ctx: SourceContext): Promise<ReportBlock[]> {
  const currency = ctx.settings.baseCurrency;
  const months = await monthTotals(dataSource, ctx);
  const label = (month: string) => winAnsiText(ctx.fmt.month(month));
  const categories = await spendingByCategory(dataSource, ctx);
  const worth = await netWorth.onDays(ctx.userId, seriesDays({ from: ctx.from, to: ctx.to }, SeriesInterval.MONTH));
  return [
    { type: "heading", text: `Overview (${currency})` },
    {
      type: "chart",
      caption: "Spending by category",
      spec: categoryDonut(
        categories.map((c) => ({ name: winAnsiText(c.name), amountMinor: c.amountMinor })),
        currency,
      ),
      width: 380,
      height: 210,
    },
    {
      type: "chart",
      caption: "Income and spending by month",
      spec: incomeExpenseBars(
        months.map((m) => ({ ...m, label: label(m.month) })),
        currency,
      ),
      width: 515,
      height: 250,
    },
    {
      type: "chart",
      caption: "Net worth at the end of each month",
      spec: netWorthLine(
        worth.points.map((p) => ({ label: label(p.date.slice(0, 7)), netWorthMinor: p.netWorthMinor })),
        currency,
      ),
      width: 515,
      height: 250,
    },
  ];
}
