import { readFileSync } from "node:fs";

import type { ImportItem } from "../parsing/index.js";

/** A sample statement from test-support/samples, as the bytes a user would upload. */
export const sample = (name: string): Buffer => readFileSync(new URL(`./samples/${name}`, import.meta.url));

/** Drains a parser's items (sync or async) into an array. */
export async function collect(items: AsyncIterator<ImportItem> | Iterator<ImportItem>): Promise<ImportItem[]> {
  const out: ImportItem[] = [];
  for (let next = await items.next(); !next.done; next = await items.next()) out.push(next.value);
  return out;
}

export const oks = (items: ImportItem[]) => items.flatMap((item) => (item.ok ? [item.value] : []));
export const errors = (items: ImportItem[]) => items.flatMap((item) => (item.ok ? [] : [item.error]));
