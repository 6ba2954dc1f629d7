// Test support only: category lists with parents anywhere in the list, parents that are missing,
// cycles now and then, names that hit the keyword guesses or not, and overrides on some of them.
import fc from "fast-check";

import type { TreatedCategory } from "./category-treatment.js";
import type { CategoryTreatment } from "./year-summary.js";

export const TREATMENTS: readonly CategoryTreatment[] = [
  "TAXABLE_INCOME",
  "ADJUSTMENT",
  "DEDUCTION",
  "STATE_AND_LOCAL_TAX",
  "MEDICAL",
  "TAX_PAYMENT",
  "NONE",
];
const NAMES = [
  "Salary",
  "Gifts",
  "Refunds",
  "Housing",
  "Property tax",
  "Health",
  "Gym",
  "HSA",
  "Charity",
  "Federal tax",
  "Groceries",
  "Misc",
];

export interface TreatmentCase {
  categories: TreatedCategory[];
  overrides: Map<string, CategoryTreatment>;
}

export const treatmentCase: fc.Arbitrary<TreatmentCase> = fc.integer({ min: 1, max: 12 }).chain((size) =>
  fc
    .record({
      categories: fc.tuple(
        ...Array.from({ length: size }, (_, i) =>
          fc.record({
            id: fc.constant(`k${i}`),
            name: fc.constantFrom(...NAMES),
            kind: fc.constantFrom("INCOME", "EXPENSE"),
            // Mostly an earlier category (a tree), sometimes any (cycles), a missing one, or none.
            parentId: fc.oneof(
              { weight: 3, arbitrary: i === 0 ? fc.constant(null) : fc.integer({ min: 0, max: i - 1 }).map((p) => `k${p}`) },
              { weight: 1, arbitrary: fc.integer({ min: 0, max: size - 1 }).map((p) => `k${p}`) },
              { weight: 1, arbitrary: fc.constantFrom(null, "missing") },
            ),
          }),
        ),
      ),
      overrides: fc.array(fc.tuple(fc.integer({ min: 0, max: size }), fc.constantFrom(...TREATMENTS)), { maxLength: 4 }),
      order: fc.array(fc.double({ noNaN: true }), { minLength: size, maxLength: size }),
    })
    .map(({ categories, overrides, order }) => ({
      categories: categories
        .map((category, i) => ({ category, key: order[i]! }))
        .sort((a, b) => a.key - b.key)
        .map(({ category }) => category),
      // Index `size` is an id that is not in the list.
      overrides: new Map(overrides.map(([i, treatment]) => [`k${i}`, treatment])),
    })),
);
