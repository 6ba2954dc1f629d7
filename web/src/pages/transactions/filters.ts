import type { TransactionFilter, TransactionKind } from "../../generated/graphql";

/** The filters as the URL keeps them (so a filtered list can be bookmarked, shared and gone back to). */
export const FILTER_PARAMS = ["q", "account", "category", "from", "to", "kind", "deleted"] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

/** The category choice meaning "lines without a category". */
export const UNCATEGORIZED = "none";

const KINDS: readonly TransactionKind[] = ["INCOME", "EXPENSE", "TRANSFER"];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The API's TransactionFilter from the URL's search params; unknown or empty values are left out. */
export function filterFromParams(params: URLSearchParams): TransactionFilter {
  const get = (name: FilterParam) => params.get(name)?.trim() || undefined;
  const filter: TransactionFilter = {};
  const q = get("q");
  if (q) filter.search = q.slice(0, 200);
  const account = get("account");
  if (account) filter.accountIds = [account];
  const category = get("category");
  if (category === UNCATEGORIZED) filter.uncategorized = true;
  else if (category) filter.categoryIds = [category];
  const from = get("from");
  if (from && DAY.test(from)) filter.dateFrom = from;
  const to = get("to");
  if (to && DAY.test(to)) filter.dateTo = to;
  const kind = get("kind") as TransactionKind | undefined;
  if (kind && KINDS.includes(kind)) filter.kinds = [kind];
  if (get("deleted") === "1") filter.deleted = true;
  return filter;
}

/** The search params for a submitted filter form: only the filled fields. */
export function paramsFromForm(form: FormData): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_PARAMS) {
    const value = form.get(name);
    if (typeof value === "string" && value.trim() !== "") params.set(name, value.trim());
  }
  return params;
}

/** Whether any filter is set (the empty state then says "nothing matches", not "nothing yet"). */
export const isFiltered = (params: URLSearchParams): boolean => FILTER_PARAMS.some((name) => params.get(name));
