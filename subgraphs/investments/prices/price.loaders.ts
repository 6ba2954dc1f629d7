import DataLoader from "dataloader";
import type { DataSource } from "typeorm";

import type { LoaderFactory } from "../../../platform/graphql/index.js";
import type { PriceOn, PriceSeries, PriceService } from "./price.service.js";

/** Keys sharing everything after the first "|" are read together: one statement per distinct suffix. */
function bySuffix(keys: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const key of keys) {
    const cut = key.indexOf("|");
    const suffix = key.slice(cut + 1);
    groups.set(suffix, [...(groups.get(suffix) ?? []), key.slice(0, cut)]);
  }
  return groups;
}

/** "securityId|YYYY-MM-DD" → the latest close the caller sees on or before that day. */
export const priceOnLoader =
  (prices: PriceService, dataSource: DataSource): LoaderFactory<string, PriceOn | null> =>
  (caller) =>
    new DataLoader<string, PriceOn | null, string>(async (keys) => {
      if (!caller.userId) return keys.map(() => null);
      const found = new Map<string, PriceOn>();
      for (const [date, ids] of bySuffix(keys)) {
        for (const [id, price] of await prices.priceOn(dataSource.manager, caller.userId, ids, date)) found.set(`${id}|${date}`, price);
      }
      return keys.map((k) => found.get(k) ?? null);
    });

/** "securityId|from|to" → the caller's visible closes in that range (no carry-in), oldest first. */
export const pricesBetweenLoader =
  (prices: PriceService): LoaderFactory<string, PriceSeries | null> =>
  (caller) =>
    new DataLoader<string, PriceSeries | null, string>(async (keys) => {
      if (!caller.userId) return keys.map(() => null);
      const found = new Map<string, PriceSeries>();
      for (const [range, ids] of bySuffix(keys)) {
        const [from, to] = range.split("|") as [string, string];
        for (const [id, series] of await prices.pricesBetween(caller.userId, ids, from, to, { carryIn: false }))
          found.set(`${id}|${range}`, series);
      }
      return keys.map((k) => found.get(k) ?? null);
    });
