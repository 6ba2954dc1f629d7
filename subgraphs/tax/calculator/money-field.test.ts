import { describe, expect, it } from "vitest";

import { MoneyInput } from "../../../platform/money/index.js";
import { moneyField } from "./money-field.js";

const input = (amount: string, currency: string) => Object.assign(new MoneyInput(), { amount, currency });
const fieldOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return (error as { extensions: Record<string, unknown> }).extensions;
  }
  return null;
};

describe("moneyField", () => {
  it("reads a good amount as money", () => {
    expect(moneyField(input("12.30", "usd"), "taxableIncome")).toEqual({ amountMinor: 1230n, currency: "USD" });
  });

  it("names the input in the errors of a malformed amount or currency", () => {
    for (const amount of ["12.345", "abc", "1e400", ""]) {
      expect(fieldOf(() => moneyField(input(amount, "USD"), "qualifiedIncome"))).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "qualifiedIncome",
      });
    }
    expect(fieldOf(() => moneyField(input("1", "DOLLARS"), "otherWithholding"))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "otherWithholding.currency",
    });
  });

  it("lets an error that is not the client's pass unchanged, so it is masked as an internal error", () => {
    const bug = new TypeError("rounding table missing");
    const broken = Object.assign(new MoneyInput(), {
      toMoney: () => {
        throw bug;
      },
    });
    expect(() => moneyField(broken, "taxableIncome")).toThrow(bug);
  });
});
