import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { treatmentCase } from "./category-treatment.arbitraries.js";
import { type TreatedCategory, treatmentsFor } from "./category-treatment.js";

/** The ids met walking up from `id`, itself first, stopping before a repeat or a missing parent. */
function ancestry(id: string, byId: Map<string, TreatedCategory>): string[] {
  const seen: string[] = [];
  for (let c = byId.get(id); c !== undefined && !seen.includes(c.id); c = c.parentId === null ? undefined : byId.get(c.parentId))
    seen.push(c.id);
  return seen;
}

describe("category treatment properties", () => {
  it("every category gets one treatment, whatever the order of the list", () => {
    fc.assert(
      fc.property(treatmentCase, ({ categories, overrides }) => {
        const resolved = treatmentsFor(categories, overrides);
        expect([...resolved.keys()].sort()).toEqual(categories.map((c) => c.id).sort());
        expect(treatmentsFor([...categories].reverse(), overrides)).toEqual(resolved);
      }),
      { numRuns: 500 },
    );
  });

  it("the user's choice wins, and a category whose ancestry reaches no cycle takes its nearest ancestor's choice", () => {
    fc.assert(
      fc.property(treatmentCase, ({ categories, overrides }) => {
        const resolved = treatmentsFor(categories, overrides);
        const byId = new Map(categories.map((c) => [c.id, c]));
        for (const category of categories) {
          const own = overrides.get(category.id);
          if (own !== undefined) {
            expect(resolved.get(category.id)).toBe(own);
            continue;
          }
          const chain = ancestry(category.id, byId);
          const last = byId.get(chain.at(-1)!)!;
          // A walk that ends by meeting a category again has reached a cycle, where inheritance stops.
          if (last.parentId !== null && chain.includes(last.parentId)) continue;
          const nearest = chain.find((id) => overrides.has(id));
          if (nearest !== undefined) expect(resolved.get(category.id)).toBe(overrides.get(nearest));
        }
      }),
      { numRuns: 500 },
    );
  });
});
