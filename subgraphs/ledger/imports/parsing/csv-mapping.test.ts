import { describe, expect, it } from "vitest";

import { type CsvMappingInput, validateCsvMapping } from "./csv-mapping.js";

const base: CsvMappingInput = { date: "Date", amount: "Amount", dateFormat: "yyyy-MM-dd" };

function fieldOf(input: CsvMappingInput): unknown {
  try {
    validateCsvMapping(input);
  } catch (error) {
    const extensions = (error as { extensions?: Record<string, unknown> }).extensions;
    expect(extensions?.code).toBe("BAD_USER_INPUT");
    return extensions?.field;
  }
  throw new Error("expected the mapping to be rejected");
}

describe("validateCsvMapping", () => {
  it("fills the documented defaults", () => {
    const mapping = validateCsvMapping(base);
    expect(mapping).toMatchObject({
      delimiter: ",",
      decimalSeparator: ".",
      hasHeader: true,
      invertSign: false,
      payee: null,
      memo: null,
      bankTransactionId: null,
      date: { kind: "name", name: "Date" },
      amount: { kind: "signed", amount: { kind: "name", name: "Amount" } },
    });
  });

  it("reads a string of digits as a 0-based column index, as GraphQL sends it", () => {
    const mapping = validateCsvMapping({ ...base, date: "0", amount: " 3 ", payee: 2 });
    expect(mapping.date).toEqual({ kind: "index", index: 0 });
    expect(mapping.amount).toEqual({ kind: "signed", amount: { kind: "index", index: 3 } });
    expect(mapping.payee).toEqual({ kind: "index", index: 2 });
  });

  it("accepts debit and credit columns instead of a signed amount", () => {
    const mapping = validateCsvMapping({ ...base, amount: null, debit: "Out", credit: "In" });
    expect(mapping.amount).toEqual({ kind: "split", debit: { kind: "name", name: "Out" }, credit: { kind: "name", name: "In" } });
  });

  it("names the field that is wrong", () => {
    expect(fieldOf({ ...base, debit: "Out", credit: "In" })).toBe("mapping.amount");
    expect(fieldOf({ ...base, amount: undefined, debit: "Out" })).toBe("mapping.credit");
    expect(fieldOf({ ...base, amount: undefined, credit: "In" })).toBe("mapping.debit");
    expect(fieldOf({ ...base, amount: undefined })).toBe("mapping.amount");
    expect(fieldOf({ ...base, dateFormat: "yyyy-MM" })).toBe("mapping.dateFormat");
    expect(fieldOf({ ...base, dateFormat: "yyyy-MM-dd HH:mm" })).toBe("mapping.dateFormat");
    expect(fieldOf({ ...base, dateFormat: "dd/dd/yyyy" })).toBe("mapping.dateFormat");
    expect(fieldOf({ ...base, delimiter: "|" })).toBe("mapping.delimiter");
    expect(fieldOf({ ...base, decimalSeparator: "'" })).toBe("mapping.decimalSeparator");
    expect(fieldOf({ ...base, date: -1 })).toBe("mapping.date");
    expect(fieldOf({ ...base, date: "  " })).toBe("mapping.date");
    expect(fieldOf({ ...base, amount: "Date" })).toBe("mapping.amount");
    expect(fieldOf({ ...base, hasHeader: false, date: 0, amount: "Amount" })).toBe("mapping.amount");
    expect(fieldOf({ ...base, invertSign: "yes" as unknown as boolean })).toBe("mapping.invertSign");
  });

  it("lets payee and memo share one description column", () => {
    const mapping = validateCsvMapping({ ...base, payee: "Text", memo: "Text" });
    expect(mapping.payee).toEqual(mapping.memo);
  });
});
