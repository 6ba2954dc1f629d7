import type { DataSource } from "typeorm";

import { formatAmount } from "../../../../platform/money/index.js";
import type { PreparedReport, ReportBlock, SourceContext } from "./report-source.js";

export const TAX_CSV_COLUMNS = ["year", "jurisdiction", "revision", "currency", "estimated_tax", "withheld", "left_to_pay"];

/**
 * The tax subgraph's latest estimate for each year the range touches, as `tax.summary.v1`
 * announced it (insights' `tax_estimates`), in the tax table's currency. Years without an
 * estimate are said to have none.
 */
export async function taxYearReport(dataSource: DataSource, ctx: SourceContext): Promise<PreparedReport> {
  const rows: Array<{
    year: number;
    jurisdiction: string;
    revision: string;
    currency: string;
    estimated: string;
    withheld: string;
    left: string;
  }> = await dataSource.query(
    `SELECT year, jurisdiction, revision, currency, estimated_tax_minor::text AS estimated, withheld_minor::text AS withheld,
         left_to_pay_minor::text AS left FROM insights.tax_estimates WHERE user_id = $1 AND year BETWEEN $2 AND $3 ORDER BY year`,
    [ctx.userId, Number(ctx.from.slice(0, 4)), Number(ctx.to.slice(0, 4))],
  );
  const { fmt } = ctx;
  async function* blocks(): AsyncGenerator<ReportBlock> {
    yield {
      type: "title",
      title: "Tax year summary",
      subtitle: `${ctx.from.slice(0, 4)} – ${ctx.to.slice(0, 4)}`,
      facts: [["Years with an estimate", String(rows.length)]],
    };
    for (const r of rows) {
      const currency = r.currency.trim();
      const money = (minor: string) => fmt.amount(BigInt(minor), currency);
      const plain = (minor: string) => formatAmount({ amountMinor: BigInt(minor), currency });
      yield { type: "heading", text: `${r.year} (${r.jurisdiction}, ${r.revision})` };
      yield {
        type: "facts",
        facts: [
          ["Estimated tax", money(r.estimated)],
          ["Withheld or paid", money(r.withheld)],
          [BigInt(r.left) < 0n ? "Refund expected" : "Left to pay", money(BigInt(r.left) < 0n ? (-BigInt(r.left)).toString() : r.left)],
        ],
        csv: [[String(r.year), r.jurisdiction, r.revision, currency, plain(r.estimated), plain(r.withheld), plain(r.left)]],
      };
    }
    if (rows.length === 0) yield { type: "heading", text: "No tax estimate for these years yet." };
  }
  return { csvColumns: TAX_CSV_COLUMNS, units: 1, blocks };
}
