import { describe, expect, it } from "vitest";

import { type AnswerFigures, type AnswerItem, answerText, noFigures } from "./answer.text.js";

const october = { from: "2026-10-01", to: "2026-10-31" };
const usd = (figures: Partial<AnswerFigures>): AnswerFigures => ({ ...noFigures("USD"), ...figures });
const expense = (label: string, amountMinor: bigint, date: string): AnswerItem => ({
  label,
  amountMinor,
  date,
  transactionId: `t-${label}`,
  categoryId: null,
  sharePercent: null,
});

describe("answerText", () => {
  it("says a total with its categories or payee and its days", () => {
    const restaurants = [{ id: "r", name: "Restaurants" }];
    expect(answerText({ kind: "SPENDING_TOTAL", range: october, categories: restaurants }, usd({ totalMinor: 12345n }))).toBe(
      "You spent 123.45 USD on Restaurants from 2026-10-01 to 2026-10-31.",
    );
    expect(
      answerText(
        { kind: "SPENDING_TOTAL", range: { from: "2026-10-05", to: "2026-10-05" }, payee: "Blue Bottle" },
        usd({ totalMinor: 450n }),
      ),
    ).toBe("You spent 4.50 USD at Blue Bottle on 2026-10-05.");
    expect(
      answerText(
        {
          kind: "INCOME_TOTAL",
          range: october,
          categories: [
            { id: "s", name: "Salary" },
            { id: "b", name: "Bonus" },
          ],
          payee: "ACME",
        },
        usd({ totalMinor: 300000n, unconverted: 2 }),
      ),
    ).toBe(
      "You received 3000.00 USD in Salary and Bonus from ACME from 2026-10-01 to 2026-10-31. " +
        "2 lines in another currency had no exchange rate for their day and are left out.",
    );
  });

  it("compares two periods either way, and says when they are the same", () => {
    const query = {
      kind: "COMPARE" as const,
      measure: "SPENDING" as const,
      rangeA: { from: "2026-11-01", to: "2026-11-15" },
      rangeB: { from: "2026-10-01", to: "2026-10-15" },
      categories: [{ id: "g", name: "Groceries" }],
    };
    expect(answerText(query, usd({ totalMinor: 12000n, totalBMinor: 10000n, changeMinor: 2000n, changePercent: "20.00" }))).toBe(
      "You spent 120.00 USD on Groceries from 2026-11-01 to 2026-11-15, against 100.00 USD from 2026-10-01 to 2026-10-15: 20.00 USD more (+20.00 %).",
    );
    expect(answerText(query, usd({ totalMinor: 8000n, totalBMinor: 10000n, changeMinor: -2000n, changePercent: "-20.00" }))).toMatch(
      /: 20\.00 USD less \(-20\.00 %\)\.$/,
    );
    expect(answerText(query, usd({ totalMinor: 100n, totalBMinor: 0n, changeMinor: 100n, changePercent: null }))).toMatch(
      /: 1\.00 USD more\.$/,
    );
    expect(answerText({ ...query, measure: "INCOME" }, usd({ totalMinor: 0n, totalBMinor: 0n, changeMinor: 0n }))).toBe(
      "You received 0.00 USD in Groceries from 2026-11-01 to 2026-11-15, against 0.00 USD from 2026-10-01 to 2026-10-15: the same.",
    );
  });

  it("names the largest expenses, five at most in words", () => {
    const query = { kind: "TOP_EXPENSES" as const, range: october, limit: 10 };
    expect(answerText(query, usd({}))).toBe("You had no expenses from 2026-10-01 to 2026-10-31.");
    expect(answerText({ ...query, limit: 1 }, usd({ items: [expense("Landlord", 120000n, "2026-10-01")] }))).toBe(
      "Your largest expense from 2026-10-01 to 2026-10-31 was 1200.00 USD at Landlord on 2026-10-01.",
    );
    const seven = Array.from({ length: 7 }, (_, i) => expense(`Shop ${i}`, BigInt(7000 - i * 1000), `2026-10-0${i + 1}`));
    expect(answerText(query, usd({ items: seven }))).toBe(
      "Your 7 largest expenses from 2026-10-01 to 2026-10-31: 70.00 USD at Shop 0 on 2026-10-01; 60.00 USD at Shop 1 on 2026-10-02; " +
        "50.00 USD at Shop 2 on 2026-10-03; 40.00 USD at Shop 3 on 2026-10-04; 30.00 USD at Shop 4 on 2026-10-05; and 2 more.",
    );
  });

  it("breaks spending down by category, the three largest in words", () => {
    const category = (label: string, amountMinor: bigint, sharePercent: string): AnswerItem => ({
      label,
      amountMinor,
      date: null,
      transactionId: null,
      categoryId: label,
      sharePercent,
    });
    const items = [
      category("Housing", 60000n, "60.00"),
      category("Food", 30000n, "30.00"),
      category("Transport", 6000n, "6.00"),
      category("Health", 4000n, "4.00"),
    ];
    expect(answerText({ kind: "SPENDING_BY_CATEGORY", range: october }, usd({ totalMinor: 100000n, items }))).toBe(
      "You spent 1000.00 USD from 2026-10-01 to 2026-10-31: Housing 600.00 USD (60.00 %), Food 300.00 USD (30.00 %) and " +
        "Transport 60.00 USD (6.00 %), and 1 other category.",
    );
    expect(answerText({ kind: "SPENDING_BY_CATEGORY", range: october }, usd({ totalMinor: 0n }))).toBe(
      "You spent nothing from 2026-10-01 to 2026-10-31.",
    );
  });

  it("gives the savings rate, or says there is none without income", () => {
    const query = { kind: "SAVINGS_RATE" as const, range: october };
    expect(answerText(query, usd({ totalMinor: 50000n, incomeMinor: 200000n, spendingMinor: 150000n, ratePercent: "25.00" }))).toBe(
      "From 2026-10-01 to 2026-10-31 you received 2000.00 USD and spent 1500.00 USD: you saved 500.00 USD, 25.00 % of your income.",
    );
    expect(answerText(query, usd({ totalMinor: -5000n, incomeMinor: 10000n, spendingMinor: 15000n, ratePercent: "-50.00" }))).toBe(
      "From 2026-10-01 to 2026-10-31 you received 100.00 USD and spent 150.00 USD: 50.00 USD more than you received, a savings rate of -50.00 %.",
    );
    expect(answerText(query, usd({ totalMinor: -900n, incomeMinor: 0n, spendingMinor: 900n }))).toBe(
      "From 2026-10-01 to 2026-10-31 you had no income and spent 9.00 USD, so there is no savings rate.",
    );
  });
});
