import { badInput, ClientError, ErrorCode } from "../../../platform/errors/index.js";

/** Unknown, malformed, or another user's: the three look the same. */
export const portfolioNotFound = (field?: string) => new ClientError(ErrorCode.NOT_FOUND, "portfolio not found", field ? { field } : {});

export const portfolioArchived = (field = "portfolioId") => badInput("the portfolio is archived", { field });

export function text(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  // Control characters would break every list the user sees.
  if (trimmed.length < 1 || trimmed.length > max || /\p{Cc}/u.test(trimmed))
    throw badInput(`${field} must be 1 to ${max} printable characters`, { field });
  return trimmed;
}
