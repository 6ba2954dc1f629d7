import { describe, expect, it } from "vitest";

import { defaultTreatment, type TreatedCategory, treatmentsFor } from "./category-treatment.js";
import type { CategoryTreatment } from "./year-summary.js";

const income = (name: string) => defaultTreatment({ name, kind: "INCOME" });
const expense = (name: string) => defaultTreatment({ name, kind: "EXPENSE" });

describe("defaultTreatment", () => {
  it("counts income as taxable, except gifts, transfers, reimbursements and refunds", () => {
    expect(income("Salary")).toBe("TAXABLE_INCOME");
    expect(income("Freelance")).toBe("TAXABLE_INCOME");
    for (const name of ["Gifts received", "Transfer in", "Expense reimbursements", "Reimbursed", "Tax refund", "GIFT"]) {
      expect(income(name)).toBe("NONE");
    }
  });

  it("counts an expense only when its name suggests it, case-insensitively", () => {
    expect(expense("Groceries")).toBe("NONE");
    expect(expense("Rent")).toBe("NONE");
    expect(expense("Charity")).toBe("DEDUCTION");
    expect(expense("Charitable giving")).toBe("DEDUCTION");
    expect(expense("donations")).toBe("DEDUCTION");
    expect(expense("Mortgage interest")).toBe("DEDUCTION");
    expect(expense("Mortgage")).toBe("NONE");
    expect(expense("Property tax")).toBe("STATE_AND_LOCAL_TAX");
    expect(expense("Real estate tax")).toBe("STATE_AND_LOCAL_TAX");
    expect(expense("State income tax")).toBe("STATE_AND_LOCAL_TAX");
    expect(expense("Local taxes")).toBe("STATE_AND_LOCAL_TAX");
    expect(expense("Estate tax")).toBe("NONE");
    expect(expense("Doctor")).toBe("MEDICAL");
    expect(expense("Pharmacy")).toBe("MEDICAL");
    expect(expense("Health")).toBe("MEDICAL");
    expect(expense("MEDICAL BILLS")).toBe("MEDICAL");
    expect(expense("Federal tax")).toBe("TAX_PAYMENT");
    expect(expense("Federal income tax")).toBe("TAX_PAYMENT");
    expect(expense("Estimated tax payments")).toBe("TAX_PAYMENT");
    expect(expense("Tax withheld")).toBe("TAX_PAYMENT");
    expect(expense("IRA contribution")).toBe("ADJUSTMENT");
    expect(expense("HSA")).toBe("ADJUSTMENT");
    expect(expense("Health savings account")).toBe("ADJUSTMENT");
    expect(expense("Student loan interest")).toBe("ADJUSTMENT");
    expect(expense("Mirage tickets")).toBe("NONE");
  });

  it("falls back on the parent's treatment when the name suggests nothing", () => {
    expect(defaultTreatment({ name: "Gym", kind: "EXPENSE", parentTreatment: "MEDICAL" })).toBe("MEDICAL");
    expect(defaultTreatment({ name: "Property tax", kind: "EXPENSE", parentTreatment: "NONE" })).toBe("STATE_AND_LOCAL_TAX");
  });

  it("counts nothing of an unknown kind", () => {
    expect(defaultTreatment({ name: "Salary", kind: "TRANSFER" })).toBe("NONE");
  });
});

const category = (id: string, name: string, parentId: string | null = null, kind = "EXPENSE"): TreatedCategory => ({
  id,
  name,
  kind,
  parentId,
});
const resolve = (categories: TreatedCategory[], overrides: Record<string, CategoryTreatment> = {}) =>
  Object.fromEntries(treatmentsFor(categories, new Map(Object.entries(overrides))));

describe("treatmentsFor", () => {
  const tree = [
    category("salary", "Salary", null, "INCOME"),
    category("other", "Other income", null, "INCOME"),
    category("gifts", "Gifts", "other", "INCOME"),
    category("housing", "Housing"),
    category("rent", "Rent", "housing"),
    category("property", "Property tax", "housing"),
    category("health", "Health"),
    category("gym", "Gym", "health"),
    category("hsa", "HSA contribution", "health"),
  ];

  it("resolves the defaults over the tree: names first, then the parent's guess, then the kind", () => {
    expect(resolve(tree)).toEqual({
      salary: "TAXABLE_INCOME",
      other: "TAXABLE_INCOME",
      gifts: "NONE",
      housing: "NONE",
      rent: "NONE",
      property: "STATE_AND_LOCAL_TAX",
      health: "MEDICAL",
      gym: "MEDICAL",
      hsa: "ADJUSTMENT",
    });
  });

  it("lets the user's choice win, on the category or its nearest ancestor with one", () => {
    const resolved = resolve(tree, { housing: "DEDUCTION", rent: "NONE", health: "NONE", other: "NONE", gifts: "TAXABLE_INCOME" });
    expect(resolved).toMatchObject({ housing: "DEDUCTION", rent: "NONE", property: "DEDUCTION", health: "NONE", gym: "NONE", hsa: "NONE" });
    expect(resolved).toMatchObject({ other: "NONE", gifts: "TAXABLE_INCOME", salary: "TAXABLE_INCOME" });
  });

  it("inherits through several levels, listed in any order", () => {
    const deep = [category("c", "Pills", "b"), category("b", "Prescriptions", "a"), category("a", "Doctor"), category("d", "Copays", "c")];
    expect(resolve(deep)).toEqual({ a: "MEDICAL", b: "MEDICAL", c: "MEDICAL", d: "MEDICAL" });
    expect(resolve(deep, { b: "DEDUCTION" })).toEqual({ a: "MEDICAL", b: "DEDUCTION", c: "DEDUCTION", d: "DEDUCTION" });
  });

  it("passes no guess across kinds", () => {
    expect(resolve([category("health", "Health"), category("pay", "Payout", "health", "INCOME")])).toMatchObject({ pay: "TAXABLE_INCOME" });
  });

  it("takes a category whose parent is missing as top-level and ignores overrides of unknown ids", () => {
    expect(resolve([category("rent", "Rent", "gone")], { gone: "DEDUCTION" })).toEqual({ rent: "NONE" });
  });

  it("survives parent cycles: each member is taken as top-level, whatever the order", () => {
    const cycle = [category("a", "Doctor", "c"), category("b", "Rent", "a"), category("c", "Charity", "b"), category("d", "Snacks", "b")];
    const expected = { a: "MEDICAL", b: "NONE", c: "DEDUCTION", d: "NONE" };
    expect(resolve(cycle)).toEqual(expected);
    expect(resolve([...cycle].reverse())).toEqual(expected);
    expect(resolve([category("self", "Pharmacy", "self")])).toEqual({ self: "MEDICAL" });
    expect(resolve(cycle, { b: "TAX_PAYMENT" })).toEqual({ ...expected, b: "TAX_PAYMENT", d: "TAX_PAYMENT" });
  });
});
