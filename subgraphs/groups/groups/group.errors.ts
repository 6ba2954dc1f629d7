import { badInput, ClientError, ErrorCode, forbidden, notFound } from "../../../platform/errors/index.js";

/** Not a member, or no such group: the two look the same. */
export const groupNotFound = () => notFound("group");

/** A member id that is not an active member of this group (or of any group the caller is in). */
export const memberNotFound = (field: string) => new ClientError(ErrorCode.NOT_FOUND, "member not found", { field });

export const groupArchived = () => badInput("the group is archived", { field: "groupId" });

/** A member asked for something their role does not allow (they know the group exists). */
export const roleRequired = (role: string) => forbidden(`only a group ${role.toLowerCase()} can do this`);

/** A member who is owed or owes money cannot leave or be removed until they settle up. */
export const balanceNotSettled = (field: string) =>
  new ClientError("BALANCE_NOT_SETTLED", "the member's balance is not zero: settle up first", { field });

export function text(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  // Control characters would break every list a member sees.
  if (trimmed.length < 1 || trimmed.length > max || /\p{Cc}/u.test(trimmed))
    throw badInput(`${field} must be 1 to ${max} printable characters`, { field });
  return trimmed;
}
