/**
 * The soak's users, set up through the gateway as any client would: registered, one checking
 * account each and a monthly budget on Groceries (budgets learns users and categories from events,
 * so createBudget is retried until it is accepted). Access tokens live 15 minutes: `freshToken`
 * logs in again when the one held is over 10 minutes old.
 */
import { bearer, graphql, type GraphqlAnswer } from "../support/graphql.js";
import { mapBounded, until } from "../support/wait.js";

const PASSWORD = "plum-tractor-velvet-93";
const TOKEN_MAX_AGE_MS = 10 * 60_000;

export interface SoakUser {
  index: number;
  email: string;
  token: string;
  tokenAt: number;
  accountId: string;
  categoryId: string;
  budgetId: string;
}

export type Call = (query: string, variables?: Record<string, unknown>, token?: string) => Promise<GraphqlAnswer>;

export const gatewayCall =
  (url: string): Call =>
  (query, variables = {}, token) =>
    graphql(url, query, variables, token ? bearer(token) : {});

async function setUpUser(call: Call, prefix: string, index: number): Promise<SoakUser> {
  const email = `${prefix}.${index}@example.com`;
  const { data } = await call(`mutation($i: RegisterInput!) { register(input: $i) { accessToken } }`, {
    i: { email, password: PASSWORD, displayName: `Soak ${index}` },
  });
  const token = data.register.accessToken as string;
  const tokenAt = performance.now();
  const accountId = (
    await call(
      `mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }`,
      { i: { name: "Soak", type: "CHECKING", openingBalance: { amount: "0", currency: "USD" }, openingDate: "2000-01-01" } },
      token,
    )
  ).data.createAccount.id as string;
  const categoryId = await until(
    "the Groceries category",
    60_000,
    async () => {
      const list = (await call(`{ categories { id name } }`, {}, token)).data.categories as Array<{ id: string; name: string }>;
      return list.find((c) => c.name === "Groceries")?.id;
    },
    250,
  );
  const budgetId = await until(
    "createBudget (budgets learns the user from events)",
    90_000,
    async () =>
      (
        await call(
          `mutation($i: CreateBudgetInput!) { createBudget(input: $i) { id } }`,
          { i: { name: "Soak", categoryIds: [categoryId], period: "MONTHLY", amount: { amount: "1000000.00", currency: "USD" } } },
          token,
        )
      ).data.createBudget.id as string,
    250,
  );
  return { index, email, token, tokenAt, accountId, categoryId, budgetId };
}

export const setUpUsers = (call: Call, prefix: string, count: number) =>
  mapBounded(
    Array.from({ length: count }, (_, i) => i),
    4,
    (i) => setUpUser(call, prefix, i),
  );

/** The user's access token, logged in again first when it is over 10 minutes old. */
export async function freshToken(call: Call, user: SoakUser): Promise<string> {
  if (performance.now() - user.tokenAt > TOKEN_MAX_AGE_MS) {
    const { data } = await call(`mutation($i: LoginInput!) { login(input: $i) { ... on AuthPayload { accessToken } } }`, {
      i: { email: user.email, password: PASSWORD },
    });
    const token = data.login?.accessToken as string | undefined;
    if (!token) throw new Error(`login of ${user.email} answered no access token`);
    user.token = token;
    user.tokenAt = performance.now();
  }
  return user.token;
}
