import { describe, expect, it } from "vitest";

import { formatOfFile, guessCsvMapping, splitCsvLine } from "./csv-mapping";

describe("guessing a CSV's mapping", () => {
  it("reads a German bank export: semicolons, dd.MM.yyyy and a decimal comma", () => {
    const text = [
      "Datum;Empfänger;Verwendungszweck;Betrag",
      '01.11.2026;"REWE; Markt";Einkauf;-23,45',
      "02.11.2026;Employer;Lohn;2.500,00",
    ].join("\n");
    expect(guessCsvMapping(text)).toEqual({
      delimiter: ";",
      columns: ["Datum", "Empfänger", "Verwendungszweck", "Betrag"],
      date: "Datum",
      amount: "Betrag",
      payee: "Empfänger",
      memo: "Verwendungszweck",
      dateFormat: "dd.MM.yyyy",
      decimalSeparator: ",",
    });
  });

  it("reads an ISO export with commas, and tells US dates from European ones", () => {
    const iso = guessCsvMapping("\uFEFFDate,Payee,Amount\r\n2026-01-05,Bakery,-3.20\r\n");
    expect(iso).toMatchObject({ delimiter: ",", date: "Date", amount: "Amount", payee: "Payee", memo: "", dateFormat: "yyyy-MM-dd" });
    expect(iso.decimalSeparator).toBe(".");
    expect(guessCsvMapping("Date,Description,Amount\n01/25/2026,A,1.00").dateFormat).toBe("MM/dd/yyyy");
    expect(guessCsvMapping("Date,Description,Amount\n25/01/2026,A,1.00").dateFormat).toBe("dd/MM/yyyy");
  });

  it("splits quoted cells and tells OFX from CSV", () => {
    expect(splitCsvLine('a,"b, ""c""",d', ",")).toEqual(["a", 'b, "c"', "d"]);
    expect(formatOfFile("statement.QFX", "")).toBe("OFX");
    expect(formatOfFile("export.txt", "OFXHEADER:100\n<OFX>")).toBe("OFX");
    expect(formatOfFile("export.csv", "Date,Amount")).toBe("CSV");
  });
});
