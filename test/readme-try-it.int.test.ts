import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { embeddedConfig } from "../platform/testing/services.js";
import { startTestSupergraph, type TestSupergraph } from "./harness/supergraph.js";

const run = promisify(execFile);
const readme = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "README.md"), "utf8");

/** The shell block between the `<!-- <marker>:start -->` and `:end` markers, exactly as a newcomer copies it. */
function tryItBlock(marker = "try-it"): string {
  const found = new RegExp(`<!-- ${marker}:start -->\\s*\`\`\`sh\\n([\\s\\S]*?)\`\`\`\\s*<!-- ${marker}:end -->`).exec(readme);
  if (!found) throw new Error(`README.md has no shell block between <!-- ${marker}:start --> and <!-- ${marker}:end -->`);
  return found[1]!;
}

/** jq prints one compact line per mutation, then the final query pretty-printed. */
function jsonDocuments(output: string): Array<{ data?: any; errors?: unknown[] }> {
  const lines = output.trim().split("\n");
  const compact = lines.filter((line) => line.startsWith("{") && line.endsWith("}"));
  const pretty = lines.slice(lines.lastIndexOf("{"));
  return [...compact.map((line) => JSON.parse(line)), JSON.parse(pretty.join("\n"))];
}

// The newcomer's path: `npm start` on the embedded defaults, then the README's block.
describe("README try-it blocks", () => {
  let sg: TestSupergraph;

  beforeAll(async () => {
    sg = await startTestSupergraph(embeddedConfig());
  });

  afterAll(async () => {
    await sg?.close();
  });

  it("runs as written and every answer is free of errors", async () => {
    const { stdout, stderr } = await run("bash", ["-c", tryItBlock()], {
      env: { ...process.env, MONETA_URL: sg.gateway.url },
      timeout: 30_000,
    });
    expect(stderr).toBe("");
    const [posted, final] = jsonDocuments(stdout);
    expect(posted).toEqual({ data: { postTransaction: { id: expect.any(String), payee: "Lunch" } } });
    expect(final!.errors).toBeUndefined();
    expect(final!.data.me).toEqual({ displayName: "Me", netWorth: { amount: "90.01", currency: "EUR" } });
    expect(final!.data.transactions.nodes).toEqual([
      {
        payee: "Lunch",
        amount: { amount: "-9.99", currency: "EUR" },
        account: { name: "Everyday", balance: { amount: "90.01", currency: "EUR" } },
        owner: { displayName: "Me" },
      },
    ]);
  });

  it("runs the Groups block as written: an even split, balances summing to zero, one transfer to settle", async () => {
    const { stdout, stderr } = await run("bash", ["-c", tryItBlock("try-it-groups")], {
      env: { ...process.env, MONETA_URL: sg.gateway.url },
      timeout: 30_000,
    });
    expect(stderr).toBe("");
    const [expense, final] = jsonDocuments(stdout);
    expect(expense).toEqual({
      data: {
        addGroupExpense: {
          description: "Dinner",
          shares: [
            { member: { displayName: "Ana" }, amount: { amount: "42.50" } },
            { member: { displayName: "Ben" }, amount: { amount: "42.50" } },
          ],
        },
      },
    });
    expect(final!.errors).toBeUndefined();
    expect(final!.data.group).toEqual({
      balances: [
        { member: { displayName: "Ana" }, amount: { amount: "-42.50", currency: "EUR" } },
        { member: { displayName: "Ben" }, amount: { amount: "42.50", currency: "EUR" } },
      ],
      settlementPlan: [{ from: { displayName: "Ana" }, to: { displayName: "Ben" }, amount: { amount: "42.50", currency: "EUR" } }],
    });
  });

  it("runs the Lending block as written: the first installment paid with a prepayment that shortens the loan", async () => {
    const { stdout, stderr } = await run("bash", ["-c", tryItBlock("try-it-lending")], {
      env: { ...process.env, MONETA_URL: sg.gateway.url },
      timeout: 30_000,
    });
    expect(stderr).toBe("");
    const [payment, final] = jsonDocuments(stdout);
    expect(payment).toEqual({
      data: { recordLoanPayment: { interest: { amount: "12.00" }, principal: { amount: "94.62" }, prepayment: { amount: "200.00" } } },
    });
    expect(final!.errors).toBeUndefined();
    const { loan, me } = final!.data;
    expect(loan).toMatchObject({ installmentAmount: { amount: "106.62" }, outstandingPrincipal: { amount: "905.38" } });
    // REDUCE_TERM: nine more payments of 106.62 instead of eleven, the last one smaller.
    expect(loan.schedule.map((i: { number: number }) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(loan.schedule[0].status).toBe("PAID");
    expect(loan.schedule.at(-1)).toEqual({ number: 10, payment: { amount: "97.95" }, balance: { amount: "0.00" }, status: "PENDING" });
    expect(me.debtSummary.owedByMe).toEqual([{ amount: "905.38", currency: "EUR" }]);
  });

  it("runs the Investments block as written: lots, a realized gain, a priced holding and its returns", async () => {
    const { stdout, stderr } = await run("bash", ["-c", tryItBlock("try-it-investments")], {
      env: { ...process.env, MONETA_URL: sg.gateway.url },
      timeout: 30_000,
    });
    expect(stderr).toBe("");
    const [bought, sold, priced, final] = jsonDocuments(stdout);
    expect(bought).toEqual({ data: { recordInvestmentTransaction: { type: "BUY", quantity: "10", amount: { amount: "1000.00" } } } });
    expect(sold).toEqual({ data: { recordInvestmentTransaction: { type: "SELL", quantity: "4", amount: { amount: "480.00" } } } });
    expect(priced!.errors).toBeUndefined();
    expect(final!.errors).toBeUndefined();
    // 10 bought for 1,001.00 with the fee; 4 sold for 480.00 against 400.40 of cost; 6 left at 130.00.
    // TWR: 1,001 in → 1,080 at the sale's close (+7.89%), then 600 → 780 (+30%): 40.26%.
    expect(final!.data.portfolio).toEqual({
      holdings: [
        {
          quantity: "6",
          costBasis: { amount: "600.60" },
          marketValue: { amount: "780.00" },
          unrealizedGain: { amount: "179.40" },
          realizedGain: { amount: "79.60" },
          priceDate: "2025-06-30",
        },
      ],
      performance: {
        timeWeightedReturn: "40.26",
        moneyWeightedReturn: "89.62",
        netContributions: { amount: "521.00" },
        gain: { amount: "259.00" },
      },
    });
  });

  it("runs the Tax block as written: a saved profile, an exact computation with its brackets, and the year's two revisions", async () => {
    const { stdout, stderr } = await run("bash", ["-c", tryItBlock("try-it-tax")], {
      env: { ...process.env, MONETA_URL: sg.gateway.url },
      timeout: 30_000,
    });
    expect(stderr).toBe("");
    const [profile, final] = jsonDocuments(stdout);
    expect(profile).toEqual({
      data: { setTaxProfile: { year: 2025, filingStatus: "MARRIED_FILING_JOINTLY", dependants: 2, saved: true } },
    });
    expect(final!.errors).toBeUndefined();
    // 84,450 ordinary: 10 % of 11,925 + 12 % of 36,550 + 22 % of 35,975 = 13,493.00; 400 at 15 % = 60.00.
    expect(final!.data).toEqual({
      incomeTax: {
        revision: "OBBBA_2025",
        tax: { amount: "13553.00" },
        ordinaryTax: { amount: "13493.00" },
        capitalGainsTax: { amount: "60.00" },
        marginalRatePercent: "15",
        effectiveRatePercent: "15.97",
        brackets: [
          { kind: "ORDINARY", ratePercent: "10", amount: { amount: "11925.00" }, tax: { amount: "1192.50" } },
          { kind: "ORDINARY", ratePercent: "12", amount: { amount: "36550.00" }, tax: { amount: "4386.00" } },
          { kind: "ORDINARY", ratePercent: "22", amount: { amount: "35975.00" }, tax: { amount: "7914.50" } },
          { kind: "CAPITAL_GAINS", ratePercent: "15", amount: { amount: "400.00" }, tax: { amount: "60.00" } },
        ],
      },
      taxTables: [
        { revision: "REV_PROC_2024_40", isDefault: false, effectiveDate: "2024-10-22" },
        { revision: "OBBBA_2025", isDefault: true, effectiveDate: "2025-07-04" },
      ],
    });
  });

  it("runs the Insights block as written: a question read into a query, and one it cannot read with what can be asked", async () => {
    const { stdout, stderr } = await run("bash", ["-c", tryItBlock("try-it-insights")], {
      env: { ...process.env, MONETA_URL: sg.gateway.url },
      timeout: 30_000,
    });
    expect(stderr).toBe("");
    const [asked, unknown] = jsonDocuments(stdout);
    expect(asked!.errors).toBeUndefined();
    expect(asked!.data.ask).toMatchObject({
      understood: true,
      query: { kind: "SPENDING_TOTAL" },
      data: { total: { amount: "0.00", currency: "USD" } },
    });
    expect(asked!.data.ask.interpretation).toMatch(/^Spending/);
    expect(unknown!.errors).toBeUndefined();
    expect(unknown!.data.ask.understood).toBe(false);
    expect(unknown!.data.ask.capabilities.map((c: { kind: string }) => c.kind)).toContain("SPENDING_TOTAL");
  });
});
