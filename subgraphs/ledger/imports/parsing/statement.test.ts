import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";

import { collect, errors, oks, sample } from "../test-support/samples.js";
import { readAmount } from "./amount-text.js";
import { validateCsvMapping } from "./csv-mapping.js";
import { detectFormat } from "./format-detection.js";
import { openStatement } from "./statement.js";

const options = { mapping: null };

describe("format detection", () => {
  it.each([
    ["padded-decimals.ofx", "OFX"],
    ["bank.qif", "QIF"],
    ["statement.camt053.xml", "CAMT053"],
    ["statement-v08.camt053.xml", "CAMT053"],
  ])("tells %s is %s", (name, format) => {
    expect(openStatement(sample(name), null, "EUR", { mapping: null }).format).toBe(format);
  });

  it("reads OFX 2 XML, a CSV and refuses what it cannot tell", () => {
    expect(detectFormat('<?xml version="1.0"?>\n<?OFX OFXHEADER="200"?>\n<OFX></OFX>')).toBe("OFX");
    expect(detectFormat("Date,Amount\n2026-01-01,1")).toBe("CSV");
    for (const unknown of ["%PDF-1.7\n...", "<html><body>Login</body></html>", "just some words"]) {
      expect(() => detectFormat(unknown)).toThrow(expect.objectContaining({ extensions: { code: "FORMAT_UNKNOWN", field: "format" } }));
    }
  });

  it("detects the format of a UTF-16 file after decoding it", () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(sample("bank.qif").toString(), "utf16le")]);
    expect(openStatement(bytes, null, "USD", options).format).toBe("QIF");
  });
});

describe("amounts as banks write them", () => {
  it("accepts zero-padded decimals in OFX and names the row and value of a non-zero excess", async () => {
    const items = await collect(openStatement(sample("padded-decimals.ofx"), null, "USD", options).items);
    expect(oks(items).map((r) => [r.amountMinor, r.payee])).toEqual([
      [-3000n, "Gas Station"],
      [-377n, "Café Latte"],
    ]);
    expect(errors(items)).toEqual([{ row: 3, code: "BAD_AMOUNT", message: expect.stringContaining('"-1.005"') }]);
  });

  it("accepts them in CSV too", async () => {
    const mapping = validateCsvMapping({ date: "Date", amount: "Amount", dateFormat: "yyyy-MM-dd" });
    const items = await collect(
      openStatement(Buffer.from("Date,Amount\n2026-01-02,-30.000\n2026-01-03,1.2345\n"), "CSV", "USD", { mapping }).items,
    );
    expect(items.map((i) => (i.ok ? i.value.amountMinor : i.error.code))).toEqual([-3000n, "BAD_AMOUNT"]);
  });

  it("reads any amount padded with zeros as the unpadded one, in every decimal style", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.nat({ max: 6 }),
        fc.constantFrom("JPY", "USD", "KWD"),
        (minor, pad, currency) => {
          const exponent = { JPY: 0, USD: 2, KWD: 3 }[currency]!;
          const digits = (minor < 0n ? -minor : minor).toString().padStart(exponent + 1, "0");
          const whole = digits.slice(0, digits.length - exponent);
          const fraction = digits.slice(digits.length - exponent) + "0".repeat(pad);
          const text = `${minor < 0n ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
          expect(readAmount(text, ".", currency)).toBe(minor);
          expect(readAmount(text.replace(".", ","), ",", currency)).toBe(minor);
        },
      ),
    );
  });
});
