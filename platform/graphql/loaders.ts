import DataLoader from "dataloader";

import type { Caller } from "../auth/caller.js";

/**
 * Creates the loader for one request, scoped to its caller (loaders of user data filter by owner
 * in the query itself). The factory function is the registry key.
 */
export type LoaderFactory<K, V> = (caller: Caller) => DataLoader<K, V, string>;

/** Lazily creates each kind of DataLoader at most once per request. */
export class LoaderRegistry {
  constructor(private readonly caller: Caller) {}

  private readonly loaders = new Map<LoaderFactory<unknown, unknown>, DataLoader<unknown, unknown, string>>();

  get<K, V>(factory: LoaderFactory<K, V>): DataLoader<K, V, string> {
    let loader = this.loaders.get(factory as LoaderFactory<unknown, unknown>);
    if (!loader) {
      loader = factory(this.caller) as DataLoader<unknown, unknown, string>;
      this.loaders.set(factory as LoaderFactory<unknown, unknown>, loader);
    }
    return loader as DataLoader<K, V, string>;
  }
}

/**
 * Loader over a batch function that returns rows in any order: results are matched back to the
 * requested keys, and a missing row is `null` (so "not found" and "not yours" look the same).
 */
export function keyedLoader<V>(
  batch: (keys: readonly string[]) => Promise<V[]>,
  keyOf: (row: V) => string,
): DataLoader<string, V | null, string> {
  return new DataLoader<string, V | null, string>(async (keys) => {
    const rows = await batch(keys);
    const byKey = new Map(rows.map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}
