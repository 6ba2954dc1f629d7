import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { type QueryKey, useMutation, type UseMutationResult, useQuery, useQueryClient, type UseQueryResult } from "@tanstack/react-query";
import { useEffect, useEffectEvent, useSyncExternalStore } from "react";

import { useApi } from "./api-context";
import type { ApiError } from "./api-error";
import { documentIdOf } from "./graphql-client";

/** The cache key of an operation: its documentId and variables. */
export const queryKeyOf = (document: object, variables?: unknown): QueryKey => [documentIdOf(document), variables ?? {}];

/** Runs a query document through the gateway, cached and refetched by TanStack Query. */
export function useApiQuery<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  options: { enabled?: boolean; refetchInterval?: number } = {},
): UseQueryResult<TData, ApiError> {
  const { graphql } = useApi();
  return useQuery<TData, ApiError>({
    queryKey: queryKeyOf(document, variables),
    queryFn: () => graphql.request(document, variables),
    enabled: options.enabled,
    refetchInterval: options.refetchInterval,
  });
}

/**
 * Runs a mutation; on success every query on screen is reloaded (a write in one domain moves
 * figures in others: a transaction changes budgets, net worth and the forecast).
 */
export function useApiMutation<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  options: { invalidate?: boolean } = {},
): UseMutationResult<TData, ApiError, TVariables> {
  const { graphql } = useApi();
  const queries = useQueryClient();
  return useMutation<TData, ApiError, TVariables>({
    mutationFn: (variables) => graphql.request(document, variables),
    onSuccess: () => {
      if (options.invalidate !== false) void queries.invalidateQueries();
    },
  });
}

/**
 * Keeps a live subscription open while the component is mounted (and `enabled`); `onData` is
 * called with each update. Variables are compared by value, so an inline object does not
 * resubscribe on every render.
 */
export function useLive<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  onData: (data: TData) => void,
  options: { enabled?: boolean; onError?: (error: ApiError) => void } = {},
): void {
  const { live } = useApi();
  // The latest callbacks, without resubscribing when a parent passes new closures.
  const next = useEffectEvent((data: TData) => onData(data));
  const failed = useEffectEvent((error: ApiError) => options.onError?.(error));
  const key = JSON.stringify(variables ?? {});
  const enabled = options.enabled ?? true;
  useEffect(() => {
    if (!enabled) return undefined;
    return live.subscribe(document, JSON.parse(key) as TVariables, {
      next: (data) => next(data),
      error: (error) => failed(error),
    });
  }, [live, document, key, enabled]);
}

/** The signed-in session's tokens, re-rendering on sign-in, refresh and sign-out. */
export function useSessionTokens() {
  const { session } = useApi();
  return useSyncExternalStore(session.subscribe, session.current);
}
