/**
 * `npm run bench:reports`: rendering insights' reports on real PostgreSQL, in this process.
 *   A user with BENCH_TRANSACTIONS incomes and expenses over the five years up to today (the
 *   insights benchmark's generated history: about 20,000 a year at the default 100,000, with splits,
 *   transfers, a loan and a second currency) is written straight into insights' read models. Then
 *   the report job renders, from `open` to READY, a 12-month report of the last full year: the
 *   statement as PDF (every posting on every account, charts), the category report as PDF, and the
 *   statement as CSV. Each is run through the job handler's steps, each step in its own transaction
 *   as the job runner runs them, storing the file on disk. Reported: wall time, file size and pages,
 *   heap and RSS growth over the run (sampled every 10 ms). Target: the statement PDF under 3 s.
 *   Each PDF is parsed back (pdfjs) to check its page count.
 *
 * Settings:
 *   BENCH_TRANSACTIONS   the user's transactions over five years (default 100000)
 *   BENCH_POSTGRES_URL   admin URL of the server (default postgres://postgres@127.0.0.1:5432)
 */
import "reflect-metadata";

import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

import { PostgresDatabaseProvider } from "../platform/db/index.js";
import { Outbox } from "../platform/events/index.js";
import { LedgerCategoryTree } from "../platform/read-models/index.js";
import { FileSystemStorage } from "../platform/storage/index.js";
import { randomIds, systemClock } from "../platform/time/index.js";
import { AccountStore } from "../subgraphs/insights/accounts/account.store.js";
import { LoanStore } from "../subgraphs/insights/loans/loan.store.js";
import { NetWorthService } from "../subgraphs/insights/networth/net-worth.service.js";
import { PortfolioValueStore } from "../subgraphs/insights/networth/portfolio-value.store.js";
import { reportJobHandler } from "../subgraphs/insights/reports/report.job.js";
import { ReportFormat, ReportKind, reportStorageKey } from "../subgraphs/insights/reports/report.model.js";
import type { ReportJobPayload } from "../subgraphs/insights/reports/report.service.js";
import { ReportStore } from "../subgraphs/insights/reports/report.store.js";
import { UserSettingsStore } from "../subgraphs/insights/settings/user-settings.store.js";
import insights from "../subgraphs/insights/subgraph.js";
import { benchHistory } from "./insights/history-data.js";
import { seededIds, writeHistory } from "./insights/read-models.js";
import { createDatabase, databaseUrl, dropDatabase } from "./ledger/postgres.js";
import { positiveInteger } from "./support/settings.js";
import { printTable } from "./support/table.js";

const TRANSACTIONS = positiveInteger("BENCH_TRANSACTIONS", 100_000);
const TARGET_MS = 3_000;

const database = `bench_reports_${randomBytes(4).toString("hex")}`;
const files = mkdtempSync(join(tmpdir(), "moneta-bench-reports-"));
const provider = new PostgresDatabaseProvider();
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<void> {
  await createDatabase(database);
  const { dataSource } = await provider.open(
    "insights",
    { entities: insights.entities, migrations: insights.migrations },
    databaseUrl(database),
  );
  const today = new Date().toISOString().slice(0, 10);
  const history = benchHistory(TRANSACTIONS, today);
  const user = seededIds(randomUUID());
  console.log(`writing ${history.transactions.length} transactions into insights' read models...`);
  await writeHistory(dataSource, history, [user]);
  await dataSource.query(
    `INSERT INTO insights.user_settings (user_id, base_currency, timezone, first_day_of_week, locale, updated_at) VALUES ($1, 'USD', 'UTC', 1, 'de-DE', now())`,
    [user.userId],
  );
  const year = String(Number(today.slice(0, 4)) - 1);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const counted: Array<{ n: number }> = await dataSource.query(
    `SELECT count(*)::int AS n FROM insights.transactions WHERE user_id = $1 AND date BETWEEN $2 AND $3`,
    [user.userId, from, to],
  );
  const n = counted[0]!.n;
  console.log(`${n} transactions in ${from}..${to}`);

  const settings = new UserSettingsStore(dataSource, systemClock);
  const accounts = new AccountStore(dataSource);
  const store = new ReportStore(dataSource);
  const storage = new FileSystemStorage(files);
  const handler = reportJobHandler({
    dataSource,
    clock: systemClock,
    outbox: new Outbox("insights", systemClock, randomIds),
    store,
    storage,
    settings,
    categories: new LedgerCategoryTree("insights", dataSource),
    accounts,
    netWorth: new NetWorthService(dataSource, settings, accounts, new LoanStore(dataSource), new PortfolioValueStore(dataSource)),
  });

  const rows: string[][] = [];
  let statementMs = Infinity;
  for (const [kind, format] of [
    [ReportKind.MONTHLY_STATEMENT, ReportFormat.PDF],
    [ReportKind.CATEGORY_REPORT, ReportFormat.PDF],
    [ReportKind.MONTHLY_STATEMENT, ReportFormat.CSV],
  ] as const) {
    const id = randomUUID();
    await dataSource.transaction((m) =>
      store.insert(m, { id, userId: user.userId, kind, format, from, to, scheduleId: null, scheduleMonth: null, createdAt: new Date() }),
    );
    global.gc?.();
    const base = process.memoryUsage();
    let peakHeap = base.heapUsed;
    let peakRss = base.rss;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peakHeap = Math.max(peakHeap, now.heapUsed);
      peakRss = Math.max(peakRss, now.rss);
    }, 10);
    const started = performance.now();
    const run = await handler.open({
      id: randomUUID(),
      userId: user.userId,
      kind: handler.kind,
      payload: { reportId: id, traceId: "bench" } as ReportJobPayload,
      cursor: null,
      attempts: 0,
    });
    let steps = 0;
    for (;;) {
      steps++;
      if ((await dataSource.transaction((m) => run.step(m))).done) break;
    }
    await run.close?.();
    const elapsed = performance.now() - started;
    clearInterval(sampler);
    const report = (await store.get(user.userId, id))!;
    let pages = "";
    if (format === ReportFormat.PDF) {
      const bytes = new Uint8Array(readFileSync(join(files, reportStorageKey(user.userId, id, format))));
      pages = String((await getDocument({ data: bytes, verbosity: 0 }).promise).numPages);
    }
    if (kind === ReportKind.MONTHLY_STATEMENT && format === ReportFormat.PDF) statementMs = elapsed;
    rows.push([
      `${kind} ${format}`,
      report.status,
      `${elapsed.toFixed(0)} ms`,
      String(steps),
      mb(report.sizeBytes ?? 0),
      pages,
      `+${mb(peakHeap - base.heapUsed)}`,
      `+${mb(peakRss - base.rss)}`,
    ]);
  }
  printTable(["report (12 months)", "status", "time", "steps", "file", "pages", "peak heap", "peak RSS"], rows);
  console.log(
    `statement PDF: ${statementMs.toFixed(0)} ms for ${n} transactions (target under ${TARGET_MS} ms): ${statementMs < TARGET_MS ? "met" : "MISSED"}`,
  );
}

try {
  await main();
} finally {
  await provider.close();
  await dropDatabase(database).catch(() => undefined);
  rmSync(files, { recursive: true, force: true });
}
