// Test support only: what a borrower may owe (the unpaid remainders of due installments) and a payment.
import fc from "fast-check";

import type { InstallmentAmounts } from "./allocation.js";

const part = fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 50n }), fc.bigInt({ min: 0n, max: 10n ** 7n }));

export const owedInstallments: fc.Arbitrary<InstallmentAmounts[]> = fc
  .uniqueArray(fc.integer({ min: 1, max: 600 }), { maxLength: 12 })
  .chain((numbers) =>
    fc.tuple(
      ...numbers
        .sort((a, b) => a - b)
        .map((number) => fc.record({ number: fc.constant(number), lateFeeMinor: part, interestMinor: part, principalMinor: part })),
    ),
  );

export const paymentCase = owedInstallments.chain((owed) => {
  const total = owed.reduce((sum, o) => sum + o.lateFeeMinor + o.interestMinor + o.principalMinor, 0n);
  return fc.record({
    owed: fc.constant(owed),
    // Mostly within what is owed, sometimes exactly all of it or more.
    amountMinor: fc.oneof(
      fc.bigInt({ min: 1n, max: total > 0n ? total : 1n }),
      fc.constant(total > 0n ? total : 1n),
      fc.bigInt({ min: 1n, max: 2n * total + 10n }),
    ),
  });
});
