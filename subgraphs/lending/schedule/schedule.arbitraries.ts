// Test support only: random loan terms across the whole accepted range, biased towards the edges
// where rounding decides everything (a few minor units, rate 0, one month, month ends).
import { Decimal } from "decimal.js";
import fc from "fast-check";

import type { LoanMethod, LoanTerms } from "./loan-terms.js";
import type { PrepaymentStrategy } from "./reschedule.js";

/** A rate in millionths of a percent, written as the string a client sends ("6.5", "0.000001"). */
export const rateMillionths = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 100 }).map((whole) => whole * 1_000_000),
  fc.integer({ min: 1, max: 30_000_000 }),
  fc.integer({ min: 0, max: 100_000_000 }),
);
export const rateText = (millionths: number) => {
  const text = `${Math.floor(millionths / 1_000_000)}.${String(millionths % 1_000_000).padStart(6, "0")}`;
  return text.replace(/\.?0+$/, "") || "0";
};

export const principalMinor = fc.oneof(
  fc.bigInt({ min: 1n, max: 100n }),
  fc.bigInt({ min: 100n, max: 10n ** 9n }),
  fc.bigInt({ min: 1n, max: 10n ** 15n }),
);

export const termMonths = fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 600 }));

export const startDate = fc
  .record({ year: fc.integer({ min: 1900, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(day, last)).padStart(2, "0")}`;
  });

export const method = fc.constantFrom<LoanMethod>("AMORTIZING", "SIMPLE", "INTEREST_ONLY");

export interface LoanCase {
  terms: LoanTerms;
  /** The rate in millionths of a percent: r = millionths / (1200 × 10^6), for checks that avoid the code under test. */
  millionths: number;
}

export const loanCase: fc.Arbitrary<LoanCase> = fc
  .record({ principalMinor, millionths: rateMillionths, termMonths, startDate, method })
  .map(({ millionths, ...rest }) => ({ millionths, terms: { ...rest, annualRatePercent: new Decimal(rateText(millionths)) } }));

/** r × balance rounded half-up, in integers: balance × millionths / (1200 × 10^6). */
export function expectedInterest(balanceMinor: bigint, millionths: number): bigint {
  const den = 1_200_000_000n;
  return (2n * balanceMinor * BigInt(millionths) + den) / (2n * den);
}

export interface PrepaymentCase {
  loan: LoanCase;
  /** Installments paid before the prepayment (0..termMonths − 1). */
  paid: number;
  /** Basis points of the balance at that point prepaid: 1..10000 (10000 pays it off). */
  prepaidBasisPoints: number;
  strategy: PrepaymentStrategy;
}

export const prepaymentCase: fc.Arbitrary<PrepaymentCase> = loanCase.chain((loan) =>
  fc.record({
    loan: fc.constant(loan),
    paid: fc.integer({ min: 0, max: loan.terms.termMonths - 1 }),
    prepaidBasisPoints: fc.oneof(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 50 })),
    strategy: fc.constantFrom<PrepaymentStrategy>("REDUCE_TERM", "REDUCE_PAYMENT"),
  }),
);
