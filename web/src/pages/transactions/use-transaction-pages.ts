import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";

import { useApi } from "../../api/api-context";
import type { ApiError } from "../../api/api-error";
import { documentIdOf } from "../../api/graphql-client";
import { type TransactionFilter, TransactionsPageListDocument, type TransactionsPageListQuery } from "../../generated/graphql";

export const PAGE_SIZE = 25;
export type TransactionRow = TransactionsPageListQuery["transactions"]["nodes"][number];

/** The list a page at a time ("Load more" follows the cursor); a new filter starts from the top. */
export function useTransactionPages(filter: TransactionFilter) {
  const { graphql } = useApi();
  const query = useInfiniteQuery<TransactionsPageListQuery, ApiError>({
    queryKey: [documentIdOf(TransactionsPageListDocument), { filter }, "pages"],
    queryFn: ({ pageParam }) =>
      graphql.request(TransactionsPageListDocument, { first: PAGE_SIZE, after: pageParam as string | undefined, filter }),
    initialPageParam: undefined,
    getNextPageParam: (last) => (last.transactions.pageInfo.hasNextPage ? (last.transactions.pageInfo.endCursor ?? undefined) : undefined),
  });
  const rows: TransactionRow[] = query.data?.pages.flatMap((page) => page.transactions.nodes) ?? [];
  return { query, rows };
}

/**
 * Reloads the list, at most every 300 ms: an import or another device can post many
 * transactions in a burst, and each reload must be allowed to finish.
 */
export function useReloadTransactions(): () => void {
  const queries = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      void queries.invalidateQueries({ queryKey: [documentIdOf(TransactionsPageListDocument)] });
    }, 300);
  }, [queries]);
}
