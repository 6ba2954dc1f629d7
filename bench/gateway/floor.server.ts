/**
 * The floor: the least any gateway must do per request of the benchmark's operation, with no
 * GraphQL work at all. It reads and parses the client's body, makes the same two subgraph calls a
 * query plan makes (the ledger's list, then one `_entities` batch to identity for the owners) over
 * the gateway's own `KeepAliveClient`, stitches the display names in and stringifies the answer.
 * It ignores the query it is sent (it only ever answers `OPERATION`) and checks nothing: it is a
 * measuring stick for what stock and our gateway spend on top of this plumbing, not a gateway.
 */
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from "node:http";

import { KeepAliveClient } from "../../gateway/upstream/keep-alive-client.js";
import { INTERNAL_TOKEN_HEADER } from "../../platform/auth/internal-token.js";
import { serveChild, servedOnLoopback } from "./child.js";
import { DIRECT_OPERATION } from "./operations.js";

interface Node {
  owner: { id?: string; displayName?: string };
}
interface Answer<T> {
  data?: T;
  errors?: unknown;
}

const ENTITIES = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { displayName } } }`;
// The ledger call's body never changes: stringified once, not per request.
const LEDGER_BODY = JSON.stringify({ query: DIRECT_OPERATION });

/** One subgraph: a pooled client and the path to POST to. */
function subgraph(url: string) {
  const parsed = new URL(url);
  const client = new KeepAliveClient(parsed);
  const path = `${parsed.pathname}${parsed.search}`;
  return {
    client,
    async call<T>(body: string, token: string | undefined): Promise<T> {
      const headers: OutgoingHttpHeaders = { "content-type": "application/json", accept: "application/json" };
      // The caller token the benchmark sends, forwarded as apollo.server.ts forwards it.
      if (token) headers[INTERNAL_TOKEN_HEADER] = token;
      const response = await client.post(path, headers, body, true);
      const answer = JSON.parse(response.body) as Answer<T>;
      if (response.status !== 200 || answer.errors || !answer.data) throw new Error(`${url} answered ${response.status}: ${response.body}`);
      return answer.data;
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    req.setEncoding("utf8");
    let text = "";
    req.on("data", (chunk: string) => (text += chunk));
    req.on("end", () => resolve(text));
    req.on("error", reject);
  });
}

serveChild(async () => {
  const urls = JSON.parse(process.env.BENCH_SUBGRAPH_URLS!) as Record<string, string>;
  const ledger = subgraph(urls.ledger!);
  const identity = subgraph(urls.identity!);

  const answer = async (req: IncomingMessage): Promise<string> => {
    // Every gateway parses the request; the floor does too, then has no use for it.
    JSON.parse(await readBody(req));
    const header = req.headers[INTERNAL_TOKEN_HEADER];
    const token = typeof header === "string" ? header : undefined;
    const data = await ledger.call<{ transactions: { nodes: Node[] } }>(LEDGER_BODY, token);
    const nodes = data.transactions.nodes;
    // One representation per distinct owner, as a query plan batches them.
    const ids = [...new Set(nodes.map((node) => node.owner.id!))];
    const representations = ids.map((id) => ({ __typename: "User", id }));
    const { _entities: users } = await identity.call<{ _entities: Array<{ displayName: string }> }>(
      JSON.stringify({ query: ENTITIES, variables: { representations } }),
      token,
    );
    const names = new Map(ids.map((id, i) => [id, users[i]!.displayName]));
    // Replacing `owner` keeps each node's key order, so the JSON is the gateways' byte for byte.
    for (const node of nodes) node.owner = { displayName: names.get(node.owner.id!)! };
    return JSON.stringify({ data });
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    answer(req).then(
      (body) => res.writeHead(200, { "content-type": "application/json" }).end(body),
      // A failed subgraph call must show as an error in the bench, not as a fast answer.
      (error: unknown) => res.writeHead(502, { "content-type": "text/plain" }).end(String(error)),
    );
  });
  server.keepAliveTimeout = 65_000;
  return servedOnLoopback(server, () => {
    ledger.client.close();
    identity.client.close();
  });
});
