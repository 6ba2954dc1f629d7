import { describe, expect, it } from "vitest";

import { linesFromText } from "./ocr-line.js";
import { normalizeMerchant, receiptMerchant } from "./receipt-merchant.parse.js";

describe("receiptMerchant", () => {
  it("takes the first strong line above the address", () => {
    const lines = linesFromText("** WELCOME **\nBLUE FERN CAFE\n123 Main St\n(555) 123-4567\nCoffee 3.50");
    expect(receiptMerchant(lines).value).toBe("Blue Fern Cafe");
  });

  it("skips addresses, phones and web addresses", () => {
    const lines = linesFromText("42 Harbour Road\nTel 020 7946 0000\nwww.example.com\nThe Corner Shop\nMilk 1.20");
    expect(receiptMerchant(lines).value).toBe("The Corner Shop");
  });

  it("finds no merchant in lines of numbers", () => {
    expect(receiptMerchant(linesFromText("12.34\n56.78\n2026-03-14"))).toEqual({ value: null, confidence: 0 });
  });

  it("is less sure of a name further down", () => {
    const top = receiptMerchant(linesFromText("Corner Shop")).confidence;
    const lower = receiptMerchant(linesFromText("RECEIPT\nCUSTOMER COPY\nCorner Shop")).confidence;
    expect(lower).toBeLessThan(top);
  });
});

describe("normalizeMerchant", () => {
  it.each([
    ["  TRADER  JOE'S  ", "Trader Joe's"],
    ["*** Pizza Piazza ***", "Pizza Piazza"],
    ["McDonald's", "McDonald's"],
    ["A&B HARDWARE-STORE", "A&B Hardware-Store"],
  ])("%s → %s", (raw, expected) => {
    expect(normalizeMerchant(raw)).toBe(expected);
  });
});
