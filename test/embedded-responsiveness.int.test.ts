import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { embeddedConfig } from "../platform/testing/services.js";
import { ledgerClient } from "./harness/ledger-client.js";
import { type RegisteredUser, startTestSupergraph, type TestSupergraph } from "./harness/supergraph.js";

const ROWS = 50_000;
const MAPPING = { date: "Date", amount: "Amount", payee: "Description", dateFormat: "dd.MM.yyyy", decimalSeparator: ",", delimiter: ";" };
const IMPORT = `mutation($input: ImportTransactionsInput!) { importTransactions(input: $input) { id status } }`;
const PROGRESS = `query($id: ID!) { importBatch(id: $id) { status rowsDone totalRows imported failed } }`;

function statement(rows: number): string {
  const lines = ["Date;Description;Amount"];
  for (let i = 0; i < rows; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, "0");
    lines.push(`${day}.${month}.2025;Shop ${i};-${(i % 500) + 1},${String(i % 100).padStart(2, "0")}`);
  }
  return lines.join("\n");
}

async function timedHealth(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`/health answered ${response.status}`);
  return performance.now() - started;
}

// The embedded default runs the gateway, every subgraph and the database in one process: the
// database works in its own thread and imports run as background jobs in bounded steps, so the
// process keeps answering while a large statement is imported.
describe("the embedded default under a 50,000-row import", () => {
  let sg: TestSupergraph;
  let alice: RegisteredUser;
  let ledger: ReturnType<typeof ledgerClient>;

  beforeAll(async () => {
    sg = await startTestSupergraph(embeddedConfig());
    ledger = ledgerClient(sg);
    alice = await sg.register("Alice");
  });

  afterAll(async () => {
    await sg?.close();
  });

  it("answers /health within 100 ms all the while, and the import completes with every row", async () => {
    const account = await ledger.account(alice, "EUR");
    const requested = performance.now();
    const queued = (
      await ledger.ok(alice, IMPORT, { input: { accountId: account, format: "CSV", content: statement(ROWS), mapping: MAPPING } })
    ).importTransactions;
    const answeredMs = performance.now() - requested;
    expect(["QUEUED", "RUNNING"]).toContain(queued.status);

    const health = sg.gateway.url.replace("/graphql", "/health");
    const latencies: number[] = [];
    let last: { status: string; rowsDone: number; totalRows: number | null; imported: number; failed: number } | undefined;
    const deadline = Date.now() + 600_000;
    while (Date.now() < deadline) {
      for (let i = 0; i < 10; i++) {
        latencies.push(await timedHealth(health));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      last = (await ledger.ok(alice, PROGRESS, { id: queued.id })).importBatch;
      if (last!.status === "COMPLETED" || last!.status === "FAILED") break;
    }
    const seconds = (performance.now() - requested) / 1000;
    latencies.sort((a, b) => a - b);
    const worst = latencies[latencies.length - 1]!;
    const p99 = latencies[Math.floor(latencies.length * 0.99)]!;
    console.log(
      `embedded import of ${ROWS} rows: request answered in ${answeredMs.toFixed(0)} ms, completed in ${seconds.toFixed(1)} s (${Math.round(ROWS / seconds)} rows/s); ` +
        `/health over ${latencies.length} probes: p50 ${latencies[Math.floor(latencies.length / 2)]!.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${worst.toFixed(1)} ms`,
    );
    expect(last).toMatchObject({ status: "COMPLETED", rowsDone: ROWS, totalRows: ROWS, imported: ROWS, failed: 0 });
    expect(answeredMs).toBeLessThan(5_000);
    expect(worst).toBeLessThan(100);
    // The loop's own deadline: on a busy machine the import takes longer than the default 60 s, and
    // what this test holds to is /health's latency and the rows, not the import's speed.
  }, 600_000);
});
