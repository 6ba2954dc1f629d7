/**
 * The processes the kill -9 suite owns and kills: a PostgreSQL cluster from `initdb`, a Kafka broker
 * from scripts/kafka.sh, and `npm run serve -- <name>` processes, each on free ports of its own so
 * nothing shared on the machine is disturbed.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { appendFileSync, chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

import { eventually } from "../../platform/testing/eventually.js";

const run = promisify(execFile);
export const repo = join(dirname(fileURLToPath(import.meta.url)), "../..");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** The newest PostgreSQL server binaries on the machine (Debian layout), else whatever is on PATH. */
function postgresBin(tool: string): string {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return tool;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", tool)))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(root, versions[0]!, "bin", tool) : tool;
}

/**
 * A PostgreSQL cluster of the suite's own, in a temp dir on a free port. initdb refuses to run as
 * root, so under root the cluster belongs to the `postgres` system user.
 */
export class OwnPostgres {
  readonly dir = mkdtempSync(join(tmpdir(), "moneta-faults-pg-"));
  private readonly data = join(this.dir, "data");
  private constructor(readonly port: number) {}

  static async start(): Promise<OwnPostgres> {
    const pg = new OwnPostgres(await freePort());
    if (process.getuid?.() === 0) {
      chmodSync(pg.dir, 0o755);
      chownSync(pg.dir, Number((await run("id", ["-u", "postgres"])).stdout), Number((await run("id", ["-g", "postgres"])).stdout));
    }
    await pg.as(postgresBin("initdb"), ["-D", pg.data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"]);
    await pg.start();
    await pg.as(postgresBin("createdb"), ["-h", "127.0.0.1", "-p", String(pg.port), "-U", "postgres", "moneta"]);
    return pg;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/moneta`;
  }

  private as(bin: string, args: string[]) {
    const asRoot = process.getuid?.() === 0;
    return run(asRoot ? "runuser" : bin, asRoot ? ["-u", "postgres", "--", bin, ...args] : args, { timeout: 60_000 });
  }

  /** Waits until it accepts connections (-w). fsync off: an immediate stop is not a power cut. */
  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off`;
    await this.as(postgresBin("pg_ctl"), ["-D", this.data, "-l", join(this.dir, "postgres.log"), "-o", options, "-w", "-t", "60", "start"]);
  }

  /** Like a crash: no checkpoint, every connection cut; the next start replays the WAL. */
  async stopImmediately(): Promise<void> {
    await this.as(postgresBin("pg_ctl"), ["-D", this.data, "-m", "immediate", "-w", "stop"]);
  }

  async destroy(): Promise<void> {
    await this.stopImmediately().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A single-node Kafka broker of the suite's own (scripts/kafka.sh with its own ports and dir). */
export class OwnKafka {
  readonly dir = mkdtempSync(join(tmpdir(), "moneta-faults-kafka-"));
  private constructor(
    readonly port: number,
    private readonly controllerPort: number,
  ) {}

  static async start(): Promise<OwnKafka> {
    const kafka = new OwnKafka(await freePort(), await freePort());
    await kafka.start();
    return kafka;
  }

  get brokers(): string {
    return `127.0.0.1:${this.port}`;
  }

  private script(command: string) {
    return run("bash", [join(repo, "scripts/kafka.sh"), command], {
      cwd: repo,
      timeout: 120_000,
      env: {
        ...process.env,
        KAFKA_PORT: String(this.port),
        KAFKA_CONTROLLER_PORT: String(this.controllerPort),
        KAFKA_HOME_DIR: this.dir,
        KAFKA_STOP_TIMEOUT: "5",
      },
    });
  }

  /** Returns when the broker answers the Kafka protocol. */
  async start(): Promise<void> {
    await this.script("start");
  }

  private pid(): number | undefined {
    const file = join(this.dir, "kafka.pid");
    return existsSync(file) ? Number(readFileSync(file, "utf8").trim()) || undefined : undefined;
  }

  async kill9(): Promise<void> {
    const pid = this.pid();
    if (!pid) throw new Error("the suite's Kafka broker is not running");
    process.kill(pid, "SIGKILL");
    await eventually(() => expectDead(pid), { timeoutMs: 10_000, intervalMs: 20 });
  }

  async destroy(): Promise<void> {
    const pid = this.pid();
    if (pid) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function expectDead(pid: number): void {
  try {
    process.kill(pid, 0);
  } catch {
    return;
  }
  throw new Error(`pid ${pid} still alive`);
}

/**
 * One `npm run serve -- <name>` process (node + tsx, as the script runs it), in a process group of
 * its own so a kill reaches everything it started. `restart` starts it again on the same port.
 */
export class ServeProcess {
  private child!: ChildProcess;
  output = "";
  starts = 0;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/graphql`;
  }

  /** Spawns it and resolves once it logged "ready" (consumers joined, listener open). */
  async start(timeoutMs = 90_000): Promise<void> {
    this.output = "";
    this.starts++;
    this.child = spawn(process.execPath, ["--import", "tsx", join(repo, "scripts/serve.ts"), this.name], {
      cwd: repo,
      detached: true,
      env: { PATH: process.env.PATH, LOG_LEVEL: process.env.FAULTS_LOG_LEVEL ?? "info", PORT: String(this.port), ...this.env },
    });
    const child = this.child;
    // FAULTS_LOG_DIR: every start's whole output, appended, for looking into a failed run.
    const file = process.env.FAULTS_LOG_DIR ? join(process.env.FAULTS_LOG_DIR, `${this.name}.log`) : undefined;
    const take = (d: Buffer) => {
      this.output = (this.output + d).slice(-20_000);
      if (file) appendFileSync(file, d);
    };
    child.stdout!.on("data", take);
    child.stderr!.on("data", take);
    await eventually(
      () => {
        if (child.exitCode !== null) throw new Error(`${this.name} exited (${child.exitCode}): ${this.output.slice(-3000)}`);
        if (!/"msg":"(subgraph|gateway) ready"/.test(this.output)) throw new Error(`${this.name} not ready: ${this.output.slice(-3000)}`);
      },
      { timeoutMs, intervalMs: 100 },
    );
  }

  /** SIGKILL to its whole process group; resolves when it is gone. */
  async kill9(): Promise<void> {
    const child = this.child;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid!, "SIGKILL");
    await gone;
  }

  async destroy(): Promise<void> {
    if (this.child) await this.kill9().catch(() => undefined);
  }
}
