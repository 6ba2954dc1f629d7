import { gatewayClient } from "../../../test/harness/gateway-client.js";
import type { RegisteredUser, TestSupergraph } from "../../../test/harness/supergraph.js";

export const usd = (amount: string) => ({ amount, currency: "USD" });

export const COMPUTATION = `jurisdiction year revision filingStatus taxableIncome { amount currency } qualifiedIncome { amount }
  tax { amount } ordinaryTax { amount } capitalGainsTax { amount } marginalRatePercent effectiveRatePercent
  brackets { kind ratePercent from { amount } to { amount } amount { amount } tax { amount } }`;

export const PROFILE = `year jurisdiction filingStatus dependants dividendsQualified otherWithholding { amount currency } revision saved carriedFrom
  categories { categoryId name kind parentId treatment chosen }`;

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
    /** A brokerage portfolio (FIFO), in USD unless told; returns its id. */
    async portfolio(user: RegisteredUser, currency = "USD"): Promise<string> {
      const data = await ok(user, `mutation($i: CreatePortfolioInput!) { createPortfolio(input: $i) { id } }`, {
        i: { name: `Brokerage ${currency}`, currency, costBasisMethod: "FIFO" },
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
    async updateActivity(user: RegisteredUser, id: string, input: Record<string, unknown>): Promise<void> {
      await ok(
        user,
        `mutation($id: ID!, $i: UpdateInvestmentTransactionInput!) { updateInvestmentTransaction(id: $id, input: $i) { id } }`,
        {
          id,
          i: input,
        },
      );
    },
    async deleteActivity(user: RegisteredUser, id: string): Promise<void> {
      await ok(user, `mutation($id: ID!) { deleteInvestmentTransaction(id: $id) { id } }`, { id });
    },
    async summary(user: RegisteredUser, year: number, selection = SUMMARY) {
      return (await ok(user, `query($y: Int!) { taxYearSummary(year: $y) { ${selection} } }`, { y: year })).taxYearSummary;
    },
    /** `incomeTax` as `caller` (a user, or an API key's headers); the raw answer, so errors can be read. */
    incomeTax(caller: { headers: Record<string, string> }, input: Record<string, unknown>, selection = COMPUTATION) {
      return sg.query(`query($i: IncomeTaxInput!) { incomeTax(input: $i) { ${selection} } }`, { i: input }, caller.headers);
    },
    /** A key of the user's with exactly `scopes`, as request headers. */
    async apiKey(user: RegisteredUser, scopes: string[]): Promise<{ headers: Record<string, string> }> {
      const data = await ok(user, `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret } }`, {
        i: { name: scopes.join(" "), scopes },
      });
      return { headers: { "x-api-key": data.createApiKey.secret } };
    },
    async profile(user: RegisteredUser, year: number | null, selection = PROFILE) {
      return (await ok(user, `query($y: Int) { taxProfile(year: $y) { ${selection} } }`, { y: year })).taxProfile;
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
