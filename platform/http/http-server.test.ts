import { Agent, request } from "node:http";
import { connect } from "node:net";

import { ApolloServer } from "@apollo/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { type RunningHttpServer, sendJson, serveGraphQL } from "./http-server.js";

/** A request the test holds open: `entered` resolves when its handler runs, `release` lets it answer. */
function gate() {
  let enter!: () => void;
  let release!: () => void;
  const entered = new Promise<void>((resolve) => (enter = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  return {
    entered,
    release,
    handler: async (res: Parameters<typeof sendJson>[0]) => (enter(), await released, sendJson(res, 200, { ok: true })),
  };
}

interface Answer {
  status: number;
  connection?: string;
  body: string;
}

function get(url: string, agent?: Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request(url, { agent }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }));
    })
      .on("error", reject)
      .end();
  });
}

/** Resolves with the error code of a fresh TCP connection attempt ("connected" if it was accepted). */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve("connected")));
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
  });
}

describe("serveGraphQL close()", () => {
  let running: RunningHttpServer | undefined;
  let slow: ReturnType<typeof gate>;
  let hung: ReturnType<typeof gate>;

  beforeEach(() => {
    slow = gate();
    hung = gate();
  });

  const start = () =>
    serveGraphQL({
      // Only plain routes are called here: Apollo is never reached, so it need not be started.
      apollo: new ApolloServer({ typeDefs: "type Query { ok: Boolean }" }),
      host: "127.0.0.1",
      port: 0,
      context: async () => ({}),
      routes: {
        "/slow": (_req, res) => slow.handler(res),
        "/hung": (_req, res) => hung.handler(res),
        "/quick": (_req, res) => sendJson(res, 200, { ok: true }),
      },
    });

  afterEach(async () => {
    hung.release();
    await running?.close({ graceMs: 0 });
    running = undefined;
  });

  it("answers a request in flight while refusing new connections, then resolves", async () => {
    running = await start();
    const base = `http://127.0.0.1:${running.port}`;
    const agent = new Agent({ keepAlive: true });
    const answer = get(`${base}/slow`, agent);
    await slow.entered;

    let closed = false;
    const closing = running.close().then(() => (closed = true));
    expect(await tryConnect(running.port)).toBe("ECONNREFUSED");
    expect(closed).toBe(false);

    slow.release();
    // Answered in full, and told the connection ends (a keep-alive client must not reuse it).
    expect(await answer).toEqual({ status: 200, connection: "close", body: '{"ok":true}' });
    await closing;
    agent.destroy();
  });

  it("closes idle keep-alive sockets at once", async () => {
    running = await start();
    const agent = new Agent({ keepAlive: true });
    expect((await get(`http://127.0.0.1:${running.port}/quick`, agent)).status).toBe(200);
    const idle = Object.values(agent.freeSockets).flat()[0];
    expect(idle).toBeDefined();
    const socketClosed = new Promise<void>((resolve) => idle!.once("close", () => resolve()));

    const started = performance.now();
    // A grace far beyond the test's timeout: resolving proves nothing waited for it.
    await running.close({ graceMs: 60_000 });
    expect(performance.now() - started).toBeLessThan(1_000);
    await socketClosed;
    agent.destroy();
  });

  it("cuts a request that outlives the grace period and still resolves", async () => {
    running = await start();
    const answer = get(`http://127.0.0.1:${running.port}/hung`);
    await hung.entered;

    const started = performance.now();
    await running.close({ graceMs: 300 });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(2_000);
    await expect(answer).rejects.toMatchObject({ code: "ECONNRESET" });
  });
});
