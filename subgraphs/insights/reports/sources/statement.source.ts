import type { DataSource, EntityManager } from "typeorm";

import { formatAmount } from "../../../../platform/money/index.js";
import { addDays } from "../../../../platform/time/index.js";
import type { AccountStore, InsightAccount } from "../../accounts/account.store.js";
import { csvText } from "../render/csv-format.js";
import { ReportFormat } from "../report.model.js";
import { categoryLabeler, PAGE_ROWS, type PreparedReport, type ReportBlock, type SourceContext } from "./report-source.js";

export const STATEMENT_CSV_COLUMNS = ["account", "currency", "date", "type", "payee", "category", "notes", "amount", "balance"];

interface PostingRow {
  id: string;
  date: string;
  kind: string;
  payee: string;
  notes: string;
  category_id: string | null;
  amount: string;
}

/** Each account's postings (its own side of every transaction, both sides of a transfer) in [from, to], by date then id. */
const POSTINGS = `
  SELECT id, to_char(date, 'YYYY-MM-DD') AS date, kind, payee, notes, category_id, amount::text AS amount FROM (
    SELECT id, date, kind, payee, notes, category_id, amount_minor AS amount FROM insights.transactions
    WHERE user_id = $1 AND account_id = $2 AND date BETWEEN $3 AND $4
    UNION ALL
    SELECT id, date, kind, payee, notes, category_id, counter_amount_minor FROM insights.transactions
    WHERE user_id = $1 AND counter_account_id = $2 AND date BETWEEN $3 AND $4
  ) p WHERE (date, id) > ($5::date, $6::uuid) ORDER BY date, id LIMIT $7`;

/** Every posting on the user's accounts before `day`, summed per account. */
async function sumsBefore(dataSource: DataSource, userId: string, day: string): Promise<Map<string, bigint>> {
  const rows: Array<{ account_id: string; total: string }> = await dataSource.query(
    `SELECT account_id, sum(amount)::text AS total FROM (
       SELECT account_id, amount_minor AS amount FROM insights.transactions WHERE user_id = $1 AND date < $2
       UNION ALL
       SELECT counter_account_id, counter_amount_minor FROM insights.transactions WHERE user_id = $1 AND date < $2 AND counter_account_id IS NOT NULL
     ) p GROUP BY account_id`,
    [userId, day],
  );
  return new Map(rows.map((r) => [r.account_id, BigInt(r.total)]));
}

/**
 * The statement: per account open during the range, the balance the day before, each posting
 * with the running balance, the closing balance and the money in and out, in the account's own
 * currency. An account opened inside the range starts at zero and shows its opening as a line.
 */
export async function statementReport(
  dataSource: DataSource,
  accountStore: AccountStore,
  ctx: SourceContext,
  overview: ReportBlock[],
): Promise<PreparedReport> {
  const accounts = (await accountStore.list(ctx.userId)).filter((a) => a.openingDate <= ctx.to);
  const before = await sumsBefore(dataSource, ctx.userId, ctx.from);
  const counted: Array<{ n: number }> = await dataSource.query(
    `SELECT (count(*) + count(counter_account_id))::int AS n FROM insights.transactions WHERE user_id = $1 AND date BETWEEN $2 AND $3`,
    [ctx.userId, ctx.from, ctx.to],
  );
  const n = counted[0]!.n;
  const { fmt } = ctx;
  const category = categoryLabeler(ctx.categories);
  const opening = (a: InsightAccount) => (a.openingDate < ctx.from ? a.openingBalanceMinor : 0n) + (before.get(a.id) ?? 0n);

  async function* blocks(db: () => EntityManager): AsyncGenerator<ReportBlock> {
    yield {
      type: "title",
      title: "Account statement",
      subtitle: `${fmt.date(ctx.from)} – ${fmt.date(ctx.to)}`,
      facts: [
        ["Accounts", String(accounts.length)],
        ["Transactions", String(n)],
      ],
    };
    if (ctx.format === ReportFormat.PDF) yield* overview;
    for (const account of accounts) {
      const money = (minor: bigint) => fmt.amount(minor, account.currency);
      const plain = (minor: bigint) => formatAmount({ amountMinor: minor, currency: account.currency });
      const csvRow = (date: string, type: string, payee: string, cat: string, notes: string, amount: bigint | null, balance: bigint) => [
        csvText(account.name),
        account.currency,
        date,
        type,
        csvText(payee),
        csvText(cat),
        csvText(notes),
        amount === null ? "" : plain(amount),
        plain(balance),
      ];
      let balance = opening(account);
      let moneyIn = 0n;
      let moneyOut = 0n;
      yield { type: "heading", text: `${account.name} (${account.currency})` };
      yield {
        type: "facts",
        facts: [[`Opening balance on ${fmt.date(ctx.from)}`, money(balance)]],
        csv: [csvRow(ctx.from, "OPENING_BALANCE", "", "", "", null, balance)],
      };
      yield {
        type: "table",
        columns: [
          { label: "Date", width: 62 },
          { label: "Payee", width: 160 },
          { label: "Category", width: 118 },
          { label: "Amount", width: 85, align: "right" },
          { label: "Balance", width: 90, align: "right" },
        ],
      };
      if (account.openingDate >= ctx.from) {
        balance += account.openingBalanceMinor;
        yield {
          type: "rows",
          cells: [[fmt.date(account.openingDate), "Account opened", "", money(account.openingBalanceMinor), money(balance)]],
          csv: [csvRow(account.openingDate, "ACCOUNT_OPENED", "", "", "", account.openingBalanceMinor, balance)],
          units: 0,
        };
      }
      let cursor: [string, string] = [addDays(ctx.from, -1), "00000000-0000-0000-0000-000000000000"];
      for (;;) {
        const page: PostingRow[] = await db().query(POSTINGS, [ctx.userId, account.id, ctx.from, ctx.to, cursor[0], cursor[1], PAGE_ROWS]);
        if (page.length === 0) break;
        const cells: string[][] = [];
        const csv: string[][] = [];
        for (const p of page) {
          const amount = BigInt(p.amount);
          balance += amount;
          if (amount >= 0n) moneyIn += amount;
          else moneyOut -= amount;
          const cat = p.kind === "TRANSFER" ? "Transfer" : category(p.category_id);
          if (ctx.format === ReportFormat.PDF) cells.push([fmt.date(p.date), p.payee, cat, money(amount), money(balance)]);
          else csv.push(csvRow(p.date, p.kind, p.payee, cat, p.notes, amount, balance));
        }
        const last = page.at(-1)!;
        cursor = [last.date, last.id];
        yield { type: "rows", cells, csv, units: page.length };
        if (page.length < PAGE_ROWS) break;
      }
      yield {
        type: "facts",
        facts: [
          ["Money in", money(moneyIn)],
          ["Money out", money(-moneyOut)],
          [`Closing balance on ${fmt.date(ctx.to)}`, money(balance)],
        ],
        csv: [csvRow(ctx.to, "CLOSING_BALANCE", "", "", "", null, balance)],
      };
    }
  }

  return { csvColumns: STATEMENT_CSV_COLUMNS, units: n, blocks };
}
