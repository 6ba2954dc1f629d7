// Test support only: projection inputs with a few accounts in two currencies, flows around and
// inside the window (some for accounts not listed), flows known only by currency (some in a
// currency no account has), and weekday averages of either sign.
import fc from "fast-check";

import type { CashflowInput, ScheduledSource } from "./cashflow.types.js";

const DAY_MS = 86_400_000;
const isoOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const FIRST_DAY = Date.UTC(1990, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2099, 0, 1) / DAY_MS;
const amount = fc.oneof(fc.bigInt({ min: -50_000n, max: 50_000n }), fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }));

export const cashflowInput: fc.Arbitrary<CashflowInput> = fc
  .record({
    today: fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
    days: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 365 })),
    accounts: fc.uniqueArray(
      fc.record({
        accountId: fc.constantFrom("a", "b", "c", "d", "e"),
        currency: fc.constantFrom("USD", "EUR"),
        balanceMinor: amount,
        warnBelowZero: fc.option(fc.boolean(), { nil: undefined }),
      }),
      { selector: (a) => a.accountId, maxLength: 4 },
    ),
    scheduled: fc.array(
      fc.record({
        accountId: fc.constantFrom("a", "b", "c", "d", "e", "gone"),
        offset: fc.integer({ min: -5, max: 370 }),
        amountMinor: amount,
        source: fc.constantFrom<ScheduledSource>("SCHEDULE", "BILL", "LOAN_INSTALLMENT"),
      }),
      { maxLength: 40 },
    ),
    discretionary: fc.array(
      fc.record({
        accountId: fc.constantFrom("a", "b", "c", "d", "e", "gone"),
        weekday: fc.integer({ min: 0, max: 6 }),
        averageMinor: amount,
      }),
      { maxLength: 20 },
    ),
    unassigned: fc.array(
      fc.record({
        currency: fc.constantFrom("USD", "EUR", "GBP"),
        offset: fc.integer({ min: -5, max: 370 }),
        amountMinor: amount,
      }),
      { maxLength: 10 },
    ),
  })
  .map(({ today, days, accounts, scheduled, discretionary, unassigned }) => ({
    today: isoOfDay(today),
    days,
    accounts: accounts.map((a) => ({ ...a, name: a.accountId.toUpperCase() })),
    scheduled: scheduled.map(({ offset, ...flow }, i) => ({ ...flow, date: isoOfDay(today + offset), label: `flow ${i}` })),
    discretionary,
    unassigned: unassigned.map(({ offset, ...flow }, i) => ({
      ...flow,
      date: isoOfDay(today + offset),
      source: "LOAN_INSTALLMENT" as const,
      label: `installment ${i}`,
    })),
  }));
