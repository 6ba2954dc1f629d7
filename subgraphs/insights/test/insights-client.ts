import { gatewayClient } from "../../../test/harness/gateway-client.js";
import type { RegisteredUser, TestSupergraph } from "../../../test/harness/supergraph.js";

export const usd = (amount: string) => ({ amount, currency: "USD" });

/** Insights' operations through the gateway, plus the ledger writes that feed it. */
export function insightsClient(sg: TestSupergraph) {
  const { call, ok, outcome } = gatewayClient(sg);
  return {
    call,
    ok,
    outcome,
    async category(user: RegisteredUser, name: string, kind: "INCOME" | "EXPENSE", parentId?: string): Promise<string> {
      return (await ok(user, `mutation($i: CreateCategoryInput!) { createCategory(input: $i) { id } }`, { i: { name, kind, parentId } }))
        .createCategory.id;
    },
    async account(user: RegisteredUser, name: string, opening: string, type = "CHECKING"): Promise<string> {
      const input = { name, type, openingBalance: usd(opening), openingDate: "2024-01-01" };
      return (await ok(user, `mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }`, { i: input })).createAccount.id;
    },
    async post(
      user: RegisteredUser,
      input: { accountId: string; amount: string; date: string; categoryId?: string | null; payee?: string; notes?: string },
    ): Promise<string> {
      const { amount, categoryId, payee = "Payee", ...rest } = input;
      const i = { ...rest, payee, amount: usd(amount), ...(categoryId && { categoryId }) };
      return (await ok(user, `mutation($i: PostTransactionInput!) { postTransaction(input: $i) { id } }`, { i })).postTransaction.id;
    },
    /** The ledger's own totals for a filter (USD). */
    async ledgerTotals(user: RegisteredUser, filter: Record<string, unknown>): Promise<{ income: string; expense: string; count: number }> {
      const data = await ok(
        user,
        `query($f: TransactionFilter) { transactions(first: 1, filter: $f) { totals { count byCurrency { currency income { amount } expense { amount } } } } }`,
        {
          f: filter,
        },
      );
      const totals = data.transactions.totals;
      const usdTotals = totals.byCurrency.find((c: { currency: string }) => c.currency === "USD");
      return { income: usdTotals?.income.amount ?? "0.00", expense: usdTotals?.expense.amount ?? "0.00", count: totals.count };
    },
  };
}
