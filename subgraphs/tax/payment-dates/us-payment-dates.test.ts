import { describe, expect, it } from "vitest";

import { usTaxPaymentDates } from "./us-payment-dates.js";

const dates = (year: number) => usTaxPaymentDates(year).map((d) => `${d.kind}:${d.quarter ?? "-"}:${d.date}`);

describe("usTaxPaymentDates", () => {
  it("gives the 1040-ES dates of 2025, weekends moved to Monday", () => {
    // Jun 15 2025 is a Sunday, Sep 15 a Monday; Apr 15 2026 a Wednesday.
    expect(dates(2025)).toEqual([
      "ESTIMATED_PAYMENT:1:2025-04-15",
      "ESTIMATED_PAYMENT:2:2025-06-16",
      "ESTIMATED_PAYMENT:3:2025-09-15",
      "ESTIMATED_PAYMENT:4:2026-01-15",
      "BALANCE_DUE:-:2026-04-15",
    ]);
  });

  it("skips Emancipation Day observed on Friday April 15 (2022: due April 18)", () => {
    expect(usTaxPaymentDates(2021).find((d) => d.kind === "BALANCE_DUE")!.date).toBe("2022-04-18");
  });

  it("skips Martin Luther King Jr. Day when January 15 is the third Monday (2024: Q4 of 2023 due January 16)", () => {
    expect(usTaxPaymentDates(2023).find((d) => d.quarter === 4)!.date).toBe("2024-01-16");
  });
});
