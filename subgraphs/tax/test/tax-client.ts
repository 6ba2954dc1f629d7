import { gatewayClient } from "../../../test/harness/gateway-client.js";
import type { RegisteredUser, TestSupergraph } from "../../../test/harness/supergraph.js";

export const usd = (amount: string) => ({ amount, currency: "USD" });

export const SUMMARY = `year revision filingStatus currency grossIncome { amount } adjustedGrossIncome { amount }
  income { categories { amount } interest { amount } dividends { amount } qualifiedDividends { amount } capitalGainOrLoss { amount } }
  capitalGains { shortTerm { amount } longTerm { amount } net { amount } preferential { amount } deductibleLoss { amount } carryoverLoss { amount } }
  deduction { chosen amount { amount } standard { amount } itemized { total { amount } stateAndLocalTaxAllowed { amount } } }
  taxableIncome { amount } qualifiedIncome { amount } computation { tax { amount } ordinaryTax { amount } capitalGainsTax { amount } marginalRatePercent }
  childTaxCredit { allowed { amount } } estimatedTax { amount } effectiveRatePercent withheld { amount } leftToPay { amount }
  categories { name treatment amount { amount } } unconvertedItems`;

/** Tax's operations through the gateway, plus the ledger and investments writes that feed it. */
export function taxClient(sg: TestSupergraph) {
  const { call, ok, outcome } = gatewayClient(sg);
  return {
    call,
    ok,
    outcome,
    async category(user: RegisteredUser, name: string, kind: "INCOME" | "EXPENSE", parentId?: string): Promise<string> {
      const data = await ok(user, `mutation($i: CreateCategoryInput!) { createCategory(input: $i) { id } }`, {
        i: { name, kind, parentId },
      });
      return data.createCategory.id;
    },
    async post(
      user: RegisteredUser,
      accountId: string,
      amount: string,
      date: string,
      categoryId: string | null,
      payee = "Payee",
    ): Promise<string> {
      const data = await ok(user, `mutation($i: PostTransactionInput!) { postTransaction(input: $i) { id } }`, {
        i: { accountId, amount: usd(amount), date, payee, ...(categoryId && { categoryId }) },
      });
      return data.postTransaction.id;
    },
    /** A USD brokerage portfolio (FIFO); returns its id. */
    async portfolio(user: RegisteredUser): Promise<string> {
      const data = await ok(user, `mutation($i: CreatePortfolioInput!) { createPortfolio(input: $i) { id } }`, {
        i: { name: "Brokerage", currency: "USD", costBasisMethod: "FIFO" },
      });
      return data.createPortfolio.id;
    },
    /** Records each activity in order; returns their ids. */
    async recordAll(user: RegisteredUser, portfolioId: string, inputs: Array<Record<string, unknown>>): Promise<string[]> {
      const ids: string[] = [];
      for (const input of inputs) {
        const data = await ok(user, `mutation($i: RecordInvestmentTransactionInput!) { recordInvestmentTransaction(input: $i) { id } }`, {
          i: { portfolioId, ...input },
        });
        ids.push(data.recordInvestmentTransaction.id);
      }
      return ids;
    },
    async summary(user: RegisteredUser, year: number, selection = SUMMARY) {
      return (await ok(user, `query($y: Int!) { taxYearSummary(year: $y) { ${selection} } }`, { y: year })).taxYearSummary;
    },
    async setProfile(user: RegisteredUser, input: Record<string, unknown>, selection = "year filingStatus revision saved") {
      return (await ok(user, `mutation($i: SetTaxProfileInput!) { setTaxProfile(input: $i) { ${selection} } }`, { i: input }))
        .setTaxProfile;
    },
  };
}

/** A buy of `quantity` `symbol` at `price` (USD) on `date`. */
export const buy = (symbol: string, quantity: string, price: string, date: string) => ({
  type: "BUY",
  symbol,
  quantity,
  price: usd(price),
  date,
});
export const sell = (symbol: string, quantity: string, price: string, date: string) => ({
  ...buy(symbol, quantity, price, date),
  type: "SELL",
});
