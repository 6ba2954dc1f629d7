import { buffer } from "node:stream/consumers";

import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";

import { formatAmount } from "../../../../platform/money/index.js";
import { csvText, csvWriter } from "./csv-format.js";

async function csvOf(columns: string[], rows: string[][]): Promise<string> {
  const writer = csvWriter(columns);
  const out = buffer(writer);
  for (const row of rows) writer.write(row);
  writer.end();
  // Decoded by hand: TextDecoder (and so stream/consumers' text) would drop the BOM this checks for.
  return (await out).toString("utf8");
}

describe("report CSV", () => {
  it("is RFC 4180: CRLF, quotes only where needed, quotes doubled, line breaks kept inside quotes; UTF-8 with a BOM", async () => {
    const csv = await csvOf(
      ["payee", "notes", "amount"],
      [
        ["Café, Zürich", 'said "hi"', "-12.30"],
        ["Plain", "two\nlines", "1000.00"],
      ],
    );
    expect(csv).toBe('\uFEFFpayee,notes,amount\r\n"Café, Zürich","said ""hi""",-12.30\r\nPlain,"two\nlines",1000.00\r\n');
    expect(parse(csv, { bom: true, columns: true })).toEqual([
      { payee: "Café, Zürich", notes: 'said "hi"', amount: "-12.30" },
      { payee: "Plain", notes: "two\nlines", amount: "1000.00" },
    ]);
  });

  it("writes amounts from minor units with the currency's exponent, never through a float", () => {
    expect(formatAmount({ amountMinor: -1230n, currency: "USD" })).toBe("-12.30");
    expect(formatAmount({ amountMinor: 5n, currency: "EUR" })).toBe("0.05");
    expect(formatAmount({ amountMinor: 1234n, currency: "JPY" })).toBe("1234");
    expect(formatAmount({ amountMinor: 1234n, currency: "KWD" })).toBe("1.234");
    // 2^53 + 1 minor units: a float would have lost the last cent.
    expect(formatAmount({ amountMinor: 9_007_199_254_740_993n, currency: "USD" })).toBe("90071992547409.93");
  });

  it("defuses text a spreadsheet would run as a formula, and leaves other text alone", () => {
    expect(csvText("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvText("+1")).toBe("'+1");
    expect(csvText("-x")).toBe("'-x");
    expect(csvText("@SUM")).toBe("'@SUM");
    expect(csvText("Grocer")).toBe("Grocer");
  });
});
