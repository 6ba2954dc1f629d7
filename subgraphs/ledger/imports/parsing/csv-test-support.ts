import { type CsvMappingInput, validateCsvMapping } from "./csv-mapping.js";
import { parseCsv } from "./csv-parser.js";
import type { ImportItem } from "./import-row.js";

/** Test helper: parses a whole CSV with a mapping given as GraphQL would send it. */
export async function parseAll(content: string, input: Partial<CsvMappingInput>, currency = "USD"): Promise<ImportItem[]> {
  const mapping = validateCsvMapping({ date: "Date", amount: "Amount", dateFormat: "yyyy-MM-dd", ...input } as CsvMappingInput);
  const items: ImportItem[] = [];
  for await (const item of parseCsv(content, mapping, currency)) items.push(item);
  return items;
}

export const values = (items: ImportItem[]) => items.map((item) => (item.ok ? item.value : item.error));
