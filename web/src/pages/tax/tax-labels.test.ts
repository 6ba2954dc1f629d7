import { describe, expect, it } from "vitest";

import { filingStatusLabel, taxYears } from "./tax-labels";

describe("tax page labels", () => {
  it("turns filing status codes into words", () => {
    expect(filingStatusLabel("MARRIED_FILING_JOINTLY")).toBe("Married filing jointly");
    expect(filingStatusLabel("SINGLE")).toBe("Single");
  });

  it("lists each year with tables once, newest first", () => {
    expect(taxYears([{ year: 2024 }, { year: 2025 }, { year: 2025 }])).toEqual([2025, 2024]);
    expect(taxYears([])).toEqual([]);
  });
});
