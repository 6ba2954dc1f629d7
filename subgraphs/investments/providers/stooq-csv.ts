import { parse } from "csv-parse/sync";

import { PriceProviderError, type ProviderClose } from "./price-provider.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLOSE = /^\d{1,15}(\.\d{1,18})?$/;

/** The start of an answer, safe to put in a log line. */
const snippet = (text: string) => JSON.stringify(text.trim().slice(0, 80));

/**
 * Reads Stooq's daily CSV (`Date,Open,High,Low,Close,Volume`) into closes within `from`..`to`,
 * oldest first. Stooq answers 200 with a plain-text "No data" (or "Brak danych") when it has
 * nothing, and with text or an HTML page when it refuses (quota, a bad symbol): each is an error,
 * never an empty success that would look like a market holiday.
 */
export function parseStooqCsv(body: string, from: string, to: string, provider = "stooq"): ProviderClose[] {
  const text = body.replace(/^\uFEFF/, "").trim();
  const fail = (failure: "NO_DATA" | "NOT_CSV" | "MALFORMED", message: string) => new PriceProviderError(provider, failure, message);
  if (text === "") throw fail("NO_DATA", "empty answer");
  if (/^(no data|brak danych)\b/i.test(text)) throw fail("NO_DATA", `no data (${snippet(text)})`);
  if (text.startsWith("<")) throw fail("NOT_CSV", `answered HTML, not CSV (${snippet(text)})`);
  const header = text
    .slice(0, text.search(/\r?\n|$/))
    .split(",")
    .map((h) => h.trim().toLowerCase());
  const [dateAt, closeAt] = [header.indexOf("date"), header.indexOf("close")];
  if (dateAt < 0 || closeAt < 0) throw fail("NOT_CSV", `answered something other than a price CSV (${snippet(text)})`);
  let records: string[][];
  try {
    records = parse(text, { skip_empty_lines: true, trim: true, from_line: 2, relax_column_count: true });
  } catch (error) {
    throw fail("MALFORMED", `unreadable CSV: ${(error as Error).message.slice(0, 120)}`);
  }
  const closes = new Map<string, string>();
  for (const [i, record] of records.entries()) {
    const [date, close] = [record[dateAt] ?? "", record[closeAt] ?? ""];
    if (!DATE.test(date) || !CLOSE.test(close))
      throw fail("MALFORMED", `line ${i + 2} is not a date and a close: ${snippet(record.join(","))}`);
    if (date >= from && date <= to) closes.set(date, close);
  }
  return [...closes].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, close]) => ({ date, close }));
}
