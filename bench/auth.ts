/**
 * `npm run bench:auth`: register and login latency through the gateway (argon2id at 19 MiB, 2
 * iterations), sequential requests, on the embedded defaults or on real services when
 * DATABASE_URL / REDIS_URL are set. Prints p50/p99.
 */
import "reflect-metadata";

import { pino } from "pino";

import { startGateway } from "../gateway/gateway.js";
import { loadConfig } from "../platform/config/index.js";
import { startAllSubgraphs } from "../platform/runtime/index.js";
import { ms, summarize } from "./stats.js";

const N = Number(process.env.BENCH_N ?? 200);
const config = {
  ...loadConfig({ ...process.env, LOG_LEVEL: "silent", REGISTRATIONS_PER_IP_PER_HOUR: "1000000" }, { memory: !process.env.DATABASE_URL }),
  gatewayPort: 0,
};
// One client sends everything: per-IP limits would measure the throttle instead of the login.
process.env.REGISTRATIONS_PER_IP_PER_HOUR = "1000000";
process.env.LOGIN_MAX_FAILURES_PER_IP = "100000";
const logger = pino({ level: "silent" });
const all = await startAllSubgraphs(config, { logger, randomPorts: true });
const gateway = await startGateway({
  host: "127.0.0.1",
  port: 0,
  logger,
  internalPrivateKey: all.platform.internalKeys.privateKey!,
  subgraphUrls: all.urls,
});

async function post(query: string, variables: Record<string, unknown>): Promise<number> {
  const started = performance.now();
  const response = await fetch(gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return performance.now() - started;
}

const password = "plum-tractor-velvet-93";
const emails = Array.from({ length: N }, (_, i) => `bench.${Date.now()}.${i}@example.com`);
const register: number[] = [];
const login: number[] = [];
const unknown: number[] = [];
const wrongPassword: number[] = [];
async function timeFailure(email: string, pw: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `mutation($i: LoginInput!) { login(input: $i) { __typename } }`,
      variables: { i: { email, password: pw } },
    }),
  });
  await response.json();
  return performance.now() - started;
}
for (const email of emails)
  register.push(
    await post(`mutation($i: RegisterInput!) { register(input: $i) { accessToken } }`, { i: { email, password, displayName: "Bench" } }),
  );
for (const email of emails)
  login.push(await post(`mutation($i: LoginInput!) { login(input: $i) { __typename } }`, { i: { email, password } }));
// Failures alternate so both paths see the same machine state; each account fails once (no lockout).
for (const email of emails) {
  unknown.push(await timeFailure(`x${email}`, password));
  wrongPassword.push(await timeFailure(email, `${password}-wrong`));
}

const db = config.databaseUrl ? "PostgreSQL" : "PGlite";
const cache = config.redisUrl ? "Redis" : "memory";
console.log(`auth latency through the gateway (${db}, ${cache} cache, sequential, n=${N})`);
for (const [name, samples] of [
  ["register", register],
  ["login", login],
  ["login, wrong password", wrongPassword],
  ["login, unknown e-mail", unknown],
] as const) {
  const s = summarize(samples);
  console.log(`  ${name.padEnd(22)} p50 ${ms(s.p50).padStart(9)}   p99 ${ms(s.p99).padStart(9)}   (n=${s.n})`);
}
await gateway.close();
await all.close();
