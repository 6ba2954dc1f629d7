import type { RegisteredUser, TestSupergraph } from "./supergraph.js";

/** What the import tests read of a batch. */
export const IMPORT_FIELDS =
  "id status totalRows rowsDone imported duplicates failed errors { row code message } createdAt startedAt finishedAt";

/** What the rule tests read of a rule application. */
export const RULE_APPLICATION_FIELDS = "id status examined changed error createdAt startedAt finishedAt";

/** Small typed wrappers over the ledger's operations, through the gateway, for the ledger's tests. */
export function ledgerClient(sg: TestSupergraph) {
  const call = async (user: RegisteredUser, query: string, variables: Record<string, unknown> = {}) =>
    sg.query(query, variables, user.headers);
  const ok = async (user: RegisteredUser, query: string, variables: Record<string, unknown> = {}) => {
    const r = await call(user, query, variables);
    if (r.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(r.errors)}`);
    return r.data;
  };
  /**
   * Polls `importBatch(id)` until the import is COMPLETED or FAILED, on real time (never the
   * injected clock, which tests may have pinned); returns the batch as `selection` selects it.
   */
  const importFinished = async (user: RegisteredUser, id: string, selection = IMPORT_FIELDS, timeoutMs = 600_000): Promise<any> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const batch = (await ok(user, `query($id: ID!) { importBatch(id: $id) { status ${selection} } }`, { id })).importBatch;
      if (!batch) throw new Error(`import ${id} not found`);
      if (batch.status === "COMPLETED" || batch.status === "FAILED") return batch;
      if (Date.now() > deadline) throw new Error(`import ${id} still ${batch.status} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  /** Polls `ruleApplication(id)` until it is COMPLETED or FAILED, on real time (as importFinished). */
  const ruleApplicationFinished = async (
    user: RegisteredUser,
    id: string,
    selection = RULE_APPLICATION_FIELDS,
    timeoutMs = 600_000,
  ): Promise<any> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const application = (await ok(user, `query($id: ID!) { ruleApplication(id: $id) { status ${selection} } }`, { id })).ruleApplication;
      if (!application) throw new Error(`rule application ${id} not found`);
      if (application.status === "COMPLETED" || application.status === "FAILED") return application;
      if (Date.now() > deadline) throw new Error(`rule application ${id} still ${application.status} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return {
    call,
    ok,
    importFinished,
    ruleApplicationFinished,
    /** applyRules(filter), then waits for the application to finish; returns it as `selection` selects it. */
    async applyRulesAndWait(
      user: RegisteredUser,
      filter: Record<string, unknown> | null,
      selection = RULE_APPLICATION_FIELDS,
    ): Promise<any> {
      const accepted = (await ok(user, `mutation($filter: TransactionFilter) { applyRules(filter: $filter) { id } }`, { filter }))
        .applyRules;
      return ruleApplicationFinished(user, accepted.id, selection);
    },
    /** importTransactions, then waits for the import to finish; returns the finished batch. */
    async importAndWait(user: RegisteredUser, input: Record<string, unknown>, selection = IMPORT_FIELDS): Promise<any> {
      const accepted = (
        await ok(user, `mutation($input: ImportTransactionsInput!) { importTransactions(input: $input) { id } }`, { input })
      ).importTransactions;
      return importFinished(user, accepted.id, selection);
    },
    async account(user: RegisteredUser, currency = "USD", opening = "0", extra: Record<string, unknown> = {}): Promise<string> {
      const data = await ok(user, `mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, {
        input: {
          name: `Acc ${currency} ${Math.random().toString(36).slice(2, 6)}`,
          type: "CHECKING",
          openingBalance: { amount: opening, currency },
          openingDate: "2000-01-01",
          ...extra,
        },
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
