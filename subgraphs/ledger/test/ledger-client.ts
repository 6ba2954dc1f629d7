import type { RegisteredUser, TestSupergraph } from "../../../test/harness/supergraph.js";

/** Small typed wrappers over the ledger's operations, through the gateway, for the ledger's tests. */
export function ledgerClient(sg: TestSupergraph) {
  const call = async (user: RegisteredUser, query: string, variables: Record<string, unknown> = {}) => sg.query(query, variables, user.headers);
  const ok = async (user: RegisteredUser, query: string, variables: Record<string, unknown> = {}) => {
    const r = await call(user, query, variables);
    if (r.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(r.errors)}`);
    return r.data;
  };
  return {
    call,
    ok,
    async account(user: RegisteredUser, currency = "USD", opening = "0", extra: Record<string, unknown> = {}): Promise<string> {
      const data = await ok(user, `mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, {
        input: { name: `Acc ${currency} ${Math.random().toString(36).slice(2, 6)}`, type: "CHECKING", openingBalance: { amount: opening, currency }, openingDate: "2000-01-01", ...extra },
      });
      return data.createAccount.id;
    },
    async post(user: RegisteredUser, input: Record<string, unknown>, selection = "id") {
      return call(user, `mutation($input: PostTransactionInput!) { postTransaction(input: $input) { ${selection} } }`, { input });
    },
    async balance(user: RegisteredUser, accountId: string): Promise<string> {
      const data = await ok(user, `query($id: ID!) { account(id: $id) { balance { amount } } }`, { id: accountId });
      return data.account.balance.amount;
    },
    async categoryId(user: RegisteredUser, name: string): Promise<string> {
      const data = await ok(user, `{ categories { id name } }`);
      const found = data.categories.find((c: { name: string }) => c.name === name);
      if (!found) throw new Error(`no category ${name}`);
      return found.id;
    },
  };
}
