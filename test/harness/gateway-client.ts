import type { RegisteredUser, TestSupergraph } from "./supergraph.js";

/** Calls through the gateway as a user: the raw answer, the data (throwing on errors), or "CODE:field". */
export function gatewayClient(sg: TestSupergraph) {
  const call = (user: RegisteredUser, query: string, variables: Record<string, unknown> = {}) => sg.query(query, variables, user.headers);
  const ok = async (user: RegisteredUser, query: string, variables: Record<string, unknown> = {}) => {
    const r = await call(user, query, variables);
    if (r.errors) throw new Error(`${query.slice(0, 80)}: ${JSON.stringify(r.errors)}`);
    return r.data;
  };
  /** The first error's code and field ("BAD_USER_INPUT:amount"), or "OK". */
  const outcome = async (user: RegisteredUser, query: string, variables: Record<string, unknown> = {}) => {
    const r = await call(user, query, variables);
    const e = r.errors?.[0];
    return e ? `${e.extensions?.code}${e.extensions?.field ? `:${e.extensions.field}` : ""}` : "OK";
  };
  return { call, ok, outcome };
}
