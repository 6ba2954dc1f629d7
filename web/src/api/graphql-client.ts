import type { TypedDocumentNode } from "@graphql-typed-document-node/core";

import { ApiError, CLIENT_CODES, type GraphQLErrorShape } from "./api-error";

/** What codegen leaves of a document in the web build: its trusted-document id, no text. */
interface PersistedDocument {
  __meta__?: { documentId?: string };
}

/** The id the gateway runs the operation by (web documents are generated with ids only). */
export function documentIdOf(document: TypedDocumentNode<unknown, never> | object): string {
  const id = (document as PersistedDocument).__meta__?.documentId;
  if (!id) throw new Error("document has no documentId: import it from src/generated/graphql");
  return id;
}

export interface GraphQLClientOptions {
  /** The gateway's /graphql, on this origin. */
  endpoint: string;
  /** The current access token (refreshed when near expiry), or undefined when signed out. */
  accessToken(): Promise<string | undefined>;
  /** Called once when the gateway refuses a token it should have taken: refresh, then retry once. */
  onUnauthenticated?(): Promise<boolean>;
  fetch?: typeof fetch;
}

/**
 * Sends operations by `documentId` only, so the app works against a gateway that accepts nothing
 * but the trusted-document manifest. Every failure becomes an {@link ApiError} with a code.
 */
export class GraphQLClient {
  constructor(private readonly options: GraphQLClientOptions) {}

  async request<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables?: TVariables): Promise<TResult> {
    const body = JSON.stringify({ documentId: documentIdOf(document), variables: variables ?? {} });
    const first = await this.send(body);
    if (first.code === "UNAUTHENTICATED" && first.hadToken && (await this.options.onUnauthenticated?.())) {
      return this.unwrap<TResult>(await this.send(body));
    }
    return this.unwrap<TResult>(first);
  }

  private async send(
    body: string,
  ): Promise<{ status: number; json?: { data?: unknown; errors?: GraphQLErrorShape[] }; code?: string; hadToken: boolean }> {
    const token = await this.options.accessToken();
    const headers: Record<string, string> = {
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json",
    };
    if (token) headers.authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await (this.options.fetch ?? fetch)(this.options.endpoint, { method: "POST", headers, body });
    } catch {
      return { status: 0, code: CLIENT_CODES.NETWORK, hadToken: !!token };
    }
    let json: { data?: unknown; errors?: GraphQLErrorShape[] } | undefined;
    try {
      json = (await response.json()) as typeof json;
    } catch {
      return { status: response.status, code: CLIENT_CODES.BAD_RESPONSE, hadToken: !!token };
    }
    const code = json?.errors?.[0]?.extensions?.code ?? (response.status === 401 ? "UNAUTHENTICATED" : undefined);
    return { status: response.status, json, code, hadToken: !!token };
  }

  private unwrap<TResult>(result: Awaited<ReturnType<GraphQLClient["send"]>>): TResult {
    if (!result.json) {
      throw new ApiError(
        result.code ?? CLIENT_CODES.BAD_RESPONSE,
        result.code === CLIENT_CODES.NETWORK ? "network error" : "bad response",
        [],
        result.status,
      );
    }
    // A partial answer with errors is a failure for a screen: it shows the error, not half the data.
    if (result.json.errors?.length) throw ApiError.from(result.json.errors, result.status);
    if (result.json.data === undefined || result.json.data === null)
      throw new ApiError(CLIENT_CODES.BAD_RESPONSE, "no data", [], result.status);
    return result.json.data as TResult;
  }
}
