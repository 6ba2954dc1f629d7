import { describe, expect, it } from "vitest";

import { linesFromText } from "./ocr-line.js";
import { receiptCurrency } from "./receipt-currency.parse.js";
import { extractReceipt } from "./receipt-extraction.js";

const US_RECEIPT = `BLUE FERN CAFE
123 Main St, Springfield
(555) 123-4567
03/04/2026 08:12
Latte 4.50
Blueberry Muffin 3.25
Orange Juice 2.75
SUBTOTAL 10.50
TAX 8.25% 0.87
TOTAL $11.37
CASH $20.00
CHANGE $8.63`;

const EU_RECEIPT = `Bäckerei Sonnenschein
Hauptstraße 5, Berlin
03.04.2026
Brot 3,20
Kuchen 2,80
Summe 6,00
MwSt 7% 0,39
TOTAL EUR 6,39`;

describe("extractReceipt", () => {
  it("reads every field of a clean US receipt and is sure of its total", () => {
    const extraction = extractReceipt(linesFromText(US_RECEIPT, 0.95));
    expect(extraction.merchant.value).toBe("Blue Fern Cafe");
    expect(extraction.date.value).toBe("2026-03-04");
    expect(extraction.total.value).toBe("11.37");
    expect(extraction.tax.value).toBe("0.87");
    expect(extraction.currency.value).toBe("USD");
    expect(extraction.lineItems).toEqual([
      { description: "Latte", amount: "4.50", confidence: 0.95 },
      { description: "Blueberry Muffin", amount: "3.25", confidence: 0.95 },
      { description: "Orange Juice", amount: "2.75", confidence: 0.95 },
    ]);
    expect(extraction.total.confidence).toBeGreaterThan(0.9);
    expect(extraction.confidence).toBeGreaterThan(0.7);
  });

  it("reads a euro receipt's comma decimals and its dotted date day first", () => {
    const extraction = extractReceipt(linesFromText(EU_RECEIPT, 0.9));
    expect(extraction.currency.value).toBe("EUR");
    expect(extraction.date.value).toBe("2026-04-03");
    expect(extraction.total.value).toBe("6.39");
    expect(extraction.tax.value).toBe("0.39");
  });

  it("follows the caller's day-first hint over the currency's habit", () => {
    const lines = linesFromText("Shop\n03/04/2026\nTOTAL $5.00");
    expect(extractReceipt(lines).date.value).toBe("2026-03-04");
    expect(extractReceipt(lines, { dayFirst: true }).date.value).toBe("2026-04-03");
  });

  it("prefers subtotal + tax over a misread total when the items agree with the subtotal", () => {
    const misread = US_RECEIPT.replace("TOTAL $11.37", "TOTAL $71.37");
    const extraction = extractReceipt(linesFromText(misread, 0.9));
    expect(extraction.total.value).toBe("11.37");
    expect(extraction.total.confidence).toBeLessThan(0.7);
  });

  it("is less sure of a total the subtotal and tax contradict", () => {
    const sure = extractReceipt(linesFromText(US_RECEIPT, 0.9)).total.confidence;
    const contradicted = extractReceipt(linesFromText(US_RECEIPT.replace("SUBTOTAL 10.50", "SUBTOTAL 10.90"), 0.9)).total;
    expect(contradicted.value).toBe("11.37");
    expect(contradicted.confidence).toBeLessThan(sure);
  });

  it("falls back to the largest amount that is not a payment when no total is labelled", () => {
    const extraction = extractReceipt(linesFromText("Kiosk\nWater 1.50\nCrisps 2.00\nSum 3.50\nCash 5.00", 0.9));
    expect(extraction.total.value).toBe("3.50");
    expect(extraction.total.confidence).toBeLessThan(0.5);
  });

  it("reads nothing off text that is not a receipt and says so", () => {
    const extraction = extractReceipt(linesFromText("The quick brown fox\njumps over the lazy dog", 0.6));
    expect(extraction.total.value).toBeNull();
    expect(extraction.lineItems).toEqual([]);
    expect(extraction.confidence).toBeLessThan(0.2);
    expect(extractReceipt([]).confidence).toBe(0);
  });
});

describe("receiptCurrency", () => {
  it("lets a printed code outvote a symbol", () => {
    expect(receiptCurrency(linesFromText("Total $12.00\nAmounts in CAD")).value).toBe("CAD");
  });

  it("reads pounds and euros from their symbols", () => {
    expect(receiptCurrency(linesFromText("Tea £2.40\nTotal £2.40")).value).toBe("GBP");
    expect(receiptCurrency(linesFromText("Tee 2,40 €")).value).toBe("EUR");
  });

  it("gives no currency when nothing names one", () => {
    expect(receiptCurrency(linesFromText("Total 2.40"))).toEqual({ value: null, confidence: 0 });
  });
});
