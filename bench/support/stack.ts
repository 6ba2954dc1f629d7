/**
 * The server side every gateway benchmark starts the same way: fresh internal signing keys for the
 * run, and all subgraphs in one child process (bench/gateway/subgraphs.server.ts, which starts
 * whatever subgraphs the repository has) with the supergraph rewritten to where they listen.
 */
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";

import webpush from "web-push";

import { readSupergraphSdl } from "../../gateway/supergraph.js";
import { exportInternalKeys, generateInternalKeys, InternalTokenSigner } from "../../platform/auth/internal-token.js";
import { supergraphWithUrls } from "../gateway/child.js";
import { ServerProcess } from "../gateway/process.js";

/** The environment of every server process of a run (quiet, production mode, this run's keys), plus `extra`. */
export async function serverEnv(extra: Record<string, string>): Promise<{ env: Record<string, string>; signer: InternalTokenSigner }> {
  const keys = await generateInternalKeys();
  const pem = await exportInternalKeys(keys);
  const vapid = webpush.generateVAPIDKeys();
  const env = {
    INTERNAL_JWT_PRIVATE_KEY: pem.privateKey,
    INTERNAL_JWT_PUBLIC_KEY: pem.publicKey,
    NODE_ENV: "production",
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "silent",
    APOLLO_TELEMETRY_DISABLED: "true",
    // Production mode wants a real secret for report download links; one per run, like the keys.
    FILE_LINK_SECRET: randomBytes(32).toString("hex"),
    // And keys for the secrets it keeps (bank credentials, webhook secrets) and for web push.
    BANK_CREDENTIALS_KEY: randomBytes(32).toString("hex"),
    WEBHOOK_SECRET_KEY: randomBytes(32).toString("hex"),
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY: vapid.privateKey,
    VAPID_SUBJECT: "mailto:bench@example.com",
    ...extra,
  };
  return { env, signer: new InternalTokenSigner(keys.privateKey) };
}

export interface StartedSubgraphs {
  subgraphs: ServerProcess;
  /** Subgraph name → URL it listens on. */
  urls: Record<string, string>;
  /** `env` plus what a gateway process (bench/ledger/gateway.server.ts, bench/live/gateway.server.ts) reads. */
  gatewayEnv: Record<string, string>;
}

/**
 * Every subgraph in one child process; the supergraph with their URLs is written under `workDir`.
 * `nodeArgs`: extra Node options for that process (a CPU profile, say).
 */
export async function startSubgraphs(env: Record<string, string>, workDir: string, nodeArgs: string[] = []): Promise<StartedSubgraphs> {
  const subgraphs = await ServerProcess.start("subgraphs", "subgraphs.server.ts", env, nodeArgs);
  const urls = subgraphs.info.urls as Record<string, string>;
  const supergraphFile = join(workDir, "supergraph.graphql");
  writeFileSync(supergraphFile, supergraphWithUrls(readSupergraphSdl(), urls));
  return { subgraphs, urls, gatewayEnv: { ...env, BENCH_SUPERGRAPH: supergraphFile, BENCH_SUBGRAPH_URLS: JSON.stringify(urls) } };
}
