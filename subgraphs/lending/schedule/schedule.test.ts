import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";

import { referenceCases, referenceRows } from "./fixtures/reference-tables.js";
import { parseAnnualRate } from "./rate.js";
import { buildSchedule, installmentAmount, type LoanMethod, type LoanTerms, totalInterest } from "./schedule.js";

const terms = (overrides: Partial<LoanTerms> = {}): LoanTerms => ({
  principalMinor: 1_000_000n,
  annualRatePercent: parseAnnualRate("5"),
  termMonths: 12,
  startDate: "2024-01-31",
  method: "AMORTIZING",
  ...overrides,
});

const badInputOn = (field: string) => expect.objectContaining({ extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field }) });

describe("schedules against independently computed tables", () => {
  const cases = referenceCases();

  it("covers at least a 12-month and a 360-month amortizing loan", () => {
    const amortizing = cases.filter((c) => c.method === "AMORTIZING").map((c) => Number(c.termMonths));
    expect(amortizing).toEqual(expect.arrayContaining([12, 360]));
  });

  it.each(cases.map((c) => [c.name!, c] as const))("%s matches every row, the installment amount and the total interest", (name, c) => {
    const loan: LoanTerms = {
      principalMinor: BigInt(c.principalMinor!),
      annualRatePercent: parseAnnualRate(c.annualRatePercent!),
      termMonths: Number(c.termMonths),
      startDate: c.startDate!,
      method: c.method as LoanMethod,
    };
    const schedule = buildSchedule(loan);
    expect(schedule).toEqual(referenceRows(name));
    expect(installmentAmount(loan)).toBe(BigInt(c.installmentAmountMinor!));
    expect(totalInterest(schedule)).toBe(BigInt(c.totalInterestMinor!));
  });

  it("gives the payments banks publish: 856.07 on 10,000.00 at 5 % for 12 months, 1,264.14 on 200,000.00 at 6.5 % for 30 years", () => {
    expect(installmentAmount(terms())).toBe(85_607n);
    expect(installmentAmount(terms({ principalMinor: 20_000_000n, annualRatePercent: parseAnnualRate("6.5"), termMonths: 360 }))).toBe(
      126_414n,
    );
  });
});

describe("rounding", () => {
  it("rounds an exact half up, which a 40-digit r = annual/12 would have rounded down", () => {
    // 6.00 at 1 % for one month: 600 × (1 + 0.01/12) = 600.5 exactly.
    const oneMonth = terms({ principalMinor: 600n, annualRatePercent: parseAnnualRate("1"), termMonths: 1 });
    expect(installmentAmount(oneMonth)).toBe(601n);
    expect(buildSchedule(oneMonth)).toEqual([
      { number: 1, dueDate: "2024-02-29", paymentMinor: 601n, interestMinor: 1n, principalMinor: 600n, balanceMinor: 0n },
    ]);
  });

  it("rounds SIMPLE interest once over the whole term, then spreads it with the remainder last", () => {
    // 1,000.01 at 3 % for 5 months: 100001 × 0.03 × 5/12 = 1250.0125 → 1250; principal 20000 × 4 + 20001.
    const schedule = buildSchedule(
      terms({ principalMinor: 100_001n, annualRatePercent: parseAnnualRate("3"), termMonths: 5, method: "SIMPLE" }),
    );
    expect(schedule.map((r) => [r.paymentMinor, r.interestMinor, r.principalMinor])).toEqual([
      [20_250n, 250n, 20_000n],
      [20_250n, 250n, 20_000n],
      [20_250n, 250n, 20_000n],
      [20_250n, 250n, 20_000n],
      [20_251n, 250n, 20_001n],
    ]);
  });

  it("lets a friend's rate-0 loan smaller than its term pay nothing until the last installment", () => {
    const tiny = terms({ principalMinor: 2n, annualRatePercent: parseAnnualRate("0"), termMonths: 3 });
    expect(buildSchedule(tiny).map((r) => [r.paymentMinor, r.balanceMinor])).toEqual([
      [0n, 2n],
      [0n, 2n],
      [2n, 0n],
    ]);
    expect(installmentAmount(tiny)).toBe(0n);
  });
});

describe("bad loan terms", () => {
  it.each([
    ["a principal of zero", { principalMinor: 0n }, "principal"],
    ["a negative principal", { principalMinor: -100n }, "principal"],
    ["a principal beyond 2^63 − 1 minor units", { principalMinor: 2n ** 63n }, "principal"],
    ["a term of zero months", { termMonths: 0 }, "termMonths"],
    ["a term over 600 months", { termMonths: 601 }, "termMonths"],
    ["a fractional term", { termMonths: 12.5 }, "termMonths"],
    ["a start before 1900", { startDate: "1899-12-31" }, "startDate"],
    ["a start after 2100", { startDate: "2101-01-01" }, "startDate"],
    ["a start that is not a date", { startDate: "2023-02-29" }, "startDate"],
    ["an unknown method", { method: "BALLOON" as LoanMethod }, "method"],
  ] satisfies [string, Partial<LoanTerms>, string][])("refuses %s on its field, in both functions", (_, overrides, field) => {
    expect(() => buildSchedule(terms(overrides))).toThrow(badInputOn(field));
    expect(() => installmentAmount(terms(overrides))).toThrow(badInputOn(field));
  });

  it("accepts the limits: 1 and 600 months, 0 % and 100 %, starts on 1900-01-01 and 2100-12-31", () => {
    expect(buildSchedule(terms({ termMonths: 1 }))).toHaveLength(1);
    expect(buildSchedule(terms({ termMonths: 600, annualRatePercent: parseAnnualRate("0") }))).toHaveLength(600);
    expect(buildSchedule(terms({ annualRatePercent: parseAnnualRate("100") }))).toHaveLength(12);
    expect(buildSchedule(terms({ startDate: "1900-01-01" }))[0]!.dueDate).toBe("1900-02-01");
    expect(buildSchedule(terms({ startDate: "2100-12-31" })).at(-1)!.dueDate).toBe("2101-12-31");
  });

  it("says what is wrong with the terms and what would be accepted", () => {
    const refusal = (overrides: Partial<LoanTerms>) => {
      try {
        buildSchedule(terms(overrides));
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error("accepted");
    };
    expect(refusal({ method: "BALLOON" as LoanMethod })).toBe("method must be one of AMORTIZING, SIMPLE, INTEREST_ONLY");
    expect(refusal({ principalMinor: 0n })).toBe("principal must be more than zero");
    expect(refusal({ principalMinor: 2n ** 63n })).toBe("principal is too large");
    expect(refusal({ termMonths: 601 })).toBe("termMonths must be a whole number of months from 1 to 600");
    expect(refusal({ principalMinor: 30_575n, annualRatePercent: parseAnnualRate("4.417"), termMonths: 514 })).toMatch(
      /^at this rate a 514-month schedule would repay the principal by installment \d+ once payments are rounded to the minor unit; choose a shorter term$/,
    );
    expect(refusal({ principalMinor: 10n ** 18n, annualRatePercent: parseAnnualRate("100"), termMonths: 600, method: "SIMPLE" })).toBe(
      "principal is too large for this rate and term",
    );
  });

  it("accepts the largest principal whose payments still fit a 64-bit integer: 2^63 − 1 minor units, one month at 0 %", () => {
    const largest = terms({ principalMinor: 2n ** 63n - 1n, annualRatePercent: parseAnnualRate("0"), termMonths: 1 });
    expect(buildSchedule(largest).map((row) => row.paymentMinor)).toEqual([2n ** 63n - 1n]);
  });

  it("refuses a rate given as a Decimal outside 0..100 or with more than six decimals", () => {
    for (const rate of ["-0.5", "100.000001", "5.1234567"]) {
      const bad = terms({ annualRatePercent: new Decimal(rate) });
      expect(() => buildSchedule(bad)).toThrow(badInputOn("annualRatePercent"));
    }
  });

  it("refuses an amortizing term the rounded payment would repay early, naming termMonths", () => {
    // 305.75 at 4.417 % over 514 months: the payment 1.33 is rounded up by about 0.4 of a cent,
    // which compounds to more than a whole payment; the loan would be repaid before month 514.
    const early = terms({ principalMinor: 30_575n, annualRatePercent: parseAnnualRate("4.417"), termMonths: 514 });
    expect(() => buildSchedule(early)).toThrow(badInputOn("termMonths"));
  });

  it("refuses a schedule whose payments would not fit a 64-bit integer, naming principal", () => {
    const huge = terms({ principalMinor: 10n ** 18n, annualRatePercent: parseAnnualRate("100"), termMonths: 600, method: "SIMPLE" });
    expect(() => buildSchedule(huge)).toThrow(badInputOn("principal"));
  });
});
