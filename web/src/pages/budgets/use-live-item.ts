import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { useQueryClient } from "@tanstack/react-query";

import { documentIdOf } from "../../api/graphql-client";
import { useLive } from "../../api/hooks";

/**
 * Keeps one item of a cached list query current from a live subscription: each update replaces
 * the item in every cached copy of `listDocument` (whatever its variables), so the row on screen
 * moves at once without a reload or a refetch.
 */
export function useLiveItem<TSub, TVars, TList>(
  subscription: TypedDocumentNode<TSub, TVars>,
  variables: TVars,
  listDocument: object,
  merge: (list: TList, update: TSub) => TList,
): void {
  const queries = useQueryClient();
  useLive(subscription, variables, (update) => {
    queries.setQueriesData<TList>({ queryKey: [documentIdOf(listDocument)] }, (list) => (list ? merge(list, update) : list));
  });
}
