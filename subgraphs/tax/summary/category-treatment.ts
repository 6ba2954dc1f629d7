import { keywordTreatment } from "./treatment-keywords.js";
import type { CategoryTreatment } from "./year-summary.js";

/** A ledger category as the tax profile sees it. `kind` is the ledger's (INCOME, EXPENSE). */
export interface TreatedCategory {
  id: string;
  name: string;
  kind: string;
  parentId: string | null;
}

/**
 * The treatment of a category the user has said nothing about: what its name suggests
 * (`treatment-keywords.ts`), else its parent's treatment, else its kind's (income is taxable,
 * expenses do not count). The name comes before the parent so that "Property tax" under a plain
 * "Housing" still counts, and "Gifts" under "Other income" does not.
 */
export function defaultTreatment(category: { name: string; kind: string; parentTreatment?: CategoryTreatment }): CategoryTreatment {
  return (
    keywordTreatment(category.name, category.kind) ?? category.parentTreatment ?? (category.kind === "INCOME" ? "TAXABLE_INCOME" : "NONE")
  );
}

interface Resolution {
  treatment: CategoryTreatment;
  /** Set by the user on this category or an ancestor: it then covers the whole branch. */
  explicit: boolean;
}

/**
 * Every category's treatment, by id. The user's own choice wins, on the category or else on its
 * nearest ancestor that has one (a branch marked NONE stays NONE whatever its subcategories are
 * called); otherwise `defaultTreatment`, given the parent's guess when both are of the same kind.
 * A parent id missing from the list makes a top-level category; categories on a parent cycle (which
 * the ledger never produces) are each taken as top-level, so the answer does not depend on order.
 * Overrides for unknown ids are ignored.
 */
export function treatmentsFor(
  categories: readonly TreatedCategory[],
  overrides: ReadonlyMap<string, CategoryTreatment>,
): Map<string, CategoryTreatment> {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const onCycle = cycleMembers(byId);
  const parentOf = (c: TreatedCategory): TreatedCategory | undefined =>
    c.parentId === null || onCycle.has(c.id) ? undefined : byId.get(c.parentId);

  const resolved = new Map<string, Resolution>();
  const resolve = (category: TreatedCategory, parent: TreatedCategory | undefined): Resolution => {
    const own = overrides.get(category.id);
    if (own !== undefined) return { treatment: own, explicit: true };
    const above = parent === undefined ? undefined : resolved.get(parent.id)!;
    if (above?.explicit) return above;
    const parentTreatment = above !== undefined && parent!.kind === category.kind ? above.treatment : undefined;
    return { treatment: defaultTreatment({ name: category.name, kind: category.kind, parentTreatment }), explicit: false };
  };

  for (const category of categories) {
    // Walk up to the first resolved ancestor (or the top), then resolve back down.
    const chain: TreatedCategory[] = [];
    for (let c: TreatedCategory | undefined = category; c !== undefined && !resolved.has(c.id); c = parentOf(c)) chain.push(c);
    for (let i = chain.length - 1; i >= 0; i--) resolved.set(chain[i]!.id, resolve(chain[i]!, parentOf(chain[i]!)));
  }
  return new Map([...resolved].map(([id, r]) => [id, r.treatment]));
}

/** The categories that are their own ancestors. Each has at most one parent, so every walk up ends at a top or on a cycle. */
function cycleMembers(byId: ReadonlyMap<string, TreatedCategory>): Set<string> {
  const onCycle = new Set<string>();
  const done = new Set<string>();
  for (const start of byId.keys()) {
    const position = new Map<string, number>();
    const path: string[] = [];
    let id: string | undefined = start;
    while (id !== undefined && !done.has(id) && !position.has(id)) {
      position.set(id, path.length);
      path.push(id);
      const parentId: string | null = byId.get(id)!.parentId;
      id = parentId !== null && byId.has(parentId) ? parentId : undefined;
    }
    if (id !== undefined && position.has(id)) for (const member of path.slice(position.get(id))) onCycle.add(member);
    for (const visited of path) done.add(visited);
  }
  return onCycle;
}
