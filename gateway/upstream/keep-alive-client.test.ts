import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createServer as createNetServer, type Socket } from "node:net";

import { afterEach, describe, expect, it } from "vitest";

import { KeepAliveClient } from "./keep-alive-client.js";

const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function listen(server: Server | ReturnType<typeof createNetServer>): Promise<URL> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
}

function client(url: URL, timeoutMs?: number): KeepAliveClient {
  const c = new KeepAliveClient(url, { timeoutMs });
  closers.unshift(() => c.close());
  return c;
}

describe("KeepAliveClient", () => {
  it("posts the body with its headers and reuses one connection for sequential requests", async () => {
    const connections = new Set<Socket>();
    const server = createServer((req, res) => {
      connections.add(req.socket);
      let body = "";
      req.setEncoding("utf8").on("data", (chunk) => (body += chunk));
      req.on("end", () =>
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ path: req.url, token: req.headers["x-token"], body })),
      );
    });
    closers.push(() => server.closeAllConnections());
    const url = await listen(server);
    const c = client(url);
    for (let i = 0; i < 5; i++) {
      const response = await c.post("/graphql", { "content-type": "application/json", "x-token": "t" }, `{"n":${i},"s":"é"}`, true);
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toEqual({ path: "/graphql", token: "t", body: `{"n":${i},"s":"é"}` });
    }
    expect(connections.size).toBe(1);
  });

  it("sends a safe request again when a reused connection turns out to be dead, but never a write", async () => {
    // Answers the first request on each connection; resets the connection on the second.
    const server = createNetServer((socket) => {
      let requests = 0;
      socket.on("data", () => {
        requests++;
        if (requests === 1)
          socket.write("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\nconnection: keep-alive\r\n\r\n{}");
        else socket.resetAndDestroy();
      });
    });
    const url = await listen(server);
    const c = client(url);
    expect((await c.post("/graphql", {}, "{}", true)).body).toBe("{}");
    expect((await c.post("/graphql", {}, "{}", true)).body).toBe("{}");
    await expect(c.post("/graphql", {}, "{}", false)).rejects.toMatchObject({ name: "UpstreamError", code: "ECONNRESET" });
  });

  it("gives up on a subgraph that does not answer", async () => {
    const server = createServer(() => undefined);
    closers.push(() => server.closeAllConnections());
    const url = await listen(server);
    await expect(client(url, 100).post("/graphql", {}, "{}", true)).rejects.toMatchObject({ code: "ETIMEDOUT" });
  });

  it("reports a refused connection with its code", async () => {
    const server = createServer();
    const url = await listen(server);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    closers.pop();
    await expect(client(url).post("/graphql", {}, "{}", true)).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });
});

describe("KeepAliveClient, broken responses", () => {
  it("fails a response cut off mid-body instead of waiting", async () => {
    const server = createNetServer((socket) => {
      socket.on("data", () => {
        socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"partial":');
        setTimeout(() => socket.destroy(), 20);
      });
    });
    const url = await listen(server);
    await expect(client(url, 5_000).post("/graphql", {}, "{}", false)).rejects.toMatchObject({ name: "UpstreamError" });
  });
});
