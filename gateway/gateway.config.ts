import { ConfigError } from "../platform/config/index.js";
import { DEFAULT_UPSTREAM_TIMEOUT_MS } from "./upstream/keep-alive-client.js";

/** Gateway settings read from the environment (the operation limits and rate limits have their own loaders). */
export interface GatewaySettings {
  /** How long the gateway waits for one subgraph fetch before answering UPSTREAM_TIMEOUT. */
  readonly subgraphTimeoutMs: number;
  /** Browser origins allowed to call /graphql cross-origin, exactly as a browser sends `Origin`. */
  readonly corsOrigins: readonly string[];
  /** Every caller, not only safelist API keys, may run only the trusted documents of the manifest. */
  readonly persistedOnly: boolean;
  /** The built web app served at `/`; undefined for the one `npm run build:web` writes. */
  readonly webDistDir?: string;
}

export const GATEWAY_SETTINGS_ENV = Object.freeze({
  subgraphTimeoutMs: "GATEWAY_SUBGRAPH_TIMEOUT_MS",
  corsOrigins: "CORS_ORIGINS",
  persistedOnly: "GATEWAY_PERSISTED_ONLY",
  webDistDir: "WEB_DIST_DIR",
});

// Below 100 ms every cold subgraph call would fail; above 10 minutes a client, proxy or load
// balancer has long given up, so the gateway would only hold a socket for nobody.
export const SUBGRAPH_TIMEOUT_BOUNDS = Object.freeze({ min: 100, max: 600_000 });

function readTimeout(env: NodeJS.ProcessEnv): number {
  const name = GATEWAY_SETTINGS_ENV.subgraphTimeoutMs;
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return DEFAULT_UPSTREAM_TIMEOUT_MS;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number of milliseconds, got "${raw}"`);
  const value = Number(raw);
  if (value < SUBGRAPH_TIMEOUT_BOUNDS.min || value > SUBGRAPH_TIMEOUT_BOUNDS.max) {
    throw new ConfigError(name, `must be between ${SUBGRAPH_TIMEOUT_BOUNDS.min} and ${SUBGRAPH_TIMEOUT_BOUNDS.max} ms, got ${raw}`);
  }
  return value;
}

/**
 * An origin as browsers send it: `http(s)://host[:port]`, lower-case, no path, no trailing slash,
 * no default port. Anything else could never match an `Origin` header, so it is a typo.
 */
function parseOrigin(name: string, entry: string): string {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    throw new ConfigError(name, `"${entry}" is not an origin (scheme://host[:port])`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new ConfigError(name, `"${entry}" must be an http or https origin`);
  if (url.origin !== entry) throw new ConfigError(name, `"${entry}" is not an origin; write it as a browser sends it: "${url.origin}"`);
  return entry;
}

function readCorsOrigins(env: NodeJS.ProcessEnv): string[] {
  const name = GATEWAY_SETTINGS_ENV.corsOrigins;
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return [];
  const entries = raw.split(",").map((entry) => entry.trim());
  // "*" cannot be combined with credentials, and an allowlist is the point of the setting.
  if (entries.includes("*")) throw new ConfigError(name, `"*" is not allowed; list each origin`);
  if (entries.some((entry) => entry === "")) throw new ConfigError(name, "has an empty entry");
  return [...new Set(entries.map((entry) => parseOrigin(name, entry)))];
}

function readPersistedOnly(env: NodeJS.ProcessEnv): boolean {
  const name = GATEWAY_SETTINGS_ENV.persistedOnly;
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === "" || raw === "false" || raw === "0") return false;
  if (raw === "true" || raw === "1") return true;
  throw new ConfigError(name, `must be true or false, got "${env[name]}"`);
}

/**
 * Reads `GATEWAY_SUBGRAPH_TIMEOUT_MS` (default 30000), `CORS_ORIGINS` (default none),
 * `GATEWAY_PERSISTED_ONLY` (default false) and `WEB_DIST_DIR` (default web/dist); unset or empty
 * means the default. Throws `ConfigError` naming the first bad setting.
 */
export function loadGatewaySettings(env: NodeJS.ProcessEnv = process.env): GatewaySettings {
  return {
    subgraphTimeoutMs: readTimeout(env),
    corsOrigins: readCorsOrigins(env),
    persistedOnly: readPersistedOnly(env),
    webDistDir: env[GATEWAY_SETTINGS_ENV.webDistDir]?.trim() || undefined,
  };
}
