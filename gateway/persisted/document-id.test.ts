import { createHash } from "node:crypto";

import { HeaderMap, type HTTPGraphQLRequest } from "@apollo/server";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";

import { preparePersistedRequest, resolveDocumentId } from "./document-id.js";
import { PersistedDocuments } from "./persisted-documents.js";

const QUERY = "query Me { me { id } }";
const ID = `sha256:${createHash("sha256").update(QUERY).digest("hex")}`;
const UNKNOWN = `sha256:${"0".repeat(64)}`;
const documents = PersistedDocuments.fromManifest({ [ID]: QUERY });

const post = (body: unknown): HTTPGraphQLRequest => ({
  method: "POST",
  headers: new HeaderMap([["content-type", "application/json"]]),
  search: "",
  body,
});
const get = (search: string): HTTPGraphQLRequest => ({ method: "GET", headers: new HeaderMap(), search, body: undefined });

function refusal(request: HTTPGraphQLRequest): { code: unknown; status: unknown } {
  try {
    preparePersistedRequest(request, documents);
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return { code: error.extensions.code, status: (error.extensions.http as { status?: number } | undefined)?.status };
  }
  throw new Error("expected a refusal");
}

describe("resolveDocumentId", () => {
  it("turns a POST documentId into the manifest's text, keeping variables, operationName and extensions", () => {
    const resolved = resolveDocumentId(post({ documentId: ID, variables: { a: 1 }, operationName: "Me", extensions: { x: 1 } }), documents);
    expect(resolved.body).toEqual({ query: QUERY, variables: { a: 1 }, operationName: "Me", extensions: { x: 1 } });
    // The very same string each time: Apollo's document cache is keyed by the text's hash.
    expect((resolveDocumentId(post({ documentId: ID }), documents).body as { query: string }).query).toBe(QUERY);
  });

  it("turns a GET ?documentId= into ?query=, keeping the other parameters", () => {
    const resolved = resolveDocumentId(get(`?documentId=${encodeURIComponent(ID)}&variables=${encodeURIComponent('{"a":1}')}`), documents);
    const params = new URLSearchParams(resolved.search);
    expect(params.get("query")).toBe(QUERY);
    expect(params.get("variables")).toBe('{"a":1}');
    expect(params.has("documentId")).toBe(false);
  });

  it("leaves requests without a documentId alone", () => {
    for (const request of [
      post({ query: "{ me { id } }" }),
      post("text body"),
      post([1, 2]),
      get("?query=%7B%20me%20%7B%20id%20%7D%20%7D"),
      { ...get(""), method: "PUT" },
    ]) {
      expect(resolveDocumentId(request, documents)).toBe(request);
    }
  });

  it("answers an unknown id with PERSISTED_QUERY_NOT_FOUND (HTTP 200), over POST and GET", () => {
    expect(refusal(post({ documentId: UNKNOWN }))).toEqual({ code: "PERSISTED_QUERY_NOT_FOUND", status: 200 });
    expect(refusal(post({ documentId: QUERY }))).toEqual({ code: "PERSISTED_QUERY_NOT_FOUND", status: 200 });
    expect(refusal(get(`?documentId=${UNKNOWN}`))).toEqual({ code: "PERSISTED_QUERY_NOT_FOUND", status: 200 });
  });

  it("refuses ambiguous or malformed requests with BAD_REQUEST (HTTP 400)", () => {
    expect(refusal(post({ documentId: ID, query: "{ me { id } }" }))).toEqual({ code: "BAD_REQUEST", status: 400 });
    expect(refusal(post({ documentId: 42 }))).toEqual({ code: "BAD_REQUEST", status: 400 });
    expect(refusal(post({ documentId: null }))).toEqual({ code: "BAD_REQUEST", status: 400 });
    expect(refusal(get(`?documentId=${ID}&query=%7B__typename%7D`))).toEqual({ code: "BAD_REQUEST", status: 400 });
    expect(refusal(get(`?documentId=${ID}&documentId=${ID}`))).toEqual({ code: "BAD_REQUEST", status: 400 });
  });

  it("refuses an APQ registration whose hash is not its query's, with a code rather than Apollo's uncoded error", () => {
    const persistedQuery = (sha256Hash: string) => ({ version: 1, sha256Hash });
    const good = createHash("sha256").update("{ me { id } }").digest("hex");
    expect(refusal(post({ query: "{ me { id } }", extensions: { persistedQuery: persistedQuery("0".repeat(64)) } }))).toEqual({
      code: "PERSISTED_QUERY_HASH_MISMATCH",
      status: 400,
    });
    const getSearch = `?query=${encodeURIComponent("{ me { id } }")}&extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: persistedQuery("0".repeat(64)) }))}`;
    expect(refusal(get(getSearch))).toEqual({ code: "PERSISTED_QUERY_HASH_MISMATCH", status: 400 });
    const matching = post({ query: "{ me { id } }", extensions: { persistedQuery: persistedQuery(good) } });
    expect(preparePersistedRequest(matching, documents)).toBe(matching);
    // Hash only (a lookup), and a documentId whose text comes with the manifest's own hash, pass.
    const lookup = post({ extensions: { persistedQuery: persistedQuery("0".repeat(64)) } });
    expect(preparePersistedRequest(lookup, documents)).toBe(lookup);
    expect(() =>
      preparePersistedRequest(post({ documentId: ID, extensions: { persistedQuery: persistedQuery(ID.slice(7)) } }), documents),
    ).not.toThrow();
  });
});
