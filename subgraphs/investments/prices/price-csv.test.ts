import { describe, expect, it } from "vitest";

import { readPriceCsv } from "./price-csv.js";

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return `${(error as { extensions: { field: string } }).extensions.field}: ${(error as Error).message}`;
  }
  return "accepted";
};

describe("a price file", () => {
  it("is read by column name, with each row's line number and an optional currency", () => {
    const csv = "Date,Close,Symbol,Note\r\n2025-01-02,10.50,VWCE,x\r\n\r\n2025-01-03,10.60,vwce\r\n";
    expect(readPriceCsv(csv, 10)).toEqual([
      { row: 2, symbol: "VWCE", date: "2025-01-02", close: "10.50", currency: "" },
      { row: 4, symbol: "vwce", date: "2025-01-03", close: "10.60", currency: "" },
    ]);
    expect(readPriceCsv("symbol,date,close,currency\nX,2025-01-02,1,eur\n", 10)[0]!.currency).toBe("eur");
  });

  it("is refused as a whole when a column is missing, it is not CSV, or it is too long", () => {
    expect(refusal(() => readPriceCsv("symbol,close\nX,1\n", 10))).toMatch(/^csv: the header must name/);
    expect(refusal(() => readPriceCsv('symbol,date,close\n"X,2025-01-02,1\n', 10))).toMatch(/^csv: not a CSV file/);
    const rows = (n: number) => "symbol,date,close\n" + "X,2025-01-02,1\n".repeat(n);
    expect(readPriceCsv(rows(3), 3)).toHaveLength(3);
    expect(refusal(() => readPriceCsv(rows(4), 3))).toBe("csv: a price file holds at most 3 rows");
  });
});
