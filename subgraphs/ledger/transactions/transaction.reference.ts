import type { RequestContext } from "../../../platform/graphql/index.js";
import type { LedgerDeps } from "../ledger.deps.js";
import { Transaction } from "./transaction.type.js";

/** `_entities` lookups of transactions: batched per request; another user's id resolves to null. */
export function resolveTransactionReference(deps: LedgerDeps) {
  return async (reference: Record<string, unknown>, context: RequestContext): Promise<Transaction | null> => {
    if (typeof reference.id !== "string") return null;
    const entity = await context.loaders.get(deps.loaders.transaction).load(reference.id);
    return entity ? Transaction.from(entity) : null;
  };
}
