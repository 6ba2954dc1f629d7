import { type ChildProcess, fork } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import type { ChildMessage, ParentMessage } from "./child.js";

const here = dirname(fileURLToPath(import.meta.url));

export interface Usage {
  /** User + system CPU time of the process so far. */
  cpuMicros: number;
  userMicros: number;
  maxRssBytes: number;
  rssBytes: number;
}

export interface Memory {
  heapUsedBytes: number;
  rssBytes: number;
  /** False when the process was not started with --expose-gc. */
  gcRan: boolean;
}

/** A server running in its own Node process (so its CPU time is its own), driven over IPC. */
export class ServerProcess {
  private nextId = 0;
  private readonly waiting = new Map<number, (usage: Usage) => void>();
  private readonly waitingMemory = new Map<number, (memory: Memory) => void>();

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    readonly info: Record<string, unknown>,
  ) {
    child.on("message", (message: ChildMessage) => {
      if (message.type === "usage") {
        this.waiting.get(message.id)?.(message);
        this.waiting.delete(message.id);
      } else if (message.type === "memory") {
        this.waitingMemory.get(message.id)?.(message);
        this.waitingMemory.delete(message.id);
      }
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  /**
   * Starts `bench/gateway/<script>` under tsx in one process (no tsx wrapper process in between,
   * so the pid is the server's) and waits for it to report ready.
   */
  static async start(
    name: string,
    script: string,
    env: Record<string, string | undefined>,
    execArgv: string[] = [],
    timeoutMs = 120_000,
  ): Promise<ServerProcess> {
    const child = fork(join(here, script), [], {
      execArgv: ["--import", "tsx", ...execArgv],
      env: { ...process.env, ...env },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const info = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} did not start within ${timeoutMs} ms`)), timeoutMs);
      child.on("message", (message: ChildMessage) => {
        if (message.type === "ready") {
          clearTimeout(timer);
          resolve(message.info);
        } else if (message.type === "failed") {
          clearTimeout(timer);
          reject(new Error(`${name} failed to start: ${message.message}`));
        }
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited with ${code} before it was ready`));
      });
    });
    if (process.env.BENCH_VERBOSE) process.stderr.write(`  ${name}: pid ${child.pid}\n`);
    return new ServerProcess(name, child, info);
  }

  usage(): Promise<Usage> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.name} did not report its usage`)), 10_000);
      this.waiting.set(id, (usage) => {
        clearTimeout(timer);
        resolve(usage);
      });
      this.child.send({ type: "usage", id } satisfies ParentMessage);
    });
  }

  /** Heap and RSS, after a full GC in the process when `gc` (it must run with --expose-gc). */
  memory(gc: boolean, timeoutMs = 30_000): Promise<Memory> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waitingMemory.delete(id);
        reject(new Error(`${this.name} did not report its memory`));
      }, timeoutMs);
      this.waitingMemory.set(id, (memory) => {
        clearTimeout(timer);
        resolve(memory);
      });
      this.child.send({ type: "memory", id, gc } satisfies ParentMessage);
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    this.child.send({ type: "stop" } satisfies ParentMessage);
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
