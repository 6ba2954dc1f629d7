/**
 * SIGTERM on real processes (`npm run serve -- <name>` on real PostgreSQL, Redis and Kafka): the
 * request in flight is answered, new connections are refused, graphql-ws clients are told to
 * reconnect elsewhere (1012), the outbox is flushed and the process exits 0 within 10 s.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { request } from "node:http";
import { connect, createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { createClient } from "graphql-ws";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";

import { exportInternalKeys, generateInternalKeys, INTERNAL_TOKEN_HEADER, InternalTokenSigner } from "../platform/auth/internal-token.js";
import { SHUTDOWN_DEADLINE_MS } from "../platform/runtime/boot.js";
import { eventually } from "../platform/testing/eventually.js";
import { realServices, uniqueSuffix } from "../platform/testing/services.js";
import { bearer, postGraphQL, TEST_OPENING_DATE } from "./harness/supergraph.js";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }`;
const CREATE_ACCOUNT = `mutation($input: CreateAccountInput!) { createAccount(input: $input) { id name } }`;
const accountInput = (name: string) => ({
  name,
  type: "CHECKING",
  openingBalance: { amount: "0", currency: "USD" },
  openingDate: TEST_OPENING_DATE,
});

interface Service {
  name: string;
  port: number;
  child: ChildProcess;
  output: string;
  exited: Promise<{ code: number | null; at: number }>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

function serve(name: string, port: number, env: Record<string, string>): Service {
  const child = spawn(process.execPath, ["--import", "tsx", join(repo, "scripts/serve.ts"), name], {
    cwd: repo,
    // info: the "ready" line says the start has finished (consumers joined), not only the HTTP listener.
    // No NODE_ENV=test: it would turn off libraries' own signal handlers (Apollo's), which production keeps.
    env: { PATH: process.env.PATH, LOG_LEVEL: "info", PORT: String(port), ...env },
  });
  const service: Service = {
    name,
    port,
    child,
    output: "",
    exited: new Promise((resolve) => child.once("exit", (code) => resolve({ code, at: performance.now() }))),
  };
  child.stdout!.on("data", (d) => (service.output += d));
  child.stderr!.on("data", (d) => (service.output += d));
  return service;
}

async function ready(service: Service): Promise<void> {
  await eventually(
    () => {
      if (service.child.exitCode !== null) throw new Error(`${service.name} exited: ${service.output}`);
      expect(service.output).toMatch(/"msg":"(subgraph|gateway) ready"/);
    },
    { timeoutMs: 60_000, intervalMs: 100 },
  );
}

/** The error code of a fresh TCP connection ("connected" when accepted). */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => (socket.destroy(), resolve("connected")));
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
  });
}

/**
 * A POST whose body arrives in two halves: in flight from the first byte until `finish()` sends
 * the rest. Resolves with the status and parsed body.
 */
function slowPost(port: number, body: unknown, headers: Record<string, string>) {
  const text = JSON.stringify(body);
  const half = Math.floor(text.length / 2);
  const req = request({
    host: "127.0.0.1",
    port,
    path: "/graphql",
    method: "POST",
    headers: { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers },
  });
  const sent = new Promise<void>((resolve) => req.once("socket", (socket) => socket.once("connect", resolve)));
  const answered = new Promise<{ status: number; body: any }>((resolve, reject) => {
    req.once("response", (res) => {
      let raw = "";
      res.on("data", (chunk) => (raw += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(raw) }));
    });
    req.once("error", reject);
  });
  req.write(text.slice(0, half));
  return { sent, answered, finish: () => req.end(text.slice(half)) };
}

/** SIGTERM with a request in flight: refused connections while it runs, its answer, exit code and time. */
async function terminateDuringRequest(service: Service, inFlight: ReturnType<typeof slowPost>) {
  await inFlight.sent;
  const signalled = performance.now();
  service.child.kill("SIGTERM");
  // Polled, not slept: the listener closes shortly after the signal lands.
  await eventually(async () => expect(await tryConnect(service.port)).toBe("ECONNREFUSED"), { timeoutMs: 5_000, intervalMs: 20 });
  const stillRunning = service.child.exitCode === null;
  inFlight.finish();
  const answer = await inFlight.answered;
  const { code, at } = await service.exited;
  return { stillRunning, answer, code, exitMs: at - signalled };
}

describe("graceful shutdown on SIGTERM", () => {
  const s = realServices();
  const services: Service[] = [];
  let ledger: Service;
  let gateway: Service;
  let signer: InternalTokenSigner;
  let user: { id: string; headers: Record<string, string>; accessToken: string };
  let db: pg.Client;

  beforeAll(async () => {
    const keys = await generateInternalKeys();
    signer = new InternalTokenSigner(keys.privateKey);
    const pem = await exportInternalKeys(keys);
    const env = {
      DATABASE_URL: s.databaseUrl,
      REDIS_URL: s.redisUrl,
      KAFKA_BROKERS: s.kafkaBrokers.join(","),
      KAFKA_TOPIC_PREFIX: `t${s.runId}.`,
      // Its own cache namespace: identity's per-IP registration throttle counts in the cache, and
      // every test of the run registers from 127.0.0.1 (these processes do not get the test
      // project's raised limits).
      CACHE_PREFIX: `t${s.runId}.shutdown.${uniqueSuffix()}`,
    };
    const [identityPort, ledgerPort, gatewayPort] = [await freePort(), await freePort(), await freePort()];
    const identity = serve("identity", identityPort, { ...env, INTERNAL_JWT_PUBLIC_KEY: pem.publicKey });
    ledger = serve("ledger", ledgerPort, { ...env, INTERNAL_JWT_PUBLIC_KEY: pem.publicKey });
    gateway = serve("gateway", gatewayPort, {
      ...env,
      INTERNAL_JWT_PRIVATE_KEY: pem.privateKey,
      SUBGRAPH_URL_IDENTITY: `http://127.0.0.1:${identityPort}/graphql`,
      SUBGRAPH_URL_LEDGER: `http://127.0.0.1:${ledgerPort}/graphql`,
    });
    services.push(identity, ledger, gateway);
    await Promise.all(services.map(ready));

    const email = `shutdown.${Math.random().toString(36).slice(2, 10)}@example.com`;
    const registered = await postGraphQL(`http://127.0.0.1:${gatewayPort}/graphql`, {
      query: REGISTER,
      variables: { input: { email, password: `pw-${Math.random().toString(36).slice(2)}-plum-tractor`, displayName: "Shutdown" } },
    });
    expect(registered.errors).toBeUndefined();
    const { accessToken, user: registeredUser } = registered.data.register;
    user = { id: registeredUser.id, accessToken, headers: bearer(accessToken) };
    db = new pg.Client({ connectionString: s.databaseUrl });
    await db.connect();
  }, 90_000);

  afterAll(async () => {
    for (const service of services) if (service.child.exitCode === null) service.child.kill("SIGKILL");
    await db?.end();
  });

  it("gateway: answers the request in flight, tells graphql-ws clients to reconnect (1012) and exits 0", async () => {
    const closes: number[] = [];
    let connections = 0;
    const client = createClient({
      url: `ws://127.0.0.1:${gateway.port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${user.accessToken}` },
      lazy: false,
      onNonLazyError: () => undefined,
      // The reconnection a real client makes; here it finds nobody listening, which is the point.
      retryAttempts: 5,
      retryWait: () => new Promise((resolve) => setTimeout(resolve, 50)),
      on: {
        connected: () => void connections++,
        closed: (event) => void closes.push((event as { code: number }).code),
      },
    });
    const errors: unknown[] = [];
    client.subscribe(
      { query: "subscription { transactionPosted { id } }" },
      { next: () => undefined, error: (e) => void errors.push(e), complete: () => undefined },
    );
    await eventually(() => expect(connections).toBe(1), { timeoutMs: 10_000, intervalMs: 20 });

    const inFlight = slowPost(
      gateway.port,
      { query: CREATE_ACCOUNT, variables: { input: accountInput("Through the gateway") } },
      user.headers,
    );
    const outcome = await terminateDuringRequest(gateway, inFlight);

    expect(outcome.stillRunning).toBe(true);
    expect(outcome.answer.status).toBe(200);
    expect(outcome.answer.body.data.createAccount.name).toBe("Through the gateway");
    expect(outcome.code).toBe(0);
    expect(outcome.exitMs).toBeLessThan(SHUTDOWN_DEADLINE_MS);
    // 1012 first; what follows are the client's reconnection attempts (1006: nobody listening), not a fatal error.
    await eventually(() => expect(closes.length).toBeGreaterThanOrEqual(2), { timeoutMs: 5_000, intervalMs: 20 });
    expect(closes[0]).toBe(1012);
    await client.dispose();
  }, 30_000);

  it("subgraph: answers the request in flight, publishes its outbox and exits 0", async () => {
    const token = await signer.sign({ userId: user.id, scopes: ["*"] }, "shutdown-test");
    const inFlight = slowPost(
      ledger.port,
      { query: CREATE_ACCOUNT, variables: { input: accountInput("Straight to the ledger") } },
      {
        [INTERNAL_TOKEN_HEADER]: token,
      },
    );
    const outcome = await terminateDuringRequest(ledger, inFlight);

    expect(outcome.stillRunning).toBe(true);
    expect(outcome.answer.status).toBe(200);
    expect(outcome.answer.body.data.createAccount.name).toBe("Straight to the ledger");
    expect(outcome.code).toBe(0);
    expect(outcome.exitMs).toBeLessThan(SHUTDOWN_DEADLINE_MS);

    // Both accounts were written, and every event about them left the outbox before the exit.
    const accounts = await db.query(`SELECT name FROM ledger.accounts WHERE user_id = $1 ORDER BY name`, [user.id]);
    expect(accounts.rows.map((r) => r.name)).toEqual(["Straight to the ledger", "Through the gateway"]);
    const events = await db.query(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE published_at IS NULL)::int AS unsent FROM ledger.outbox WHERE key = $1`,
      [user.id],
    );
    expect(events.rows[0]).toEqual({ total: expect.any(Number), unsent: 0 });
    expect(events.rows[0].total).toBeGreaterThanOrEqual(2);
  }, 30_000);
});
