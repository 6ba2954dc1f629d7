import { badInput } from "../../../platform/errors/index.js";
import { readCsvTable } from "../csv/csv-table.js";
import type { ActivityFields } from "../transactions/activity-draft.js";
import { moneyField } from "../transactions/activity-draft.js";

/** One data line of an activity file; `row` is its line number (the header is line 1). */
export interface ActivityCsvRow {
  row: number;
  /** The line's activity; throws the first thing wrong with it (a ClientError naming the field). */
  fields: () => ActivityFields;
}

export const ACTIVITY_CSV_COLUMNS = [
  "date",
  "type",
  "symbol",
  "quantity",
  "price",
  "fee",
  "amount",
  "currency",
  "splitratio",
  "note",
] as const;
const REQUIRED = ["date", "type"];

/**
 * Reads an activity file: a header naming date and type and any of symbol, quantity, price, fee,
 * amount, currency, splitRatio and note (any order, any case). Money columns are in `currency`,
 * the portfolio's when it is empty. A file that is not CSV, names a column we do not know (a typo
 * would silently drop a figure) or has more than `maxRows` lines is refused as a whole.
 */
export function readActivityCsv(csv: string, maxRows: number, defaultCurrency: string): ActivityCsvRow[] {
  const { columns, rows } = readCsvTable(csv, maxRows, "an activity file");
  const unknown = columns.filter((c) => !(ACTIVITY_CSV_COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0)
    throw badInput(`unknown column ${unknown[0]!.slice(0, 40)}; the columns are ${ACTIVITY_CSV_COLUMNS.join(", ")}`, { field: "csv" });
  if (REQUIRED.some((c) => !columns.includes(c)))
    throw badInput("the header must name at least the columns date and type", { field: "csv" });
  return rows.map(({ record, line }) => {
    const cell = (name: string): string | null => {
      const value = record[columns.indexOf(name)]?.trim() ?? "";
      return value === "" ? null : value;
    };
    const money = (name: string) => {
      const amount = cell(name);
      return amount === null ? null : moneyField(amount, cell("currency") ?? defaultCurrency, name);
    };
    return {
      row: line,
      fields: () => ({
        type: (cell("type") ?? "").toUpperCase(),
        symbol: cell("symbol"),
        quantity: cell("quantity"),
        price: money("price"),
        fee: money("fee"),
        amount: money("amount"),
        splitRatio: cell("splitratio"),
        date: cell("date") ?? "",
        note: cell("note"),
      }),
    };
  });
}
