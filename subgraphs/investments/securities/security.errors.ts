import { badInput, ClientError, ErrorCode } from "../../../platform/errors/index.js";

/** Unknown, or another user's own security: the two look the same. */
export const securityNotFound = (field = "id") => new ClientError(ErrorCode.NOT_FOUND, "security not found", { field });

/** A symbol no feed and none of the user's own securities knows. */
export const unknownSymbol = (symbol: string, field: string) =>
  badInput(`no security with the symbol "${symbol.slice(0, 32)}"; create it first`, { field });

export const symbolTaken = (symbol: string) =>
  new ClientError(ErrorCode.CONFLICT, `you already have a security with the symbol ${symbol}`, { field: "symbol" });

/** Shared securities are kept by the price feed; users change only their own. */
export const sharedSecurityReadOnly = () => badInput("only securities you defined yourself can be changed", { field: "id" });
