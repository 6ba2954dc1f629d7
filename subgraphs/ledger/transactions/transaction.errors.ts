import { ClientError } from "../../../platform/errors/index.js";

/** A reconciled transaction stays as reconciled until its owner unlocks it. */
export const transactionLocked = () =>
  new ClientError("TRANSACTION_LOCKED", "this transaction is reconciled and locked; unlock it first", { field: "id" });
