// Test support only: summary requests on every shipped table and filing status, with incomes from
// nothing to millions (past every phase-out and phase-down), expenses mostly smaller than the
// income, refunds that turn a category negative, and capital gains and losses of either sign.
import fc from "fast-check";

import { TaxTableCatalog } from "../tables/table-catalog.js";
import type { CategoryTotal, CategoryTreatment, SummaryRequest } from "./year-summary.js";

export const TABLES = TaxTableCatalog.fromDirectory().list();

const PAID_OUT: readonly CategoryTreatment[] = ["ADJUSTMENT", "DEDUCTION", "STATE_AND_LOCAL_TAX", "MEDICAL", "TAX_PAYMENT", "NONE"];
const dollars = (max: bigint) => fc.bigInt({ min: 0n, max: max * 100n });

/** Income in minor units: a few dollars, a wage, a high income, a very high one. */
export const incomeMinor = fc.oneof(dollars(1_000n), dollars(300_000n), dollars(1_000_000n), dollars(5_000_000n));
/** Money paid out in a year, usually well under the income. */
const expenseMinor = fc.oneof(dollars(1_000n), dollars(50_000n), dollars(200_000n));
/** Now and then refunds exceed payments and the category's total goes negative. */
const sometimesNegative = (amount: fc.Arbitrary<bigint>) =>
  fc.oneof({ weight: 6, arbitrary: amount }, { weight: 1, arbitrary: amount.map((minor) => -minor) });

const category = (treatment: fc.Arbitrary<CategoryTreatment>, amount: fc.Arbitrary<bigint>): fc.Arbitrary<CategoryTotal> =>
  fc
    .record({ index: fc.nat({ max: 1000 }), treatment, amountMinor: sometimesNegative(amount) })
    .map(({ index, treatment, amountMinor }) => ({ categoryId: `c${index}`, name: `Category ${index}`, treatment, amountMinor }));

const gainMinor = fc
  .oneof({ weight: 2, arbitrary: fc.constant(0n) }, { weight: 3, arbitrary: fc.oneof(expenseMinor, incomeMinor) })
  .chain((minor) => fc.constantFrom(minor, -minor));

export const summaryRequest: fc.Arbitrary<SummaryRequest> = fc.constantFrom(...TABLES).chain((table) =>
  fc.record({
    table: fc.constant(table),
    filingStatus: fc.constantFrom(...table.filingStatuses),
    dependants: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 6 })),
    dividendsQualified: fc.boolean(),
    otherWithholdingMinor: fc.oneof(fc.constant(0n), expenseMinor),
    figures: fc
      .record({
        income: fc.array(category(fc.constant("TAXABLE_INCOME"), incomeMinor), { maxLength: 3 }),
        paidOut: fc.array(category(fc.constantFrom(...PAID_OUT), expenseMinor), { maxLength: 8 }),
        interestMinor: fc.oneof(fc.constant(0n), expenseMinor),
        dividendsMinor: fc.oneof(fc.constant(0n), expenseMinor, incomeMinor),
        shortTermGainMinor: gainMinor,
        longTermGainMinor: gainMinor,
      })
      .map(({ income, paidOut, ...rest }) => ({ categories: [...income, ...paidOut], ...rest })),
  }),
);
