import { readFileSync } from "node:fs";

import { z } from "zod";

import { ConfigError } from "./config-error.js";

/** Runtime settings shared by the gateway and every subgraph, validated once at boot. */
export interface PlatformConfig {
  env: "development" | "test" | "production";
  host: string;
  logLevel: string;
  /** Real PostgreSQL for every subgraph unless overridden per subgraph; undefined = embedded PGlite. */
  databaseUrl?: string;
  /** `DATABASE_URL_<SUBGRAPH>` overrides, keyed by lower-case subgraph name. */
  databaseUrlBySubgraph: Record<string, string>;
  /**
   * Connections each subgraph's pool may open to PostgreSQL (plus one for LISTEN): instances ×
   * subgraphs × (this + 1) must stay under the server's max_connections.
   */
  databasePoolSize: number;
  /** Where embedded PGlite keeps its files; undefined = in memory (`--memory`). */
  dataDir?: string;
  redisUrl?: string;
  /** Namespace for every cache key (test runs share one Redis). */
  cachePrefix: string;
  kafkaBrokers?: string[];
  /** Prefix for every topic and consumer group; lets test runs share one broker without colliding. */
  kafkaTopicPrefix: string;
  /** Partitions of each topic the platform creates (per-user order holds within one; more spread consumers). */
  kafkaTopicPartitions: number;
  /** Replicas of each topic the platform creates; at most the number of brokers. */
  kafkaReplicationFactor: number;
  gatewayPort: number;
  /** `SUBGRAPH_URL_<SUBGRAPH>` overrides of the URLs in the supergraph (containers, remote hosts). */
  subgraphUrls: Record<string, string>;
  /** Believe X-Forwarded-For (the gateway sits behind a proxy that sets it). */
  trustProxy: boolean;
  /** Largest request body the gateway and subgraphs read (a statement import is the big one). */
  maxBodyBytes: number;
  /** PEM keys for the gateway → subgraph internal token; generated per process in embedded mode. */
  internalJwtPrivateKey?: string;
  internalJwtPublicKey?: string;
}

const postgresUrl = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return u.protocol === "postgres:" || u.protocol === "postgresql:";
  } catch {
    return false;
  }
}, "must be a postgres:// URL");

const redisUrl = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return u.protocol === "redis:" || u.protocol === "rediss:";
  } catch {
    return false;
  }
}, "must be a redis:// URL");

const httpUrl = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}, "must be an http(s) URL");

const brokers = z
  .string()
  .transform((v) =>
    v
      .split(",")
      .map((b) => b.trim())
      .filter(Boolean),
  )
  .refine((list) => list.length > 0 && list.every((b) => /^[\w.-]+:\d{1,5}$/.test(b)), "must be host:port[,host:port...]");

/** PEM text; accepts literal "\\n" escapes, as one-line .env files carry them. */
const pem = (kind: string, message: string) =>
  z
    .string()
    .transform((v) => v.replace(/\\n/g, "\n"))
    .refine((v) => v.includes(`-----BEGIN ${kind}-----`), message);

const port = z.coerce.number().int().min(1).max(65535);

/** A whole number in [min, max], written as plain digits ("3", not "3.0" or "0x3"). */
const count = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be a whole number from ${min} to ${max}`);

function read<T>(env: NodeJS.ProcessEnv, name: string, schema: z.ZodType<T>): T | undefined {
  const raw = env[name];
  if (raw === undefined || raw === "") return undefined;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(name, parsed.error.issues[0]?.message ?? "invalid value");
  return parsed.data;
}

/**
 * A secret given either inline (`NAME`) or as a file (`NAME_FILE`: Docker/Kubernetes secrets, the
 * compose `keys` service); both at once is ambiguous and refused.
 */
function readSecret<T>(env: NodeJS.ProcessEnv, name: string, schema: z.ZodType<T>): T | undefined {
  const fileName = `${name}_FILE`;
  const path = env[fileName];
  if (path === undefined || path === "") return read(env, name, schema);
  if (env[name]) throw new ConfigError(name, `set either ${name} or ${fileName}, not both`);
  let content: string;
  try {
    content = readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigError(fileName, `cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  return read({ [fileName]: content.trim() }, fileName, schema);
}

function readPrefixed<T>(env: NodeJS.ProcessEnv, prefix: string, schema: z.ZodType<T>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const name of Object.keys(env)) {
    if (!name.startsWith(prefix)) continue;
    const value = read(env, name, schema);
    if (value !== undefined) out[name.slice(prefix.length).toLowerCase()] = value;
  }
  return out;
}

export interface LoadConfigOptions {
  /** `--memory`: throwaway embedded database. */
  memory?: boolean;
  /** Default folder for embedded data, relative to the repo. */
  defaultDataDir?: string;
}

/** Reads and validates the environment; throws ConfigError naming the first bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: LoadConfigOptions = {}): PlatformConfig {
  const nodeEnv = read(env, "NODE_ENV", z.enum(["development", "test", "production"])) ?? "development";
  return {
    env: nodeEnv,
    host: read(env, "HOST", z.string().min(1)) ?? "127.0.0.1",
    logLevel: read(env, "LOG_LEVEL", z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])) ?? "info",
    databaseUrl: read(env, "DATABASE_URL", postgresUrl),
    databaseUrlBySubgraph: readPrefixed(env, "DATABASE_URL_", postgresUrl),
    databasePoolSize: read(env, "DATABASE_POOL_SIZE", count(1, 100)) ?? 10,
    dataDir: options.memory ? undefined : (read(env, "MONETA_DATA_DIR", z.string().min(1)) ?? options.defaultDataDir ?? ".moneta/pglite"),
    redisUrl: read(env, "REDIS_URL", redisUrl),
    cachePrefix: read(env, "CACHE_PREFIX", z.string().min(1)) ?? "moneta",
    kafkaBrokers: read(env, "KAFKA_BROKERS", brokers),
    kafkaTopicPrefix: read(env, "KAFKA_TOPIC_PREFIX", z.string().regex(/^[\w.-]*$/, "letters, digits, '.', '_' or '-' only")) ?? "",
    kafkaTopicPartitions: read(env, "KAFKA_TOPIC_PARTITIONS", count(1, 1000)) ?? 3,
    kafkaReplicationFactor: read(env, "KAFKA_REPLICATION_FACTOR", count(1, 16)) ?? 1,
    gatewayPort: read(env, "GATEWAY_PORT", port) ?? 4000,
    subgraphUrls: readPrefixed(env, "SUBGRAPH_URL_", httpUrl),
    trustProxy: read(env, "TRUST_PROXY", z.enum(["true", "false"], { message: 'must be "true" or "false"' })) === "true",
    // 8 MiB carries a 50,000-row CSV statement; anything larger is refused before it is parsed.
    maxBodyBytes:
      read(
        env,
        "MAX_BODY_BYTES",
        z.coerce
          .number()
          .int()
          .min(64 * 1024)
          .max(64 * 1024 * 1024),
      ) ?? 8 * 1024 * 1024,
    internalJwtPrivateKey: readSecret(env, "INTERNAL_JWT_PRIVATE_KEY", pem("PRIVATE KEY", "must be a PKCS#8 PEM")),
    internalJwtPublicKey: readSecret(env, "INTERNAL_JWT_PUBLIC_KEY", pem("PUBLIC KEY", "must be an SPKI PEM")),
  };
}

/** The database URL a subgraph uses, or undefined for the embedded default. */
export function databaseUrlFor(config: PlatformConfig, subgraph: string): string | undefined {
  return config.databaseUrlBySubgraph[subgraph] ?? config.databaseUrl;
}
