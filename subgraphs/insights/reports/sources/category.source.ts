import type { DataSource } from "typeorm";

import { formatAmount } from "../../../../platform/money/index.js";
import { rollUp } from "../../analytics/roll-up.js";
import { csvText } from "../render/csv-format.js";
import { ReportFormat } from "../report.model.js";
import type { PreparedReport, ReportBlock, SourceContext } from "./report-source.js";

export const CATEGORY_CSV_COLUMNS = ["month", "kind", "category", "amount", "currency", "transactions"];

type Kind = "EXPENSE" | "INCOME";

/**
 * Spending and income per month by top-level category (subcategories rolled into their parent),
 * in the base currency, positive, biggest first; then each kind's total. Lines the ledger had no
 * rate for are left out (counted in the title page). One row per (month, kind, category) is read:
 * at most a few thousand for ten years.
 */
export async function categoryReport(dataSource: DataSource, ctx: SourceContext, overview: ReportBlock[]): Promise<PreparedReport> {
  const rows: Array<{ month: string; kind: Kind; category_id: string | null; total: string | null; n: number; unconverted: number }> =
    await dataSource.query(
      `SELECT to_char(date, 'YYYY-MM') AS month, kind, category_id, sum(base_amount_minor)::text AS total,
         count(DISTINCT transaction_id)::int AS n, count(*) FILTER (WHERE base_amount_minor IS NULL)::int AS unconverted
       FROM insights.lines WHERE user_id = $1 AND date BETWEEN $2 AND $3 GROUP BY 1, 2, 3 ORDER BY 1`,
      [ctx.userId, ctx.from, ctx.to],
    );
  const currency = ctx.settings.baseCurrency;
  const { fmt } = ctx;
  const months = [...new Set(rows.map((r) => r.month))];
  const unconverted = rows.reduce((n, r) => n + r.unconverted, 0);
  const kindsOf = (month: string | null) =>
    (["EXPENSE", "INCOME"] as const).map((kind) => {
      const totals = rows
        .filter((r) => r.kind === kind && (month === null || r.month === month))
        .map((r) => ({
          categoryId: r.category_id,
          name: "",
          amountMinor: (kind === "EXPENSE" ? -1n : 1n) * BigInt(r.total ?? "0"),
          transactions: r.n,
        }));
      const items = rollUp(totals, ctx.categories, true).filter((i) => i.amountMinor !== 0n || i.transactions > 0);
      return { kind, items, total: items.reduce((s, i) => s + i.amountMinor, 0n) };
    });
  const label = (kind: Kind) => (kind === "EXPENSE" ? "Spending" : "Income");

  function section(month: string | null, title: string): ReportBlock[] {
    const out: ReportBlock[] = [{ type: "heading", text: title }];
    const cells: string[][] = [];
    const csv: string[][] = [];
    const facts: Array<[string, string]> = [];
    for (const { kind, items, total } of kindsOf(month)) {
      for (const i of items) {
        cells.push([label(kind), i.name, String(i.transactions), fmt.amount(i.amountMinor, currency)]);
        if (month)
          csv.push([
            month,
            kind,
            csvText(i.name),
            formatAmount({ amountMinor: i.amountMinor, currency }),
            currency,
            String(i.transactions),
          ]);
      }
      facts.push([`${label(kind)} total`, fmt.amount(total, currency)]);
    }
    out.push({
      type: "table",
      columns: [
        { label: "Kind", width: 80 },
        { label: "Category", width: 240 },
        { label: "Transactions", width: 80, align: "right" },
        { label: "Amount", width: 115, align: "right" },
      ],
    });
    out.push({ type: "rows", cells, csv, units: 1 }, { type: "facts", facts });
    return out;
  }

  async function* blocks(): AsyncGenerator<ReportBlock> {
    yield {
      type: "title",
      title: "Spending and income by category",
      subtitle: `${fmt.date(ctx.from)} – ${fmt.date(ctx.to)}`,
      facts: [
        ["Currency", currency],
        ["Months", String(months.length)],
        ...(unconverted > 0 ? [["Lines left out (no exchange rate)", String(unconverted)] as [string, string]] : []),
      ],
    };
    if (ctx.format === ReportFormat.PDF) {
      yield* overview;
      yield* section(null, "The whole range");
    }
    for (const month of months) yield* section(month, fmt.month(month));
  }

  return { csvColumns: CATEGORY_CSV_COLUMNS, units: months.length + 1, blocks };
}
