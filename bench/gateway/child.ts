import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Child side of a benchmark server process: reports readiness and, on request, its own CPU time
 * and peak RSS over IPC, so the parent can attribute CPU to this one server.
 */
export interface ServedChild {
  /** Sent to the parent with the ready message. */
  info: Record<string, unknown>;
  close(): Promise<void>;
}

export type ParentMessage = { type: "usage"; id: number } | { type: "memory"; id: number; gc: boolean } | { type: "stop" };
export type ChildMessage =
  | { type: "ready"; info: Record<string, unknown> }
  | { type: "usage"; id: number; cpuMicros: number; userMicros: number; maxRssBytes: number; rssBytes: number }
  | { type: "memory"; id: number; heapUsedBytes: number; rssBytes: number; gcRan: boolean }
  | { type: "failed"; message: string };

/**
 * `server` listening on a free loopback port, as a child's ServedChild: its GraphQL URL, and a close
 * that drops kept-alive connections (else close waits for them) before `after` (pools, clients).
 */
export async function servedOnLoopback(server: Server, after: () => Promise<unknown> | void): Promise<ServedChild> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    info: { url: `http://127.0.0.1:${port}/graphql` },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await after();
    },
  };
}

export function serveChild(start: () => Promise<ServedChild>): void {
  const send = (message: ChildMessage) => process.send?.(message);
  start().then(
    (served) => {
      process.on("message", (message: ParentMessage) => {
        if (message.type === "usage") {
          const cpu = process.cpuUsage();
          // resourceUsage().maxRSS is in KiB (getrusage): the high-water mark over the process's life.
          send({
            type: "usage",
            id: message.id,
            cpuMicros: cpu.user + cpu.system,
            userMicros: cpu.user,
            maxRssBytes: process.resourceUsage().maxRSS * 1024,
            rssBytes: process.memoryUsage.rss(),
          });
        } else if (message.type === "memory") {
          void memoryAfterGc(message.gc).then((memory) => send({ type: "memory", id: message.id, ...memory }));
        } else if (message.type === "stop") {
          void served.close().finally(() => process.exit(0));
        }
      });
      // The parent going away (Ctrl-C, crash) must not leave servers behind.
      process.on("disconnect", () => void served.close().finally(() => process.exit(0)));
      send({ type: "ready", info: served.info });
    },
    (error: unknown) => {
      send({ type: "failed", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      process.exit(1);
    },
  );
}

/**
 * Heap and RSS, after a full GC when asked and the process runs with --expose-gc: twice, with a turn
 * of the event loop between, so weak refs and finalizers let go in the second.
 */
async function memoryAfterGc(gc: boolean): Promise<{ heapUsedBytes: number; rssBytes: number; gcRan: boolean }> {
  const gcRan = gc && typeof global.gc === "function";
  if (gcRan) {
    global.gc!();
    await new Promise((resolve) => setTimeout(resolve, 50));
    global.gc!();
  }
  const memory = process.memoryUsage();
  return { heapUsedBytes: memory.heapUsed, rssBytes: memory.rss, gcRan };
}

/** The supergraph with each subgraph's URL replaced by where it listens in this run. */
export function supergraphWithUrls(sdl: string, urls: Record<string, string>): string {
  return sdl.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (whole, name: string) => {
    const url = urls[name];
    return url ? `@join__graph(name: "${name}", url: "${url}")` : whole;
  });
}
