import { type Logger, pino } from "pino";

import { type GatewayOptions, type RunningGateway, startGateway } from "../../gateway/gateway.js";
import type { OperationLimits } from "../../gateway/limits/index.js";
import { DEFAULT_RATE_LIMITS, type RateLimits } from "../../gateway/rate-limit/index.js";
import type { KeyValueStore } from "../../platform/cache/index.js";
import type { PlatformConfig } from "../../platform/config/index.js";
import { type RunningSubgraphs, startAllSubgraphs } from "../../platform/runtime/index.js";
import type { RunningSubgraph } from "../../platform/runtime/start-subgraph.js";
import type { Clock, IdGenerator } from "../../platform/time/index.js";

export interface RegisteredUser {
  id: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  /** Authorization header for this user. */
  headers: Record<string, string>;
}

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken refreshToken user { id } } }`;
const CREATE_ACCOUNT = `mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`;

/** Opening date of every test account: transactions may not be dated before it. */
export const TEST_OPENING_DATE = "2000-01-01";

export interface TestSupergraph {
  gateway: RunningGateway;
  all: RunningSubgraphs;
  subgraph<Deps = any>(name: string): RunningSubgraph<Deps>;
  /** Another gateway instance over the same subgraphs and store (closed with the rest). */
  startGateway(overrides?: Partial<GatewayOptions>): Promise<RunningGateway>;
  /** POSTs an operation to the gateway; returns status and parsed body. */
  query(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResult>;
  /** Registers a fresh user through the gateway (unique e-mail per call). */
  register(displayName?: string): Promise<RegisteredUser>;
  /**
   * Opens a CHECKING account through the gateway with the caller's headers (a user's, or an API
   * key's), zero opening balance on {@link TEST_OPENING_DATE}; returns its id. Transactions must be
   * posted against an account of their currency.
   */
  createAccount(caller: { headers: Record<string, string> }, currency?: string, name?: string): Promise<string>;
  close(): Promise<void>;
}

export interface GraphQLResult {
  status: number;
  data?: any;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
}

export async function postGraphQL(url: string, body: unknown, headers: Record<string, string> = {}): Promise<GraphQLResult> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Omit<GraphQLResult, "status">;
  return { status: response.status, ...json };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Registers a fresh user through the gateway at `url` (unique e-mail per call). */
export async function registerThrough(url: string, displayName = "Test User"): Promise<RegisteredUser> {
  const email = `${displayName.toLowerCase().replace(/\W+/g, ".")}.${Math.random().toString(36).slice(2, 10)}@example.com`;
  const password = `pw-${Math.random().toString(36).slice(2)}-plum-tractor`;
  const r = await postGraphQL(url, { query: REGISTER, variables: { input: { email, password, displayName } } });
  if (r.errors) throw new Error(`register failed: ${JSON.stringify(r.errors)}`);
  const { accessToken, refreshToken, user } = r.data.register;
  return { id: user.id, email, password, accessToken, refreshToken, headers: bearer(accessToken) };
}

/** The same user, sending `x-trace-id: traceId`: its statements can then be counted by trace (countStatements). */
export const traced = (user: RegisteredUser, traceId: string): RegisteredUser => ({
  ...user,
  headers: { ...user.headers, "x-trace-id": traceId },
});

/** Every subgraph and the gateway on free ports, on the given config (embedded or real services). */
export interface TestSupergraphOptions {
  /** Pins time for every subgraph and for the gateway's token checks. */
  clock?: Clock;
  ids?: IdGenerator;
  /** Gateway operation limits (defaults otherwise). */
  limits?: OperationLimits;
  /** Gateway rate limits; see {@link TEST_RATE_LIMITS} for the default. */
  rateLimits?: RateLimits;
  /** The gateway's store for APQ and rate limits; the platform's (Redis on real services) otherwise. */
  gatewayCache?: KeyValueStore;
  /** Believe X-Forwarded-For, so a test can speak from several client IPs. */
  trustProxy?: boolean;
  /** Where the gateway and every subgraph log (a test reading the logs); silent, or TEST_LOG_LEVEL, otherwise. */
  logger?: Logger;
}

/**
 * Every test request comes from 127.0.0.1, so the per-IP budgets would count a whole run as one
 * client: they are raised out of reach. Per-user and per-key budgets keep their defaults (each
 * test has its own users). rate-limit.int.test.ts sets small limits of its own.
 */
export const TEST_RATE_LIMITS: RateLimits = Object.freeze({ ...DEFAULT_RATE_LIMITS, ip: 1_000_000_000, failedApiKeysPerIp: 1_000_000 });

export async function startTestSupergraph(config: PlatformConfig, options: TestSupergraphOptions = {}): Promise<TestSupergraph> {
  const logger = options.logger ?? pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
  const all = await startAllSubgraphs(config, { logger, randomPorts: true, clock: options.clock, ids: options.ids });
  const gatewayOptions: GatewayOptions = {
    host: "127.0.0.1",
    port: 0,
    logger,
    internalPrivateKey: all.platform.internalKeys.privateKey!,
    subgraphUrls: all.urls,
    clock: options.clock,
    limits: options.limits,
    // Revocation events reach the gateway's API-key cache, as in production.
    bus: all.platform.bus,
    cache: options.gatewayCache ?? all.platform.cache,
    rateLimits: options.rateLimits ?? TEST_RATE_LIMITS,
    trustProxy: options.trustProxy,
    maxBodyBytes: config.maxBodyBytes,
  };
  let gateway: RunningGateway;
  try {
    gateway = await startGateway(gatewayOptions);
  } catch (error) {
    await all.close();
    throw error;
  }
  const extraGateways: RunningGateway[] = [];
  return {
    gateway,
    all,
    subgraph: (name) => {
      const found = all.subgraphs.find((s) => s.name === name);
      if (!found) throw new Error(`no subgraph ${name}`);
      return found;
    },
    startGateway: async (overrides = {}) => {
      const extra = await startGateway({ ...gatewayOptions, ...overrides });
      extraGateways.push(extra);
      return extra;
    },
    query: (query, variables, headers) => postGraphQL(gateway.url, { query, variables }, headers),
    register: (displayName) => registerThrough(gateway.url, displayName),
    createAccount: async (caller, currency = "USD", name = "Everyday") => {
      const input = { name, type: "CHECKING", openingBalance: { amount: "0", currency }, openingDate: TEST_OPENING_DATE };
      const r = await postGraphQL(gateway.url, { query: CREATE_ACCOUNT, variables: { input } }, caller.headers);
      if (r.errors) throw new Error(`createAccount failed: ${JSON.stringify(r.errors)}`);
      return r.data.createAccount.id as string;
    },
    close: async () => {
      for (const extra of extraGateways) await extra.close();
      await gateway.close();
      await all.close();
    },
  };
}
