import { badInput } from "../../../platform/errors/index.js";

export const qualifiedIncomeNegative = () => badInput("qualified income must not be negative", { field: "qualifiedIncome" });

/** Qualified income is part of taxable income; a larger figure means the inputs disagree, not that tax is lower. */
export const qualifiedIncomeAboveTaxable = () =>
  badInput("qualified income must not exceed taxable income (nor be above 0 when taxable income is 0 or less)", {
    field: "qualifiedIncome",
  });
