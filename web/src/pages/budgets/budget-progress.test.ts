import { describe, expect, it } from "vitest";

import { budgetTone, expenseCategoryTree, replaceById } from "./budget-progress";

describe("budget progress helpers", () => {
  it("colours a bar by the budget's own thresholds", () => {
    expect(budgetTone(10, 80, 100)).toBe("ok");
    expect(budgetTone(80, 80, 100)).toBe("warning");
    expect(budgetTone(99.9, 80, 100)).toBe("warning");
    expect(budgetTone(100, 80, 100)).toBe("critical");
    expect(budgetTone(140, 50, 120)).toBe("critical");
  });

  it("replaces one item by id and leaves the rest", () => {
    const list = [
      { id: "a", v: 1 },
      { id: "b", v: 2 },
    ];
    expect(replaceById(list, { id: "b", v: 3 })).toEqual([
      { id: "a", v: 1 },
      { id: "b", v: 3 },
    ]);
    expect(replaceById(list, { id: "z", v: 9 })).toEqual(list);
  });

  it("lists expense categories parent first, children after, income left out", () => {
    const c = (id: string, name: string, parentId: string | null = null, kind = "EXPENSE") => ({ id, name, kind, parentId });
    const tree = expenseCategoryTree([c("g", "Groceries", "f"), c("s", "Salary", null, "INCOME"), c("f", "Food"), c("a", "Auto")]);
    expect(tree.map((t) => [t.category.name, t.depth])).toEqual([
      ["Auto", 0],
      ["Food", 0],
      ["Groceries", 1],
    ]);
  });
});
