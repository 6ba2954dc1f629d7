import { createHash } from "node:crypto";

import type { HTTPGraphQLRequest } from "@apollo/server";

import { apqHashMismatchError, badDocumentRequestError, documentNotFoundError } from "./errors.js";
import type { PersistedDocuments } from "./persisted-documents.js";

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * What the gateway does to every HTTP request before Apollo: resolve a `documentId`, and refuse an
 * APQ registration whose hash is not its query's. (Apollo refuses that too, but with an error
 * that has no code, which the masker would hide and log as unexpected.)
 */
export function preparePersistedRequest(request: HTTPGraphQLRequest, documents: PersistedDocuments): HTTPGraphQLRequest {
  const resolved = resolveDocumentId(request, documents);
  checkApqHash(resolved);
  return resolved;
}

/**
 * Turns a trusted-document request (`{ "documentId": "sha256:…" }` in a POST body, or
 * `?documentId=…` on a GET) into the ordinary request Apollo understands, with the manifest's text
 * as `query`. Everything Apollo does next still applies: CSRF prevention, queries only over GET,
 * the parse/validation cache (the text is the same string every time), limits, the safelist.
 * Requests without a documentId pass through untouched.
 * @throws PERSISTED_QUERY_NOT_FOUND for an id not in the manifest, BAD_REQUEST for an ambiguous request.
 */
export function resolveDocumentId(request: HTTPGraphQLRequest, documents: PersistedDocuments): HTTPGraphQLRequest {
  if (request.method === "POST") {
    if (!isRecord(request.body) || request.body.documentId === undefined) return request;
    const { documentId, ...rest } = request.body;
    const query = lookupDocument(documents, documentId, rest.query !== undefined && rest.query !== null);
    return { ...request, body: { ...rest, query } };
  }
  if (request.method === "GET") {
    const params = new URLSearchParams(request.search);
    if (!params.has("documentId")) return request;
    const ids = params.getAll("documentId");
    if (ids.length !== 1) throw badDocumentRequestError("documentId must be given once");
    const query = lookupDocument(documents, ids[0], params.has("query"));
    params.delete("documentId");
    params.set("query", query);
    return { ...request, search: `?${params.toString()}` };
  }
  return request;
}

/**
 * The manifest text for a `documentId`, with the same refusals wherever an id arrives (HTTP body,
 * GET parameter, graphql-ws subscribe payload).
 * @throws BAD_REQUEST for a non-string id or an id sent with a query, PERSISTED_QUERY_NOT_FOUND for an unknown id.
 */
export function lookupDocument(documents: Pick<PersistedDocuments, "get">, documentId: unknown, hasQuery: boolean): string {
  if (typeof documentId !== "string") throw badDocumentRequestError("documentId must be a string");
  // Which one would run is a guess either way; refusing keeps "what ran" equal to "what was asked".
  if (hasQuery) throw badDocumentRequestError("send either a documentId or a query, not both");
  const query = documents.get(documentId);
  if (query === undefined) throw documentNotFoundError();
  return query;
}

function checkApqHash(request: HTTPGraphQLRequest): void {
  let query: unknown;
  let extensions: unknown;
  if (request.method === "POST" && isRecord(request.body)) {
    ({ query, extensions } = request.body);
  } else if (request.method === "GET") {
    const params = new URLSearchParams(request.search);
    query = params.get("query") ?? undefined;
    try {
      extensions = JSON.parse(params.get("extensions") ?? "null");
    } catch {
      return; // Apollo answers malformed JSON itself.
    }
  }
  if (typeof query !== "string" || !isRecord(extensions) || !isRecord(extensions.persistedQuery)) return;
  const hash = extensions.persistedQuery.sha256Hash;
  if (typeof hash === "string" && hash !== createHash("sha256").update(query).digest("hex")) throw apqHashMismatchError();
}
