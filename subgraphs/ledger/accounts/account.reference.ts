import type { RequestContext } from "../../../platform/graphql/index.js";
import type { LedgerDeps } from "../ledger.deps.js";
import { Account } from "./account.type.js";

/** `_entities` lookups of accounts: batched per request; another user's id resolves to null. */
export function resolveAccountReference(deps: LedgerDeps) {
  return async (reference: Record<string, unknown>, context: RequestContext): Promise<Account | null> => {
    if (typeof reference.id !== "string") return null;
    const entity = await context.loaders.get(deps.loaders.account).load(reference.id);
    return entity ? Account.from(entity) : null;
  };
}
