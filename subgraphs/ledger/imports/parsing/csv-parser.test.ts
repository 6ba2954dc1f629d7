import { describe, expect, it } from "vitest";

import { validateCsvMapping } from "./csv-mapping.js";
import { parseCsv } from "./csv-parser.js";
import { parseAll, values } from "./csv-test-support.js";

describe("parseCsv dates", () => {
  it.each([
    ["yyyy-MM-dd", "2024-03-05"],
    ["dd/MM/yyyy", "05/03/2024"],
    ["MM/dd/yyyy", "03/05/2024"],
    ["dd.MM.yyyy", "05.03.2024"],
    ["yyyyMMdd", "20240305"],
    ["d/M/yyyy", "5/3/2024"],
    ["d/M/yyyy", "05/03/2024"],
    ["yyyy-MM-dd", "2024-03-05 14:22:01"],
    ["yyyy-MM-dd", "2024-03-05T14:22:01Z"],
  ])("reads %s (%s) as 5 March 2024", async (dateFormat, written) => {
    const [item] = values(await parseAll(`Date,Amount\n${written},1.00\n`, { dateFormat }));
    expect(item).toMatchObject({ row: 2, date: "2024-03-05" });
  });

  it("rejects days that do not exist and dates outside 1900..2100, row by row", async () => {
    const csv = "Date,Amount\n2024-02-29,1\n2023-02-29,1\n1899-12-31,1\n2101-01-01,1\n03/05/2024,1\n2100-12-31,1\n";
    expect(values(await parseAll(csv, {})).map((v) => ("code" in v ? v.code : v.date))).toEqual([
      "2024-02-29",
      "BAD_DATE",
      "DATE_OUT_OF_RANGE",
      "DATE_OUT_OF_RANGE",
      "BAD_DATE",
      "2100-12-31",
    ]);
  });

  it("insists on two digits for MM and dd", async () => {
    const [item] = values(await parseAll("Date,Amount\n5/3/2024,1\n", { dateFormat: "dd/MM/yyyy" }));
    expect(item).toMatchObject({ row: 2, code: "BAD_DATE" });
  });
});

describe("parseCsv amounts", () => {
  const amountsOf = async (cells: string[], options: Parameters<typeof parseAll>[1] = {}, currency = "EUR") => {
    const csv = `Date;Amount\n${cells.map((cell) => `2024-01-02;${cell}`).join("\n")}\n`;
    return values(await parseAll(csv, { delimiter: ";", ...options }, currency)).map((v) => ("code" in v ? v.code : v.amountMinor));
  };

  it("reads a decimal comma with thousands dots or spaces", async () => {
    expect(
      await amountsOf(["1.234,56", "-1.234.567,8", "1 234,56", "1\u00a0234,56", "0,05", ",5", "12"], { decimalSeparator: "," }),
    ).toEqual([123456n, -123456780n, 123456n, 123456n, 5n, 50n, 1200n]);
  });

  it("reads a decimal point with thousands commas", async () => {
    expect(await amountsOf(["1,234.56", "-1,234,567.8", "1234.5"])).toEqual([123456n, -123456780n, 123450n]);
  });

  it("refuses a number written with the other convention instead of guessing a factor of 100", async () => {
    expect(await amountsOf(["12.50", "1.2345,00"], { decimalSeparator: "," })).toEqual(["BAD_AMOUNT", "BAD_AMOUNT"]);
    expect(await amountsOf(["12,50"])).toEqual(["BAD_AMOUNT"]);
  });

  it("strips the currency's symbols and reads bank sign styles", async () => {
    expect(await amountsOf(["€ -1.234,56", "-12,00 EUR", "(12,00)", "12,50-", "+3,00", "\u221212,00"], { decimalSeparator: "," })).toEqual([
      -123456n,
      -1200n,
      -1200n,
      -1250n,
      300n,
      -1200n,
    ]);
    expect(await amountsOf(["$1,234.56", "USD -2.00", "usd 3"], {}, "USD")).toEqual([123456n, -200n, 300n]);
  });

  it("fails on letters it cannot account for, rather than dropping a DR/CR marker", async () => {
    expect(await amountsOf(["12.34 DR", "12.34 GBP", "abc", "", "--1", "1e3"])).toEqual([
      "BAD_AMOUNT",
      "BAD_AMOUNT",
      "BAD_AMOUNT",
      "MISSING_FIELD",
      "BAD_AMOUNT",
      "BAD_AMOUNT",
    ]);
  });

  it("reports more decimals than the currency has as a row error, never a rounding", async () => {
    expect(await amountsOf(["100", "100.5"], {}, "JPY")).toEqual([100n, "BAD_AMOUNT"]);
    expect(await amountsOf(["1.23", "1.234"], {}, "USD")).toEqual([123n, "BAD_AMOUNT"]);
    expect(await amountsOf(["1.234", "1.2345"], {}, "KWD")).toEqual([1234n, "BAD_AMOUNT"]);
    const [error] = values(await parseAll("Date,Amount\n2024-01-02,1.234\n", {}, "USD"));
    expect(error).toMatchObject({ row: 2, code: "BAD_AMOUNT", message: expect.stringContaining("more decimal places than USD allows") });
  });

  it("takes debit as money out and credit as money in, whatever sign the bank printed", async () => {
    const csv = [
      "Date,Debit,Credit",
      "2024-01-02,12.34,",
      "2024-01-03,,100.00",
      "2024-01-04,-5.00,",
      "2024-01-05,7.00,0.00",
      "2024-01-06,1.00,2.00",
      "2024-01-07,,",
    ].join("\n");
    const items = values(await parseAll(csv, { amount: undefined, debit: "Debit", credit: "Credit" }));
    expect(items.map((v) => ("code" in v ? `${v.row}:${v.code}` : v.amountMinor))).toEqual([
      -1234n,
      10000n,
      -500n,
      -700n,
      "6:BAD_ROW",
      "7:MISSING_FIELD",
    ]);
  });

  it("flips every sign with invertSign for banks that print expenses as positive", async () => {
    const csv = "Date,Amount\n2024-01-02,12.34\n2024-01-03,-100.00\n";
    expect(values(await parseAll(csv, { invertSign: true })).map((v) => ("amountMinor" in v ? v.amountMinor : v))).toEqual([
      -1234n,
      10000n,
    ]);
    const split = "Date,Debit,Credit\n2024-01-02,12.34,\n";
    const [row] = values(await parseAll(split, { amount: undefined, debit: "Debit", credit: "Credit", invertSign: true }));
    expect(row).toMatchObject({ amountMinor: 1234n });
  });
});

describe("parseCsv file shapes", () => {
  it("handles quoted fields holding delimiters, quotes and newlines, and counts records not lines", async () => {
    const csv = [
      "Date,Amount,Payee,Memo",
      '2024-01-02,"1,234.50","ACME, Inc.","first line',
      'second line"',
      '2024-01-03,-2.00,"The ""Best"" Cafe",',
      "2024-01-04,bad,X,",
    ].join("\r\n");
    const items = values(await parseAll(csv, { payee: "Payee", memo: "Memo" }));
    expect(items).toEqual([
      { row: 2, date: "2024-01-02", amountMinor: 123450n, payee: "ACME, Inc.", memo: "first line\r\nsecond line", bankTransactionId: null },
      { row: 3, date: "2024-01-03", amountMinor: -200n, payee: 'The "Best" Cafe', memo: null, bankTransactionId: null },
      { row: 4, code: "BAD_AMOUNT", message: expect.any(String) },
    ]);
  });

  it("strips a UTF-8 byte order mark so the first header still matches", async () => {
    const items = values(await parseAll("\ufeffDate,Amount\n2024-01-02,5\n", {}));
    expect(items).toEqual([{ row: 2, date: "2024-01-02", amountMinor: 500n, payee: "", memo: null, bankTransactionId: null }]);
  });

  it("reports a bad row in the middle with its row number and keeps parsing around it", async () => {
    const csv = [
      "Date,Amount,Payee,Ref",
      "2024-01-01,1.00,A,r1",
      "2024-01-02,2.00,B,r2",
      "2024-13-03,3.00,C,r3",
      "2024-01-04,4.00,D",
      "2024-01-05,5.00,E,r5,extra",
      "",
      "2024-01-07,7.00,G,r7",
    ].join("\n");
    const items = await parseAll(csv, { payee: "Payee", bankTransactionId: "Ref" });
    expect(
      items.map((item) => (item.ok ? `${item.value.row} ok ${item.value.bankTransactionId}` : `${item.error.row} ${item.error.code}`)),
    ).toEqual(["2 ok r1", "3 ok r2", "4 BAD_DATE", "5 BAD_ROW", "6 BAD_ROW", "8 ok r7"]);
  });

  it("falls back to the memo for the payee, else an empty string", async () => {
    const csv = "Date,Amount,Name,Text\n2024-01-02,1,Shop,Card payment\n2024-01-03,1,,Transfer\n2024-01-04,1,,\n";
    const items = values(await parseAll(csv, { payee: "name", memo: "TEXT" }));
    expect(items.map((v) => ("payee" in v ? [v.payee, v.memo] : v))).toEqual([
      ["Shop", "Card payment"],
      ["Transfer", "Transfer"],
      ["", null],
    ]);
    const [onlyMemo] = values(await parseAll(csv, { memo: "Text" }));
    expect(onlyMemo).toMatchObject({ payee: "Card payment" });
  });

  it("reads headerless, semicolon and tab files by column index", async () => {
    const semicolon = "02.01.2024;-12,50;Bakery;ref-1\n03.01.2024;1.000,00;Salary;ref-2\n";
    const mapping = {
      hasHeader: false,
      delimiter: ";",
      date: "0",
      amount: "1",
      payee: "2",
      bankTransactionId: "3",
      dateFormat: "dd.MM.yyyy",
      decimalSeparator: ",",
    };
    expect(values(await parseAll(semicolon, mapping, "EUR"))).toEqual([
      { row: 1, date: "2024-01-02", amountMinor: -1250n, payee: "Bakery", memo: null, bankTransactionId: "ref-1" },
      { row: 2, date: "2024-01-03", amountMinor: 100000n, payee: "Salary", memo: null, bankTransactionId: "ref-2" },
    ]);
    const tab = "Date\tAmount\n2024-01-02\t3.00\n";
    expect(values(await parseAll(tab, { delimiter: "\t" }))).toMatchObject([{ row: 2, amountMinor: 300n }]);
  });

  it("throws BAD_USER_INPUT before any row when the header lacks a mapped column", async () => {
    await expect(parseAll("Datum,Betrag\n2024-01-02,1\n", {})).rejects.toMatchObject({
      extensions: { code: "BAD_USER_INPUT", field: "mapping.date" },
    });
    await expect(parseAll("a,b\n2024-01-02,1\n", { hasHeader: false, date: 0, amount: 5 })).rejects.toMatchObject({
      extensions: { field: "mapping.amount" },
    });
    await expect(parseAll("Date,Amount\n", {}, "XYZ")).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
  });

  it("ends with one BAD_ROW where a quote opens and never closes", async () => {
    const csv = 'Date,Amount,Payee\n2024-01-02,1,A\n2024-01-03,2,"never closed\n2024-01-04,3,C\n';
    expect(values(await parseAll(csv, { payee: "Payee" })).map((v) => ("code" in v ? `${v.row} ${v.code}` : v.row))).toEqual([
      2,
      "3 BAD_ROW",
    ]);
  });

  it("passes on the error of a failing upload stream instead of hanging", async () => {
    async function* broken() {
      yield "Date,Amount\n2024-01-02,1\n";
      throw new Error("client went away");
    }
    const mapping = validateCsvMapping({ date: "Date", amount: "Amount", dateFormat: "yyyy-MM-dd" });
    const seen: unknown[] = [];
    await expect(
      (async () => {
        for await (const item of parseCsv(broken(), mapping, "USD")) seen.push(item);
      })(),
    ).rejects.toThrow("client went away");
  });

  it("streams a 50,000-row file, including from a chunked byte source", async () => {
    const lines = ["Date,Amount,Payee,Ref"];
    for (let i = 0; i < 50_000; i++) {
      const day = String((i % 28) + 1).padStart(2, "0");
      lines.push(`2024-02-${day},${i % 2 ? "-" : ""}${Math.floor(i / 100)}.${String(i % 100).padStart(2, "0")},"Shop ${i}, Ltd",id-${i}`);
    }
    const csv = lines.join("\n");
    let ok = 0;
    let last = 0;
    let sum = 0n;
    for await (const item of parseCsv(
      csv,
      validateCsvMapping({ date: "Date", amount: "Amount", payee: "Payee", bankTransactionId: "Ref", dateFormat: "yyyy-MM-dd" }),
      "USD",
    )) {
      if (item.ok) {
        ok += 1;
        last = item.value.row;
        sum += item.value.amountMinor;
      }
    }
    expect(ok).toBe(50_000);
    expect(last).toBe(50_001);
    expect(sum).toBe(-25_000n); // pairs (even +n, odd -(n+1)) each sum to -1 minor unit

    const bytes = new TextEncoder().encode(`Date,Amount,Payee\n2024-01-02,1,Café ☕ ${"x".repeat(70_000)}\n`);
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
    }
    const mapping = validateCsvMapping({ date: "Date", amount: "Amount", payee: "Payee", dateFormat: "yyyy-MM-dd" });
    const streamed = [];
    for await (const item of parseCsv(chunks(), mapping, "USD")) streamed.push(item);
    expect(streamed).toMatchObject([{ ok: true, value: { payee: expect.stringMatching(/^Café ☕ x+$/) } }]);
  });
});
