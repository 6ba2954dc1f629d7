/** The gateway benchmark's operation, shared by the runner and the floor server that fakes answering it. */
export const OPERATION = `{ transactions(first: 20) { nodes { id amount { amount currency } owner { displayName } } } }`;
/** What the ledger subgraph can answer alone: the same list, the owner as a bare reference. */
export const DIRECT_OPERATION = `{ transactions(first: 20) { nodes { id amount { amount currency } owner { id } } } }`;
