/** GraphQL over HTTP for the benchmarks' own set-up and measured single requests. */

export interface GraphqlAnswer {
  // Benchmarks read loosely typed answers.
  data: any;
  /** performance.now() when the whole response body had arrived. */
  at: number;
  /** From sending to `at`. */
  ms: number;
}

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

/** One POST; a non-2xx status or any GraphQL error throws, naming the operation. */
export async function graphql(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  timeoutMs = 30_000,
): Promise<GraphqlAnswer> {
  const sent = performance.now();
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  const at = performance.now();
  let body: { data?: unknown; errors?: unknown };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`${query.slice(0, 60)}… answered ${response.status} with no JSON: ${text.slice(0, 200)}`);
  }
  if (!response.ok || body.errors) throw new Error(`${query.slice(0, 60)}… answered ${response.status}: ${JSON.stringify(body.errors)}`);
  return { data: body.data, at, ms: at - sent };
}
