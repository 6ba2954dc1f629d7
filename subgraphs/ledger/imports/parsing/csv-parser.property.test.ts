import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { formatAmount } from "../../../../platform/money/index.js";
import { validateCsvMapping } from "./csv-mapping.js";
import { parseCsv } from "./csv-parser.js";

const FORMATS = ["yyyy-MM-dd", "dd/MM/yyyy", "MM/dd/yyyy", "dd.MM.yyyy", "yyyyMMdd", "d/M/yyyy"] as const;

function writeDate(iso: string, format: string): string {
  const [year, month, day] = iso.split("-") as [string, string, string];
  return format
    .replace("yyyy", year)
    .replace("MM", month)
    .replace("dd", day)
    .replace("M", String(Number(month)))
    .replace("d", String(Number(day)));
}

/** Writes minor units the way a bank would: chosen decimal mark, optional thousands groups. */
function writeAmount(amountMinor: bigint, currency: string, decimal: "." | ",", grouped: boolean): string {
  const plain = formatAmount({ amountMinor, currency });
  const [, sign = "", whole = "", fraction] = /^(-?)(\d+)(?:\.(\d+))?$/.exec(plain)!;
  const groups = grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, decimal === "," ? "." : ",") : whole;
  return `${sign}${groups}${fraction === undefined ? "" : decimal + fraction}`;
}

describe("parseCsv round trip", () => {
  it("gives back the amount in minor units and the date that were written", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            amountMinor: fc.bigInt(-(10n ** 12n), 10n ** 12n),
            date: fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2100-12-31T23:59:59Z"), noInvalidDate: true }),
          }),
          { minLength: 1, maxLength: 20 },
        ),
        fc.constantFrom("USD", "JPY", "KWD", "EUR"),
        fc.constantFrom(...FORMATS),
        fc.constantFrom("." as const, "," as const),
        fc.constantFrom("," as const, ";" as const, "\t" as const),
        fc.boolean(),
        async (rows, currency, dateFormat, decimalSeparator, delimiter, grouped) => {
          const expected = rows.map(({ amountMinor, date }) => ({ amountMinor, date: date.toISOString().slice(0, 10) }));
          const lines = expected.map(({ amountMinor, date }) => {
            const amount = writeAmount(amountMinor, currency, decimalSeparator, grouped);
            const cell = amount.includes(delimiter) ? `"${amount}"` : amount;
            return [writeDate(date, dateFormat), cell, "Payee"].join(delimiter);
          });
          const csv = [["Date", "Amount", "Payee"].join(delimiter), ...lines].join("\n");
          const mapping = validateCsvMapping({ date: "Date", amount: "Amount", payee: "Payee", dateFormat, decimalSeparator, delimiter });
          const parsed = [];
          for await (const item of parseCsv(csv, mapping, currency)) {
            expect(
              item.ok,
              JSON.stringify(item, (_, v) => (typeof v === "bigint" ? String(v) : v)),
            ).toBe(true);
            if (item.ok) parsed.push({ amountMinor: item.value.amountMinor, date: item.value.date });
          }
          expect(parsed).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
