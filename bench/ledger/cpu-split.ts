/**
 * Where a write's CPU goes, for `npm run bench:ledger`: CPU time of each process taking part in a
 * run (our servers over IPC, PostgreSQL's processes and pgbench from /proc, this client), divided
 * by the writes it completed. N cores give N × 1,000 ms of CPU a second; a write that costs X ms
 * of CPU across all of them cannot run more than N × 1,000 / X times a second here, however it is tuned.
 * PostgreSQL's share is the sum over every process named postgres on this machine (its backends,
 * WAL writer, checkpointer, and the backends that ended): Linux only, and only when the server runs here.
 */
import { readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";

import type { ServerProcess } from "../gateway/process.js";

/** Linux's USER_HZ: /proc reports CPU time in these ticks (100 a second on every usual kernel). */
const TICKS_PER_SECOND = 100;

/** Fields 14–17 of /proc/<pid>/stat (utime, stime, cutime, cstime), after the command in parentheses. */
function statTicks(pid: string): { own: number; children: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // fields[0] is field 3 (state): utime is field 14, so index 11.
    return { own: Number(fields[11]) + Number(fields[12]), children: Number(fields[13]) + Number(fields[14]) };
  } catch {
    return undefined; // the process ended, or this is not Linux
  }
}

/** CPU ms of all of PostgreSQL's processes so far, or undefined when none runs on this machine. */
function postgresCpuMs(): number | undefined {
  let ticks = 0;
  let found = false;
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  for (const pid of pids) {
    let comm: string;
    try {
      comm = readFileSync(`/proc/${pid}/comm`, "utf8").trim();
    } catch {
      continue;
    }
    if (!comm.startsWith("postgres")) continue;
    const stat = statTicks(pid);
    if (!stat) continue;
    found = true;
    // Children: backends that ended during the run (pgbench's connections) are counted by the
    // postmaster, which waited for them; only it has children, so nothing is counted twice.
    ticks += stat.own + stat.children;
  }
  return found ? (ticks * 1000) / TICKS_PER_SECOND : undefined;
}

/** CPU ms of this process's finished children (pgbench runs as one), or undefined off Linux. */
function finishedChildrenCpuMs(): number | undefined {
  const stat = statTicks("self");
  return stat ? (stat.children * 1000) / TICKS_PER_SECOND : undefined;
}

/** CPU ms per process over one run; `undefined` where it could not be read. */
export type CpuSplit = Record<string, number | undefined>;

/**
 * Runs `run` and answers the CPU ms each of `servers` (by label), PostgreSQL, pgbench (children of
 * this process that finished during the run) and this client spent during it.
 */
export async function withCpuSplit<T>(
  servers: Record<string, ServerProcess>,
  run: () => Promise<T>,
): Promise<{ result: T; cpu: CpuSplit }> {
  const usages = () => Promise.all(Object.values(servers).map((s) => s.usage()));
  const before = { servers: await usages(), postgres: postgresCpuMs(), children: finishedChildrenCpuMs(), client: process.cpuUsage() };
  const result = await run();
  // A client that disconnected at the end (pgbench) leaves a backend that still has to exit and be
  // reaped by the postmaster before its CPU shows up there.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const after = {
    servers: await usages(),
    postgres: postgresCpuMs(),
    children: finishedChildrenCpuMs(),
    client: process.cpuUsage(before.client),
  };
  const cpu: CpuSplit = {};
  Object.keys(servers).forEach((label, i) => (cpu[label] = (after.servers[i]!.cpuMicros - before.servers[i]!.cpuMicros) / 1000));
  cpu.PostgreSQL = before.postgres === undefined || after.postgres === undefined ? undefined : after.postgres - before.postgres;
  cpu.pgbench = before.children === undefined || after.children === undefined ? undefined : after.children - before.children;
  cpu.client = (after.client.user + after.client.system) / 1000;
  return { result, cpu };
}

/** One table row: CPU ms per write for each column, their total, and the writes a second this machine's cores could carry. */
export function perWriteRow(label: string, writes: number, perSecond: number, cpu: CpuSplit, columns: readonly string[]): string[] {
  const perWrite = (ms: number | undefined) => (ms === undefined || writes === 0 ? undefined : ms / writes);
  const cells = columns.map((c) => perWrite(cpu[c]));
  const total = cells.reduce<number>((sum, c) => sum + (c ?? 0), 0);
  return [
    label,
    perSecond.toFixed(0),
    ...cells.map((c) => (c === undefined ? "n/a" : c.toFixed(3))),
    total.toFixed(3),
    total > 0 ? ((availableParallelism() * 1000) / total).toFixed(0) : "n/a",
  ];
}

/**
 * Waits until `servers` and PostgreSQL together burn less than `busyMs` of CPU in a `windowMs`
 * window (at most `timeoutMs`), and answers how long that took. The import's 50,000 events keep the
 * consumers (budgets, insights, tax, ...) busy for a while after the import COMPLETED: writes measured
 * then share the cores with that backlog.
 */
export async function settled(servers: ServerProcess[], windowMs = 1_000, busyMs = 150, timeoutMs = 180_000): Promise<number> {
  const started = performance.now();
  const cpuNow = async () =>
    (await Promise.all(servers.map((s) => s.usage()))).reduce((ms, u) => ms + u.cpuMicros / 1000, postgresCpuMs() ?? 0);
  let before = await cpuNow();
  while (performance.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const now = await cpuNow();
    if (now - before < busyMs) return performance.now() - started;
    before = now;
  }
  throw new Error(`still busy ${timeoutMs / 1000} s after the import`);
}
