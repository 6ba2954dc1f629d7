/**
 * Parent side of bench/live/gateway.server.ts: the gateway in its own Node process (so its memory
 * is its own), run with --expose-gc, asked over IPC for its live stats and memory.
 */
import { type ChildProcess, fork } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import type { ChildMessage, ParentMessage } from "../gateway/child.js";

const here = dirname(fileURLToPath(import.meta.url));

export interface LiveStatsRequest {
  type: "live-stats";
  id: number;
  /** Run a full GC first (needs --expose-gc). */
  gc: boolean;
}

export interface LiveStatsReply {
  type: "live-stats";
  id: number;
  sockets: number;
  subscriptions: number;
  rssBytes: number;
  heapUsedBytes: number;
  externalBytes: number;
}

export class GatewayProcess {
  private nextId = 0;
  private readonly waiting = new Map<number, (reply: LiveStatsReply) => void>();

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly gcExposed: boolean,
  ) {
    child.on("message", (message: LiveStatsReply | ChildMessage) => {
      if (message.type !== "live-stats") return;
      this.waiting.get(message.id)?.(message);
      this.waiting.delete(message.id);
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  static async start(env: Record<string, string | undefined>, timeoutMs = 120_000): Promise<GatewayProcess> {
    const child = fork(join(here, "gateway.server.ts"), [], {
      // BENCH_LIVE_CPU_PROF=<dir>: the gateway writes a V8 CPU profile there when it stops.
      execArgv: [
        "--import",
        "tsx",
        "--expose-gc",
        ...(process.env.BENCH_LIVE_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_LIVE_CPU_PROF}`] : []),
      ],
      env: { ...process.env, ...env },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    try {
      const info = await new Promise<Record<string, unknown>>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`gateway did not start within ${timeoutMs} ms`)), timeoutMs);
        child.on("message", (message: ChildMessage) => {
          if (message.type === "ready") {
            clearTimeout(timer);
            resolve(message.info);
          } else if (message.type === "failed") {
            clearTimeout(timer);
            reject(new Error(`gateway failed to start: ${message.message}`));
          }
        });
        child.once("exit", (code) => {
          clearTimeout(timer);
          reject(new Error(`gateway exited with ${code} before it was ready`));
        });
      });
      return new GatewayProcess(child, info.url as string, info.gc === true);
    } catch (error) {
      child.kill("SIGKILL");
      throw error;
    }
  }

  stats(gc = false, timeoutMs = 30_000): Promise<LiveStatsReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error("gateway did not report its live stats"));
      }, timeoutMs);
      this.waiting.set(id, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      this.child.send({ type: "live-stats", id, gc } satisfies LiveStatsRequest);
    });
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 15_000);
    try {
      this.child.send({ type: "stop" } satisfies ParentMessage);
    } catch {
      this.child.kill("SIGKILL");
    }
    await exited;
    clearTimeout(timer);
  }
}
