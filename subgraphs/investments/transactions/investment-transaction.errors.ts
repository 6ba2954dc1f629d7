import { ClientError, ErrorCode } from "../../../platform/errors/index.js";

/** Unknown, malformed, or in another user's portfolio: the three look the same. */
export const transactionNotFound = (field = "id") => new ClientError(ErrorCode.NOT_FOUND, "investment transaction not found", { field });
