import { describe, expect, it } from "vitest";

import { formatPercent } from "./percent";

describe("percentages", () => {
  it("formats returns with a sign in the locale, and a dash without one", () => {
    expect(formatPercent("12.72", "en-US")).toBe("+12.72 %");
    expect(formatPercent("-3.5", "de-DE")).toBe("-3,50 %");
    expect(formatPercent("0.00", "en-US")).toBe("0.00 %");
    expect(formatPercent(null, "en-US")).toBe("—");
  });

  it("leaves the plus sign out when asked", () => {
    expect(formatPercent("25.5", "en-US", { signed: false })).toBe("25.50 %");
  });
});
