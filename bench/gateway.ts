/**
 * `npm run bench:gateway`: one cross-subgraph operation (20 transactions from ledger, each with its
 * owner's display name from identity) served by
 *   (a) the ledger subgraph alone (its part of the operation: owner { id }, no identity hop),
 *   (b) stock @apollo/gateway on Apollo Server, defaults,
 *   (c) Hive Gateway, in-flight deduplication of subgraph requests off, then on,
 *   (d) our gateway (auth, authz, limits, rate limits, metrics included), deduplication of
 *       identical in-flight subgraph reads off, then on,
 *   (e) the floor: node:http, the same two subgraph calls over our keep-alive client and the JSON
 *       in and out, no GraphQL at all (floor.server.ts): the least any gateway spends per request,
 * each gateway in its own process so its CPU time is its own. Closed loop at 32 connections in
 * alternating rounds, then alternating rounds at a fixed arrival rate. Prints req/s, p50/p99,
 * errors, gateway CPU ms per request and peak RSS. Everything listens on 127.0.0.1.
 *
 * Settings:
 *   BENCH_DURATION       s per closed-loop run (default 4, at most 45: a forwarded caller token lives 60 s)
 *   BENCH_ROUNDS         closed-loop rounds (default 3)
 *   BENCH_WARMUP         s of warm-up per target (default 2)
 *   BENCH_RATE           req/s of the fixed-rate runs (default: half the slowest gateway's closed-loop rate)
 *   BENCH_RATE_DURATION  s per fixed-rate run (default 4, at most 45)
 *   BENCH_RATE_ROUNDS    fixed-rate rounds (default 2)
 *   BENCH_CONNECTIONS    default 32
 *   BENCH_TARGETS        comma list of direct,apollo,hive,hive-dedupe,ours-nodedupe,ours,floor (default all)
 *   DATABASE_URL         real PostgreSQL for the subgraphs instead of in-memory PGlite
 *   BENCH_CPU_PROF       comma list of targets run under --cpu-prof (profiles in BENCH_CPU_PROF_DIR,
 *                        default .moneta/bench-profiles/)
 *   BENCH_VERBOSE=1      every run on stderr, with user CPU
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import autocannon, { type Result } from "autocannon";

import { readSupergraphSdl } from "../gateway/supergraph.js";
import { INTERNAL_TOKEN_HEADER } from "../platform/auth/internal-token.js";
import { supergraphWithUrls } from "./gateway/child.js";
import { DIRECT_OPERATION, OPERATION } from "./gateway/operations.js";
import { ServerProcess, type Usage } from "./gateway/process.js";
import { serverEnv } from "./support/stack.js";

const num = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
// The caller token the non-authenticating targets forward lives 60 s; a run must fit inside it.
const DURATION = Math.min(num("BENCH_DURATION", 4), 45);
const ROUNDS = num("BENCH_ROUNDS", 3);
const WARMUP = num("BENCH_WARMUP", 2);
const RATE_DURATION = Math.min(num("BENCH_RATE_DURATION", 4), 45);
const RATE_ROUNDS = num("BENCH_RATE_ROUNDS", 2);
const CONNECTIONS = num("BENCH_CONNECTIONS", 32);

interface Target {
  key: string;
  label: string;
  server: ServerProcess;
  url: string;
  /** Headers for a run; called right before each run so signed tokens are fresh. */
  headers(): Promise<Record<string, string>>;
  body: string;
  expected?: string;
}

interface Tally {
  requests: number;
  seconds: number;
  errors: number;
  cpuMicros: number;
  subgraphCpuMicros: number;
  p50: number[];
  p99: number[];
}

const emptyTally = (): Tally => ({ requests: 0, seconds: 0, errors: 0, cpuMicros: 0, subgraphCpuMicros: 0, p50: [], p99: [] });
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const started = performance.now();
const work = mkdtempSync(join(tmpdir(), "moneta-bench-"));
// This run's keys and the secrets production mode requires (file links, bank credentials, ...), as every gateway benchmark.
const { env: baseEnv, signer } = await serverEnv({
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  // One client registers from 127.0.0.1; the throttle is not what is measured.
  REGISTRATIONS_PER_IP_PER_HOUR: "1000000",
  // Our gateway still counts every request against the limit (that work is measured), but the
  // one benchmark user must never meet it.
  RATE_LIMIT_USER_PER_MINUTE: "1000000000000",
});

const servers: ServerProcess[] = [];
const stopAll = async () => {
  await Promise.allSettled(servers.map((s) => s.stop()));
  rmSync(work, { recursive: true, force: true });
};
process.once("SIGINT", () => void stopAll().finally(() => process.exit(130)));

try {
  const subgraphs = await ServerProcess.start("subgraphs", "subgraphs.server.ts", baseEnv);
  servers.push(subgraphs);
  const urls = subgraphs.info.urls as Record<string, string>;
  const supergraphFile = join(work, "supergraph.graphql");
  writeFileSync(supergraphFile, supergraphWithUrls(readSupergraphSdl(), urls));
  const env = { ...baseEnv, BENCH_SUPERGRAPH: supergraphFile, BENCH_SUBGRAPH_URLS: JSON.stringify(urls) };

  const wanted = new Set((process.env.BENCH_TARGETS ?? "direct,apollo,hive,hive-dedupe,ours-nodedupe,ours,floor").split(","));
  const specs = [
    { key: "apollo", label: "(b) @apollo/gateway, defaults", script: "apollo.server.ts", env: {} },
    { key: "hive", label: "(c) Hive Gateway, dedupe off", script: "hive.server.ts", env: { BENCH_HIVE_DEDUPE: "off" } },
    { key: "hive-dedupe", label: "(c) Hive Gateway, dedupe on", script: "hive.server.ts", env: { BENCH_HIVE_DEDUPE: "on" } },
    { key: "ours-nodedupe", label: "(d) our gateway, dedupe off", script: "ours.server.ts", env: { BENCH_DEDUPE: "off" } },
    { key: "ours", label: "(d) our gateway, dedupe on", script: "ours.server.ts", env: {} },
    { key: "floor", label: "(e) floor: node:http + the same two subgraph calls + JSON, no GraphQL", script: "floor.server.ts", env: {} },
  ];
  // BENCH_CPU_PROF=ours,apollo: those gateways write a V8 CPU profile when the benchmark ends.
  const profiled = new Set((process.env.BENCH_CPU_PROF ?? "").split(",").filter(Boolean));
  // Started one after another: startup is not what is measured, and two cores are few.
  const gateways = new Map<string, ServerProcess>();
  for (const spec of specs) {
    // Ours always runs: the benchmark user is seeded through it.
    if (!wanted.has(spec.key) && spec.key !== "ours") continue;
    const profile = profiled.has(spec.key)
      ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR ?? ".moneta/bench-profiles"}`]
      : [];
    const server = await ServerProcess.start(spec.label, spec.script, { ...env, ...spec.env }, profile);
    servers.push(server);
    gateways.set(spec.key, server);
  }
  const ours = gateways.get("ours")!;
  const oursUrl = ours.info.url as string;

  // Seed through our gateway: one user, one EUR account, 20 transactions on it.
  const post = async (url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown };
    if (body.errors) throw new Error(`${query.slice(0, 40)}…: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const email = `bench.${Date.now()}@example.com`;
  const registered = await post(oursUrl, `mutation($i: RegisterInput!) { register(input: $i) { accessToken user { id } } }`, {
    i: { email, password: "plum-tractor-velvet-93", displayName: "Bench User" },
  });
  const userId = registered.register.user.id as string;
  let accessToken = registered.register.accessToken as string;
  let accessTokenAt = Date.now();
  const opened = await post(
    oursUrl,
    `mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }`,
    {
      i: { name: "Bench checking", type: "CHECKING", openingBalance: { amount: "0", currency: "EUR" }, openingDate: "2000-01-01" },
    },
    { authorization: `Bearer ${accessToken}` },
  );
  const accountId = opened.createAccount.id as string;
  for (let i = 0; i < 20; i++) {
    await post(
      oursUrl,
      `mutation($i: PostTransactionInput!) { postTransaction(input: $i) { id } }`,
      {
        i: {
          accountId,
          amount: { amount: `-${i + 1}.25`, currency: "EUR" },
          payee: `Item ${i}`,
          date: `2026-11-${String(i + 1).padStart(2, "0")}`,
        },
      },
      { authorization: `Bearer ${accessToken}` },
    );
  }
  const bearer = async () => {
    // Access tokens live 15 minutes; long benchmarks log in again.
    if (Date.now() - accessTokenAt > 10 * 60_000) {
      const data = await post(oursUrl, `mutation($i: LoginInput!) { login(input: $i) { ... on AuthPayload { accessToken } } }`, {
        i: { email, password: "plum-tractor-velvet-93" },
      });
      accessToken = data.login.accessToken;
      accessTokenAt = Date.now();
    }
    return { authorization: `Bearer ${accessToken}`, "content-type": "application/json" };
  };
  const internal = async () => ({
    [INTERNAL_TOKEN_HEADER]: await signer.sign({ userId, scopes: ["*"] }, "bench"),
    "content-type": "application/json",
  });

  const targets: Target[] = [];
  if (wanted.has("direct")) {
    targets.push({
      key: "direct",
      label: "(a) ledger subgraph alone",
      server: subgraphs,
      url: urls.ledger!,
      headers: internal,
      body: JSON.stringify({ query: DIRECT_OPERATION }),
    });
  }
  for (const spec of specs) {
    const server = gateways.get(spec.key);
    if (!server || !wanted.has(spec.key)) continue;
    targets.push({
      key: spec.key,
      label: spec.label,
      server,
      url: server.info.url as string,
      headers: spec.key.startsWith("ours") ? bearer : internal,
      body: JSON.stringify({ query: OPERATION }),
    });
  }

  // Every target must answer the operation correctly before it is timed; its exact body is then
  // what every timed response is checked against (a mismatch counts as an error).
  for (const target of targets) {
    const response = await fetch(target.url, { method: "POST", headers: await target.headers(), body: target.body });
    const text = await response.text();
    const list = (JSON.parse(text) as { data?: { transactions?: { nodes?: Array<{ owner: Record<string, string> }> } } }).data?.transactions
      ?.nodes;
    const ownerOk =
      target.key === "direct" ? list?.every((t) => t.owner.id === userId) : list?.every((t) => t.owner.displayName === "Bench User");
    if (response.status !== 200 || list?.length !== 20 || !ownerOk)
      throw new Error(`${target.label} answered ${response.status}: ${text.slice(0, 300)}`);
    target.expected = text;
  }
  // The floor only measures something if it does a gateway's job: its answer must be the gateways'
  // own JSON, keys in the same order (re-stringified: Apollo Server ends its body with a newline).
  const floor = targets.find((t) => t.key === "floor");
  const canonical = (text = "") => JSON.stringify(JSON.parse(text));
  for (const target of targets) {
    if (floor && target.key !== "direct" && canonical(target.expected) !== canonical(floor.expected))
      throw new Error(`the floor answered differently from ${target.label}:\n${floor.expected}\n${target.expected}`);
  }

  const run = async (
    target: Target,
    seconds: number,
    overallRate?: number,
  ): Promise<{ label: string; result: Result; usage: Usage; subgraphUsage: Usage; before: Usage; subgraphBefore: Usage }> => {
    const headers = await target.headers();
    const [before, subgraphBefore] = await Promise.all([target.server.usage(), subgraphs.usage()]);
    const result = await autocannon({
      url: target.url,
      method: "POST",
      connections: CONNECTIONS,
      duration: seconds,
      headers,
      body: target.body,
      expectBody: target.expected,
      overallRate,
      timeout: 10,
    });
    const [usage, subgraphUsage] = await Promise.all([target.server.usage(), subgraphs.usage()]);
    return { label: target.label, result, usage, subgraphUsage, before, subgraphBefore };
  };
  const record = (tally: Tally, r: Awaited<ReturnType<typeof run>>) => {
    const { result } = r;
    tally.requests += result.requests.total;
    tally.seconds += result.duration;
    tally.errors += result.errors + result.timeouts + result.non2xx + result.mismatches;
    tally.cpuMicros += r.usage.cpuMicros - r.before.cpuMicros;
    tally.subgraphCpuMicros += r.subgraphUsage.cpuMicros - r.subgraphBefore.cpuMicros;
    if (process.env.BENCH_VERBOSE) {
      const cpu = r.usage.cpuMicros - r.before.cpuMicros;
      const user = r.usage.userMicros - r.before.userMicros;
      process.stderr.write(
        `  ${r.label.padEnd(30)} ${(result.requests.total / result.duration).toFixed(0).padStart(5)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  CPU ${(cpu / 1000 / result.requests.total).toFixed(3)} ms/req (user ${(user / 1000 / result.requests.total).toFixed(3)})  errors ${result.errors + result.timeouts + result.non2xx + result.mismatches}\n`,
      );
    }
    tally.p50.push(result.latency.p50);
    tally.p99.push(result.latency.p99);
  };

  const database = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite in memory";
  console.log(
    `gateway benchmark: ${CONNECTIONS} connections, ${ROUNDS} rounds × ${DURATION} s per target, alternating; subgraphs on ${database}`,
  );
  console.log(`operation: ${OPERATION}`);
  for (const target of targets) await run(target, WARMUP);
  if (process.env.BENCH_VERBOSE) process.stderr.write("  (warm-up done)\n");

  const closed = new Map(targets.map((t) => [t.key, emptyTally()]));
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate the order each round so no target always runs right after the same neighbour.
    const order = targets.map((_, i) => targets[(i + round) % targets.length]!);
    for (const target of order) record(closed.get(target.key)!, await run(target, DURATION));
    process.stderr.write(`  round ${round + 1}/${ROUNDS} done\n`);
  }

  const gatewayRates = targets
    .filter((t) => t.key !== "direct")
    .map((t) => closed.get(t.key)!)
    .map((t) => t.requests / t.seconds);
  const rate = process.env.BENCH_RATE ? num("BENCH_RATE", 0) : Math.max(50, Math.floor((Math.min(...gatewayRates) * 0.5) / 50) * 50);
  const fixed = new Map(targets.map((t) => [t.key, emptyTally()]));
  for (let round = 0; round < RATE_ROUNDS; round++) {
    const order = targets.map((_, i) => targets[(i + round + 1) % targets.length]!);
    for (const target of order) record(fixed.get(target.key)!, await run(target, RATE_DURATION, rate));
  }

  const peaks = new Map<string, number>();
  for (const target of targets) peaks.set(target.key, (await target.server.usage()).maxRssBytes);

  const print = (title: string, tallies: Map<string, Tally>) => {
    console.log(`\n${title}`);
    const header = ["target", "req/s", "p50 ms", "p99 ms", "errors", "CPU ms/req", "subgraphs CPU ms/req", "peak RSS MiB"];
    const rows = targets.map((target) => {
      const t = tallies.get(target.key)!;
      const cpu = target.key === "direct" ? "(in subgraphs)" : (t.cpuMicros / 1000 / t.requests).toFixed(3);
      return [
        target.label,
        (t.requests / t.seconds).toFixed(0),
        median(t.p50).toFixed(1),
        median(t.p99).toFixed(1),
        String(t.errors),
        cpu,
        (t.subgraphCpuMicros / 1000 / t.requests).toFixed(3),
        target.key === "direct" ? "-" : (peaks.get(target.key)! / 2 ** 20).toFixed(0),
      ];
    });
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
    console.log(line(header));
    console.log(`|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`);
    for (const row of rows) console.log(line(row));
  };
  print(`closed loop, ${CONNECTIONS} connections (p50/p99: median over ${ROUNDS} runs; CPU: total over all runs / requests)`, closed);
  print(
    `fixed arrival rate ${rate} req/s, ${CONNECTIONS} connections, ${RATE_ROUNDS} rounds × ${RATE_DURATION} s (latency corrected for coordinated omission)`,
    fixed,
  );
  console.log(`\nCPU ms/req: the gateway process's user+system CPU per request (for (a), the subgraphs process).`);
  console.log(
    `Gateway, subgraphs and this client share the machine's ${(await import("node:os")).availableParallelism()} cores; numbers compare targets within one run.`,
  );
  console.log(`total time ${((performance.now() - started) / 1000).toFixed(0)} s`);
} finally {
  await stopAll();
}
