import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { amountsIn, lastAmount } from "./receipt-amount.parse.js";

describe("amountsIn", () => {
  it.each([
    ["Coffee 3.50", ["3.50"]],
    ["TOTAL $ 1,234.56", ["1234.56"]],
    ["Summe 12,34 €", ["12.34"]],
    ["Gesamt 1.234,56", ["1234.56"]],
    ["Discount -2.00", ["-2.00"]],
    ["TOTAL    -    24,04 €", ["24.04"]],
    ["Coupon 2.00-", ["-2.00"]],
    ["2 x 1.25 2.50", ["1.25", "2.50"]],
    ["€0.99", ["0.99"]],
  ])("reads %s", (line, expected) => {
    expect(amountsIn(line).map((a) => a.value)).toEqual(expected);
  });

  it.each(["14.03.2026", "03/14/2026 12:30", "TAX 8.25%", "Tel 555.123.4567", "Store #1234", "12.345"])("finds no amount in %s", (line) => {
    expect(amountsIn(line)).toEqual([]);
  });

  it("gives where the amount starts so the description is the text before it", () => {
    const amount = lastAmount("Bagel w/ cream cheese   4.25")!;
    expect(amount.value).toBe("4.25");
    expect("Bagel w/ cream cheese   4.25".slice(0, amount.index).trim()).toBe("Bagel w/ cream cheese");
  });

  it("reads back any amount printed with a dot or a comma, with or without thousands groups", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.boolean(), fc.boolean(), (cents, comma, grouped) => {
        const whole = Math.floor(cents / 100);
        const fraction = String(cents % 100).padStart(2, "0");
        const groups = grouped ? whole.toLocaleString("en-US").replace(/,/g, comma ? "." : ",") : String(whole);
        const printed = `Item ${groups}${comma ? "," : "."}${fraction}`;
        expect(lastAmount(printed)?.value).toBe(`${whole}.${fraction}`);
      }),
    );
  });
});
