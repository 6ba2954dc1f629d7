import type { LoaderFactory } from "../../platform/graphql/index.js";
import type { RunningSubgraphs } from "../../platform/runtime/start-all.js";
import type { World } from "./world.js";

/** The subgraphs whose deps carry per-request loaders: each gets its own test (one missing owner filter fails its own). */
export const LOADER_SUBGRAPHS = ["identity", "ledger", "budgets", "groups", "investments", "lending"] as const;

/** Loaders that find nothing for A's keys even as A, and why: the probe proves nothing there (the matrix's fields do). */
export const BLIND: Record<string, string> = {
  "ledger.rate": "keyed by date and currency pair, and A's world sets no rate of its own",
  "ledger.receipts": "keyed by transaction: A's receipt is a draft, attached to no transaction",
  "budgets.chain": "carry chains exist only for budgets that roll over; A's does not",
  "groups.settlements": "A's world records no settlement",
  "groups.contributions": "keyed by group goal: A's world's contributions come only from the live test, after these",
  "investments.priceOn": "keyed by security and date: prices are market data, not owned",
  "investments.pricesBetween": "keyed by security and date range: prices are market data, not owned",
  "lending.payments": "A's loan has no payment",
};

type AnyLoaders = Record<string, LoaderFactory<string, unknown>>;

/** What a loader found: nothing is null, undefined or an empty list. */
const found = (v: unknown) => v != null && !(Array.isArray(v) && v.length === 0);

/** A's ids (and the "id|date" keys balance loaders take), fed to every loader of a subgraph. */
function keysOf(a: World): string[] {
  const ids = [...new Set(Object.values(a))];
  return [...ids, ...ids.map((id) => `${id}|2026-03-31`)];
}

export function loadersOf(all: RunningSubgraphs, subgraph: string): AnyLoaders | undefined {
  return (all.subgraphs.find((s) => s.name === subgraph)?.deps as { loaders?: AnyLoaders } | undefined)?.loaders;
}

/**
 * Calls each loader factory directly, once as A and once as B, with every one of A's keys.
 * Returns, per loader, the keys B was answered for while A was too (leaks), and the loaders that
 * found nothing even for A (the probe proves nothing there).
 */
export async function probeLoaders(subgraph: string, loaders: AnyLoaders, a: World, aliceId: string, bobId: string) {
  const keys = keysOf(a);
  const leaks: Record<string, string[]> = {};
  const blind: string[] = [];
  for (const [name, factory] of Object.entries(loaders)) {
    // A fresh DataLoader per caller, as each request gets: nothing cached across callers.
    const asA = await factory({ userId: aliceId, scopes: ["*"] }).loadMany(keys);
    const asB = await factory({ userId: bobId, scopes: ["*"] }).loadMany(keys);
    const seen = keys.filter((_, i) => found(asA[i]) && !(asA[i] instanceof Error));
    if (seen.length === 0) blind.push(name);
    const leaked = keys.filter((_, i) => found(asB[i]) && !(asB[i] instanceof Error));
    if (leaked.length) leaks[name] = leaked;
  }
  return { leaks, blind: blind.filter((name) => !(`${subgraph}.${name}` in BLIND)) };
}
