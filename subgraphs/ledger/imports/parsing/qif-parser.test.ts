import { describe, expect, it } from "vitest";

import { collect, errors, oks, sample } from "../test-support/samples.js";
import { parseQif, qifDateOrder, readQifDate } from "./qif-parser.js";

const parse = async (name: string, order: "MDY" | "DMY" = "MDY", currency = "USD") =>
  collect(parseQif(sample(name).toString("utf8"), currency, order));

describe("QIF parser", () => {
  it("reads bank and credit-card records with amounts, payees, memos, check numbers, categories and cleared status", async () => {
    const rows = oks(await parse("bank.qif"));
    expect(rows.map((r) => [r.row, r.date, r.amountMinor, r.payee])).toEqual([
      [2, "2026-11-01", -123450n, "Landlord Properties"],
      [10, "2026-11-03", 250000n, "Employer Inc"],
      [17, "2026-11-05", -12000n, "Costco"],
      [27, "2026-11-06", -50000n, "Transfer to savings"],
      [32, "2026-11-07", -377n, "Coffee Shop"],
      [45, "2026-11-09", -4210n, "Bookshop"],
    ]);
    const [rent, salary, costco, transfer] = rows;
    expect(rent).toMatchObject({
      memo: "November rent · Check 1041",
      category: "Housing:Rent",
      status: "CLEARED",
      bankTransactionId: null,
    });
    expect(salary).toMatchObject({ category: "Salary", status: "RECONCILED" });
    expect(transfer).toMatchObject({ category: null, memo: "Transfer: Savings" });
    expect(rows[5]).toMatchObject({ category: "gifts", status: null });
    expect(costco!.splits).toEqual([
      { category: "Groceries", amountMinor: -10000n, memo: "Food" },
      { category: "Household", amountMinor: -2000n, memo: "" },
    ]);
  });

  it("reports investment records as unsupported rows and goes on with the next section", async () => {
    expect(errors(await parse("bank.qif"))).toEqual([{ row: 37, code: "UNSUPPORTED_ROW", message: expect.stringContaining("invst") }]);
  });

  it("reads day-first dates and decimal commas with a dd/MM/yyyy hint; an impossible date is a row error", async () => {
    const items = await parse("european.qif", "DMY", "EUR");
    expect(oks(items).map((r) => [r.date, r.amountMinor])).toEqual([
      ["2026-11-01", -2345n],
      ["2026-11-02", 250000n],
    ]);
    expect(errors(items)).toEqual([{ row: 11, code: "BAD_DATE", message: expect.stringContaining("31/11/2026") }]);
  });

  it("imports the complete records of a truncated file and reports the cut one", async () => {
    const items = await parse("truncated.qif");
    expect(oks(items).map((r) => r.amountMinor)).toEqual([-500n]);
    expect(errors(items)).toEqual([{ row: 6, code: "TRUNCATED", message: expect.any(String) }]);
  });

  it("refuses a file without a !Type: header", () => {
    expect(() => parseQif(sample("no-header.qif").toString(), "USD")).toThrow(/no !Type: header/);
  });

  it("reads the date shapes seen in the wild", () => {
    expect(readQifDate("12/31'99", "MDY")).toBe("2099-12-31");
    expect(readQifDate("12/31/99", "MDY")).toBe("1999-12-31");
    expect(readQifDate(" 1/ 5'26", "MDY")).toBe("2026-01-05");
    expect(readQifDate("05/01/2026", "DMY")).toBe("2026-01-05");
    expect(readQifDate("2026-01-05", "DMY")).toBe("2026-01-05");
    expect(() => readQifDate("13/01/2026", "MDY")).toThrow(/not a calendar date/);
    expect(qifDateOrder("dd/MM/yyyy")).toBe("DMY");
    expect(qifDateOrder("MM/dd'yy")).toBe("MDY");
    expect(qifDateOrder("yyyy")).toBeNull();
  });

  it("rejects non-zero digits beyond the currency's precision, naming the value", async () => {
    const items = await collect(parseQif("!Type:Bank\nD1/2/26\nT-1.005\nPX\n^\n", "USD"));
    expect(errors(items)).toEqual([{ row: 2, code: "BAD_AMOUNT", message: expect.stringContaining('"-1.005"') }]);
  });

  it("reports an absurdly long line as a bad row instead of importing it", async () => {
    const items = await collect(parseQif(`!Type:Bank\nD1/2/26\nT-1.00\nP${"x".repeat(100_000)}\n^\n`, "USD"));
    expect(errors(items).map((e) => e.code)).toEqual(["BAD_ROW"]);
  });
});
