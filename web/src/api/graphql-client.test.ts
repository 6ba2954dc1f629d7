import { describe, expect, it, vi } from "vitest";

import { ApiError, describeError } from "./api-error";
import { GraphQLClient } from "./graphql-client";

const DOC = { __meta__: { documentId: "sha256:abc" } } as never;

function respond(...answers: Array<{ status?: number; body: unknown } | Error>) {
  const calls: Array<{ headers: Record<string, string>; body: unknown }> = [];
  const fetch = vi.fn(async (_url: string, init: RequestInit) => {
    calls.push({ headers: init.headers as Record<string, string>, body: JSON.parse(init.body as string) });
    const answer = answers.shift()!;
    if (answer instanceof Error) throw answer;
    return new Response(typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body), { status: answer.status ?? 200 });
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

describe("GraphQLClient: documentIds only, every failure an ApiError with a code", () => {
  it("sends the documentId and variables, never a query, with the bearer token", async () => {
    const { fetch, calls } = respond({ body: { data: { ok: true } } });
    const client = new GraphQLClient({ endpoint: "/graphql", accessToken: async () => "tok", fetch });
    expect(await client.request(DOC, { a: 1 } as never)).toEqual({ ok: true });
    expect(calls[0]!.body).toEqual({ documentId: "sha256:abc", variables: { a: 1 } });
    expect(calls[0]!.headers.authorization).toBe("Bearer tok");
  });

  it("refuses a document that carries no id (text must never be sent)", async () => {
    const client = new GraphQLClient({ endpoint: "/graphql", accessToken: async () => undefined, fetch: respond().fetch });
    await expect(client.request({ kind: "Document" } as never)).rejects.toThrow(/documentId/);
  });

  it("refreshes once and retries when a token is refused, and gives up after that", async () => {
    const unauthenticated = { status: 401, body: { errors: [{ message: "expired", extensions: { code: "UNAUTHENTICATED" } }] } };
    const { fetch, calls } = respond(unauthenticated, { body: { data: { ok: 1 } } });
    const onUnauthenticated = vi.fn(async () => true);
    const client = new GraphQLClient({ endpoint: "/graphql", accessToken: async () => `tok${calls.length}`, onUnauthenticated, fetch });
    expect(await client.request(DOC)).toEqual({ ok: 1 });
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
    const again = respond(unauthenticated, unauthenticated);
    const failing = new GraphQLClient({ endpoint: "/graphql", accessToken: async () => "t", onUnauthenticated, fetch: again.fetch });
    await expect(failing.request(DOC)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(again.calls).toHaveLength(2);
  });

  it("turns GraphQL errors, network failures and garbage into coded ApiErrors", async () => {
    const client = (answer: { status?: number; body: unknown } | Error) =>
      new GraphQLClient({ endpoint: "/graphql", accessToken: async () => undefined, fetch: respond(answer).fetch });
    await expect(
      client({ body: { data: null, errors: [{ message: "amount: bad", extensions: { code: "BAD_USER_INPUT" } }] } }).request(DOC),
    ).rejects.toMatchObject({
      code: "BAD_USER_INPUT",
      message: "amount: bad",
    });
    await expect(client(new TypeError("fetch failed")).request(DOC)).rejects.toMatchObject({ code: "NETWORK_ERROR" });
    await expect(client({ status: 502, body: "<html>bad gateway</html>" }).request(DOC)).rejects.toMatchObject({ code: "BAD_RESPONSE" });
  });

  it("describes errors for people: a sentence per code, the server's detail for input problems, overrides per screen", () => {
    expect(describeError(new ApiError("RATE_LIMITED", "cost 10 over budget"))).toEqual({
      title: "Too many requests. Please wait a moment and try again.",
      detail: undefined,
      code: "RATE_LIMITED",
    });
    expect(describeError(new ApiError("BAD_USER_INPUT", "amount must be positive")).detail).toBe("amount must be positive");
    expect(describeError(new ApiError("BAD_AMOUNT", "USD allows at most 2 decimal places")).title).toBe("Please check what you entered.");
    expect(describeError(new ApiError("UNAUTHENTICATED", "x"), { UNAUTHENTICATED: "Wrong password." }).title).toBe("Wrong password.");
    expect(describeError(new Error("boom")).code).toBe("INTERNAL_SERVER_ERROR");
  });
});
