import { describe, expect, it } from "vitest";

import { LocaleFormat } from "./locale-format.js";

describe("locale formatting for reports", () => {
  it("prints exact amounts in the user's locale and currency", () => {
    expect(new LocaleFormat("en-US").amount(-123456789n, "USD")).toBe("-$1,234,567.89");
    expect(new LocaleFormat("de-DE").amount(123456n, "EUR")).toBe("1.234,56\u00a0€");
    expect(new LocaleFormat("ja-JP").amount(1234n, "JPY")).toBe("￥1,234");
    expect(new LocaleFormat("en-US").amount(9_007_199_254_740_993n, "USD")).toBe("$90,071,992,547,409.93");
  });

  it("falls back to en-US for a locale the runtime does not know, and prints days in UTC", () => {
    expect(new LocaleFormat("xx-invalid-!!").locale).toBe("en-US");
    expect(new LocaleFormat("en-GB").date("2026-03-01")).toBe("1 Mar 2026");
    expect(new LocaleFormat("de-DE").month("2026-03")).toBe("März 2026");
  });
});
