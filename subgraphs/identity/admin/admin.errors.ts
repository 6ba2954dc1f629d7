import { badInput, ClientError, ErrorCode, forbidden } from "../../../platform/errors/index.js";

/** One answer for every signed-in caller without the role: nothing about what the field would show. */
export const notAnOperator = () => forbidden("this operation needs the operator role");

/** Sign-in and refresh of a locked account; the reason is the owner's to read in their security log. */
export const accountLockedByOperator = () =>
  new ClientError(ErrorCode.FORBIDDEN, "this account is locked; contact support", { reason: "ACCOUNT_LOCKED" });

export const cannotLockYourself = () => badInput("an operator cannot lock their own account", { field: "userId" });

export const MAX_REASON_LENGTH = 500;
export const badReason = () => badInput(`reason must be 1 to ${MAX_REASON_LENGTH} characters`, { field: "reason" });

export const MIN_SEARCH_LENGTH = 3;
export const badSearch = () =>
  badInput(`search needs at least ${MIN_SEARCH_LENGTH} characters (part of an e-mail address) or a user id`, { field: "search" });
