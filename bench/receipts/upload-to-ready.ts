/**
 * Upload → READY through the gateway for `npm run bench:receipts`: every subgraph in one child
 * process and the gateway in another (bench/support/stack.ts; cost rate limits off), PostgreSQL in a
 * fresh database, files in a temporary directory. One user creates an upload link, PUTs a generated
 * receipt to the gateway's upload route and the clock stops when the ledger's row says READY (polled
 * in PostgreSQL, not through GraphQL, so the poll costs the stack nothing measurable). Run twice:
 * one receipt at a time (each one's own time) and all at once (a batch of uploads, queueing for
 * the reader's workers).
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import pg from "pg";

import type { ReceiptSample } from "../../subgraphs/ledger/receipts/ocr/test-support/receipt-samples.js";
import { ServerProcess } from "../gateway/process.js";
import { createDatabase, databaseUrl, dropDatabase } from "../ledger/postgres.js";
import { ms, summarize } from "../stats.js";
import { bearer, graphql } from "../support/graphql.js";
import { serverEnv, startSubgraphs } from "../support/stack.js";
import { mapBounded, sleep } from "../support/wait.js";

const POLL_MS = 20;
const READY_TIMEOUT_MS = 300_000;

interface Stack {
  gatewayUrl: string;
  headers: Record<string, string>;
  db: pg.Pool;
}

async function uploadAndWait(stack: Stack, sample: ReceiptSample): Promise<{ ms: number; status: string }> {
  const began = performance.now();
  const link = (
    await graphql(
      stack.gatewayUrl,
      `
        mutation ($i: CreateReceiptUploadInput!) {
          createReceiptUpload(input: $i) {
            receiptId
            uploadUrl
          }
        }
      `,
      { i: { contentType: sample.contentType, size: sample.file.length } },
      stack.headers,
    )
  ).data.createReceiptUpload;
  const put = await fetch(new URL(link.uploadUrl as string, stack.gatewayUrl), {
    method: "PUT",
    headers: { ...stack.headers, "content-type": sample.contentType },
    body: new Uint8Array(sample.file),
  });
  if (put.status !== 201) throw new Error(`upload answered ${put.status}: ${await put.text()}`);
  for (;;) {
    const { rows } = await stack.db.query<{ status: string }>(`SELECT status FROM ledger.receipts WHERE id = $1`, [link.receiptId]);
    const status = rows[0]?.status;
    if (status === "READY" || status === "FAILED") return { ms: performance.now() - began, status };
    if (performance.now() - began > READY_TIMEOUT_MS) throw new Error(`receipt ${link.receiptId} still ${status}`);
    await sleep(POLL_MS);
  }
}

function report(label: string, elapsed: number, results: { ms: number; status: string }[]): void {
  const { n, p50, p99, max } = summarize(results.map((r) => r.ms));
  const failed = results.filter((r) => r.status !== "READY").length;
  console.log(
    `upload → READY, ${label}: ${n} receipts in ${ms(elapsed)} = ${((n / elapsed) * 60_000).toFixed(1)} receipts/min; ` +
      `p50 ${ms(p50)}, p99 ${ms(p99)}, max ${ms(max)}${failed ? `; ${failed} FAILED` : ""}`,
  );
}

/** Starts the stack, measures `samples` one at a time and all at once, and removes everything it made. */
export async function benchUploadToReady(samples: ReceiptSample[]): Promise<void> {
  const suffix = randomBytes(5).toString("hex");
  const appDb = `moneta_bench_receipts_${suffix}`;
  const work = mkdtempSync(join(tmpdir(), "moneta-bench-receipts-"));
  const servers: ServerProcess[] = [];
  let db: pg.Pool | undefined;
  let created = false;
  try {
    await createDatabase(appDb);
    created = true;
    const { env } = await serverEnv({
      DATABASE_URL: databaseUrl(appDb),
      REDIS_URL: "",
      KAFKA_BROKERS: "",
      FILE_STORAGE: "fs",
      FILE_STORAGE_DIR: join(work, "files"),
    });
    const stack = await startSubgraphs(env, work);
    servers.push(stack.subgraphs);
    const gateway = await ServerProcess.start("gateway", "../ledger/gateway.server.ts", stack.gatewayEnv);
    servers.push(gateway);
    const gatewayUrl = gateway.info.url as string;
    const registered = (
      await graphql(
        gatewayUrl,
        `
          mutation ($i: RegisterInput!) {
            register(input: $i) {
              accessToken
            }
          }
        `,
        {
          i: { email: `bench.receipts.${suffix}@example.com`, password: `Bench-${suffix}-pass`, displayName: "Bench" },
        },
      )
    ).data.register;
    db = new pg.Pool({ connectionString: databaseUrl(appDb), max: 4 });
    const bench: Stack = { gatewayUrl, headers: bearer(registered.accessToken as string), db };

    // The first read starts the ledger's Tesseract workers (loading the model): reported apart.
    const first = await uploadAndWait(bench, samples[0]!);
    console.log(`upload → READY, first receipt (starts the reader's workers): ${ms(first.ms)}`);
    let began = performance.now();
    const steady = await mapBounded(samples, 1, (sample) => uploadAndWait(bench, sample));
    report("one at a time", performance.now() - began, steady);
    began = performance.now();
    const burst = await mapBounded(samples, samples.length, (sample) => uploadAndWait(bench, sample));
    report(`${samples.length} at once`, performance.now() - began, burst);
  } finally {
    await db?.end().catch(() => undefined);
    await Promise.allSettled(servers.map((s) => s.stop()));
    if (created) await dropDatabase(appDb);
    rmSync(work, { recursive: true, force: true });
  }
}
