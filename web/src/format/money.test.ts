import { describe, expect, it } from "vitest";

import { formatMoney, isNegative, parseAmountInput } from "./money";

describe("money on screen", () => {
  it("formats the decimal string in the locale and currency, exactly (no float on the way)", () => {
    expect(formatMoney({ amount: "1234.5", currency: "EUR" }, "de-DE")).toBe("1.234,50\u00a0€");
    expect(formatMoney({ amount: "-1234.56", currency: "USD" }, "en-US")).toBe("-$1,234.56");
    expect(formatMoney({ amount: "1500", currency: "JPY" }, "ja-JP")).toBe("￥1,500");
    expect(formatMoney({ amount: "1.234", currency: "KWD" }, "en-US")).toBe("KWD\u00a01.234");
    // 2^53 + 1 as a float would print …992.
    expect(formatMoney({ amount: "9007199254740993.00", currency: "USD" }, "en-US")).toBe("$9,007,199,254,740,993.00");
    expect(formatMoney({ amount: "12.5", currency: "EUR" }, "en-IE", { signed: true })).toBe("+€12.50");
  });

  it("reads what people type in their locale into the API's decimal string, or nothing", () => {
    expect(parseAmountInput("1.234,50", "de-DE")).toBe("1234.50");
    expect(parseAmountInput("1,234.50", "en-US")).toBe("1234.50");
    expect(parseAmountInput(" -12 ", "en-US")).toBe("-12");
    expect(parseAmountInput("1\u202f234,5", "fr-FR")).toBe("1234.5");
    for (const bad of ["", "abc", "1.2.3", "12,34,56.7.8", "1e5", "--1"]) expect(parseAmountInput(bad, "en-US"), bad).toBeUndefined();
  });

  it("tells a negative amount from its text, and -0 is not negative", () => {
    expect(isNegative({ amount: "-0.01", currency: "EUR" })).toBe(true);
    expect(isNegative({ amount: "-0.00", currency: "EUR" })).toBe(false);
    expect(isNegative({ amount: "3", currency: "EUR" })).toBe(false);
  });
});
