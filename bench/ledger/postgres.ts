/** PostgreSQL helpers for `npm run bench:ledger`: throwaway databases and pgbench, over TCP on loopback. */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);
export const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432";
const admin = new URL(ADMIN_URL);
const conn = ["-h", admin.hostname, "-p", admin.port || "5432", "-U", decodeURIComponent(admin.username || "postgres")];

export const databaseUrl = (name: string) => Object.assign(new URL(ADMIN_URL), { pathname: `/${name}` }).href;
export const createDatabase = async (name: string) => void (await run("createdb", [...conn, name], { timeout: 30_000 }));
/** --force ends leftover sessions (PostgreSQL 13+); never throws, it runs in finally blocks. */
export const dropDatabase = async (name: string) =>
  run("dropdb", [...conn, "--if-exists", "--force", name], { timeout: 30_000 }).then(
    () => undefined,
    (error: Error) => process.stderr.write(`  could not drop ${name}: ${error.message}\n`),
  );

export async function pgbenchInit(name: string): Promise<void> {
  await run("pgbench", [...conn, "-i", "-s", "1", "-q", name], { timeout: 120_000 });
}

export interface PgbenchResult {
  tps: number;
  latencyMs: number;
  failed: number;
}

/** Built-in tpcb-like, `clients` connections, at most 2 threads (2 cores), for `seconds`. */
export async function pgbench(name: string, clients: number, seconds: number): Promise<PgbenchResult> {
  const args = [...conn, "-b", "tpcb-like", "-c", String(clients), "-j", String(Math.min(clients, 2)), "-T", String(seconds), name];
  const { stdout } = await run("pgbench", args, { timeout: (seconds + 60) * 1000 });
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1];
  if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}`);
  return {
    tps: Number(tps),
    latencyMs: Number(/latency average = ([\d.]+) ms/.exec(stdout)?.[1] ?? NaN),
    failed: Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0),
  };
}
