import type { EntityManager } from "typeorm";

import { badInput } from "../../../platform/errors/index.js";
import type { ActivityDraft } from "./activity-draft.js";

/** What activity needs of a security. */
export interface SecurityRef {
  id: string;
  symbol: string;
  name: string;
  kind: string;
  currency: string;
}

/** The part of market data's SecurityService that activity uses. */
export interface SecurityDirectory {
  /** Upper-cased symbol → the security it names for the user (their own first, then a shared one). */
  findBySymbols(manager: EntityManager, userId: string, symbols: readonly string[]): Promise<Map<string, SecurityRef>>;
  /** The security a trade names, created as the user's own (in `currency`) when nothing knows the symbol. */
  ensureUserDefined(manager: EntityManager, userId: string, symbol: string, currency: string): Promise<SecurityRef>;
  /** The securities among `ids` the user may see. */
  findForUser(userId: string, ids: readonly string[], manager?: EntityManager): Promise<SecurityRef[]>;
}

/** The security an activity is about, and the currency it is kept in. */
export interface ResolvedSecurity {
  security: SecurityRef | null;
  currency: string;
}

const currencyField = (draft: ActivityDraft) => (draft.type === "BUY" || draft.type === "SELL" ? "price.currency" : "amount.currency");

/**
 * Checks a draft against the securities: a BUY or SELL of an unknown symbol creates the user's own
 * security in the price's currency (a SELL then fails the replay and nothing stays); any other
 * type must name a security that exists. Money is kept in the security's currency.
 */
export function settleSecurity(draft: ActivityDraft, known: SecurityRef | null): ResolvedSecurity {
  if (draft.symbol === null) return { security: null, currency: draft.currency! };
  if (!known) throw badInput(`no security ${draft.symbol}: a BUY of it creates one`, { field: "symbol" });
  if (draft.currency !== null && draft.currency !== known.currency)
    throw badInput(`${known.symbol} is priced in ${known.currency}`, { field: currencyField(draft) });
  return { security: known, currency: known.currency };
}

export async function resolveSecurity(
  securities: SecurityDirectory,
  manager: EntityManager,
  userId: string,
  draft: ActivityDraft,
): Promise<ResolvedSecurity> {
  if (draft.symbol === null) return settleSecurity(draft, null);
  const trade = draft.type === "BUY" || draft.type === "SELL";
  const known = trade
    ? await securities.ensureUserDefined(manager, userId, draft.symbol, draft.currency!)
    : ((await securities.findBySymbols(manager, userId, [draft.symbol])).get(draft.symbol) ?? null);
  return settleSecurity(draft, known);
}
