/**
 * `npm run bench:tax`: the tax subgraph on real PostgreSQL.
 *   1. `incomeTax` (every field, brackets included) through our gateway at 1 and 8 concurrent clients:
 *      requests/s, p50/p99. Each request asks another income, qualified income, filing status, year
 *      and now and then a pinned revision; each answer is checked against the calculator run here.
 *   2. `taxYearSummary(year: 2025)` (every field) for a user with 50,000 ledger transactions in 2025
 *      over 40 categories (income, adjustments, deductions, SALT, medical, tax payments, everyday
 *      spending; splits, refunds, EUR lines with and without a USD amount), 2,000 realized lots and
 *      200 dividend and interest payments, plus a tenth as much in the years around it: at 1 client;
 *      at 8 clients of that one user (identical reads: the gateway lets identical fetches in flight
 *      share one, and says how many did); and at 8 clients of 8 such users, one each (every read
 *      computed). Then `taxYearReport(year: 2025)` (the CSV with every line that counts) at 1 client,
 *      p50/p99 and its size. Each user's first answer is checked figure by figure against sums made
 *      here from the seeded rows; every later answer must equal it.
 *      The users register through the gateway and set a tax profile through it (married filing
 *      jointly, two children, qualified dividends, two category overrides); their ledger and
 *      investment data is written straight into tax's read models (tax.categories, tax.ledger_lines,
 *      tax.realized_lots, tax.investment_income) with bulk SQL, the 8 users' lines interleaved as if
 *      posted side by side: pushing 400,000 transactions through the ledger and its events would make
 *      this a benchmark of the ledger, which has its own.
 *   3. The estimate job: 1,000 more users' 2025 marked dirty (tax.estimates rows), each with 50 ledger
 *      lines and 5 realized lots, recomputed by `EstimateJob.runPending()` run here on its own
 *      connection pool, after the servers have stopped (their own job would take a share):
 *      estimates/s, every estimate checked against the calculator; again with nothing left; and the
 *      first run split across two job instances at once.
 * Subgraphs (one process, in-process event bus) and the gateway each run in a child process; the
 * requests and the job run from here. Fresh database, dropped at the end.
 *
 * Settings:
 *   BENCH_REQUESTS          incomeTax requests per client count (default 2000)
 *   BENCH_TRANSACTIONS      each summary user's ledger transactions in 2025 (default 50000)
 *   BENCH_LOTS              each summary user's realized lots in 2025 (default 2000)
 *   BENCH_SUMMARY_REQUESTS  taxYearSummary requests per row (default 100)
 *   BENCH_REPORT_REQUESTS   taxYearReport requests (default 10)
 *   BENCH_USERS             users for the estimate job (default 1000)
 *   BENCH_POSTGRES_URL      admin URL of the server (default postgres://postgres@127.0.0.1:5432)
 */
import "reflect-metadata";

import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";

import { pino } from "pino";

import { PostgresDatabaseProvider } from "../platform/db/index.js";
import { Outbox } from "../platform/events/index.js";
import { money } from "../platform/money/index.js";
import { LedgerCategoryTree } from "../platform/read-models/index.js";
import { randomIds, systemClock } from "../platform/time/index.js";
import { computeIncomeTax } from "../subgraphs/tax/calculator/income-tax.js";
import { IncomeTaxService } from "../subgraphs/tax/calculator/income-tax.service.js";
import { EstimateJob } from "../subgraphs/tax/estimates/estimate.job.js";
import { EstimateStore } from "../subgraphs/tax/estimates/estimate.store.js";
import { InvestmentActivityStore } from "../subgraphs/tax/investment-activity/investment-activity.store.js";
import { LedgerLineStore } from "../subgraphs/tax/ledger-lines/ledger-line.store.js";
import { TaxProfileService } from "../subgraphs/tax/profiles/profile.service.js";
import { UserSettingsStore } from "../subgraphs/tax/settings/user-settings.store.js";
import tax from "../subgraphs/tax/subgraph.js";
import { TaxSummaryService } from "../subgraphs/tax/summary/summary.service.js";
import { forFilingStatus } from "../subgraphs/tax/tables/by-filing-status.js";
import { TaxTableCatalog } from "../subgraphs/tax/tables/table-catalog.js";
import { ServerProcess } from "./gateway/process.js";
import { createDatabase, databaseUrl, dropDatabase } from "./ledger/postgres.js";
import { bearer, graphql } from "./support/graphql.js";
import { reads } from "./support/reads.js";
import { positiveInteger } from "./support/settings.js";
import { serverEnv, startSubgraphs } from "./support/stack.js";
import { printTable } from "./support/table.js";
import { until } from "./support/wait.js";
import { writeReadModels } from "./tax/read-models.js";
import { differences, minorOf, SUMMARY, summaryProblems, usd } from "./tax/summary-check.js";
import { benchYear, generator, interleaved, jobUsers } from "./tax/year-data.js";

const REQUESTS = positiveInteger("BENCH_REQUESTS", 2000);
const TRANSACTIONS = positiveInteger("BENCH_TRANSACTIONS", 50_000);
const LOTS = positiveInteger("BENCH_LOTS", 2_000);
const SUMMARY_REQUESTS = positiveInteger("BENCH_SUMMARY_REQUESTS", 100);
const REPORT_REQUESTS = positiveInteger("BENCH_REPORT_REQUESTS", 10);
const USERS = positiveInteger("BENCH_USERS", 1_000);
/** Users with the large year: one per client of the 8-client run. */
const SUMMARY_USERS = 8;
const USER_LINES = 50;
const YEAR = 2025;
const PASSWORD = "plum-tractor-velvet-93";
const FILING_STATUS = "MARRIED_FILING_JOINTLY";
const OTHER_WITHHOLDING_MINOR = 150_000n;

const INCOME_TAX = `query($input: IncomeTaxInput!) { incomeTax(input: $input) { revision tax { amount currency } ordinaryTax { amount }
  capitalGainsTax { amount } marginalRatePercent effectiveRatePercent
  brackets { kind ratePercent from { amount } to { amount } amount { amount } tax { amount } } } }`;
const REPORT = `query($y: Int!) { taxYearReport(year: $y) { filename contentType rows csv } }`;

const started = performance.now();
const suffix = randomBytes(5).toString("hex");
const appDb = `moneta_bench_tax_${suffix}`;
const work = mkdtempSync(join(tmpdir(), "moneta-bench-tax-"));
const servers: ServerProcess[] = [];
const provider = new PostgresDatabaseProvider();
let created = false;
const cleanUp = async () => {
  await provider.close().catch(() => undefined);
  await Promise.allSettled(servers.map((s) => s.stop()));
  if (created) await dropDatabase(appDb);
  rmSync(work, { recursive: true, force: true });
};
process.once("SIGINT", () => void cleanUp().finally(() => process.exit(130)));

const timed = async <T>(work: () => Promise<T>) => {
  const t = performance.now();
  const result = await work();
  return { result, ms: performance.now() - t };
};

const nonNegative = (m: bigint) => (m > 0n ? m : 0n);

try {
  await createDatabase(appDb);
  created = true;
  const { env } = await serverEnv({ DATABASE_URL: databaseUrl(appDb), REDIS_URL: "", KAFKA_BROKERS: "" });
  const stack = await startSubgraphs(env, work);
  servers.push(stack.subgraphs);
  const gateway = await ServerProcess.start("gateway", "../ledger/gateway.server.ts", stack.gatewayEnv);
  servers.push(gateway);
  const gatewayUrl = gateway.info.url as string;
  const { dataSource } = await provider.open("tax", { entities: tax.entities, migrations: tax.migrations }, databaseUrl(appDb));
  const catalog = TaxTableCatalog.fromDirectory();
  const table = catalog.resolve("US", YEAR);
  /** How many subgraph fetches the gateway has answered with an identical one already in flight. */
  const sharedFetches = async () => {
    const text = await (await fetch(new URL("/metrics", gatewayUrl))).text();
    return Number(/^subgraph_fetches_deduplicated_total\{subgraph="tax"\} (\d+)/m.exec(text)?.[1] ?? 0);
  };

  const seeded = performance.now();
  const users = await Promise.all(
    Array.from({ length: SUMMARY_USERS }, async (_, n) => {
      const registered = (
        await graphql(
          gatewayUrl,
          `
            mutation ($i: RegisterInput!) {
              register(input: $i) {
                accessToken
                user {
                  id
                }
              }
            }
          `,
          {
            i: { email: `bench.tax.${n}.${suffix}@example.com`, password: PASSWORD, displayName: `Bench ${n}` },
          },
        )
      ).data.register;
      const headers = bearer(registered.accessToken as string);
      const userId = registered.user.id as string;
      return {
        userId,
        // The same seed for each: the same year, under each user's own ids.
        year: benchYear(userId, YEAR, TRANSACTIONS, LOTS),
        call: async (query: string, variables: Record<string, unknown>) => (await graphql(gatewayUrl, query, variables, headers)).data,
      };
    }),
  );
  const job = jobUsers(USERS, YEAR, USER_LINES);
  await writeReadModels(dataSource, interleaved(users.map((u) => u.year.rows)));
  await writeReadModels(dataSource, job.rows);
  await dataSource.query(`VACUUM ANALYZE tax.categories, tax.ledger_lines, tax.realized_lots, tax.investment_income`);
  for (const user of users) {
    await user.call(`mutation($i: SetTaxProfileInput!) { setTaxProfile(input: $i) { year } }`, {
      i: {
        year: YEAR,
        jurisdiction: "US",
        filingStatus: FILING_STATUS,
        dependants: 2,
        dividendsQualified: true,
        otherWithholding: { amount: usd(OTHER_WITHHOLDING_MINOR), currency: "USD" },
        categories: user.year.overrides,
      },
    });
  }
  // The subgraphs' own estimate job picks the years up (setTaxProfile marked them): let it finish first.
  const stored = await until("the users' estimates", 60_000, async () => {
    const rows: Array<{ user_id: string; tax: string | null }> = await dataSource.query(
      `SELECT user_id, estimated_tax_minor::text AS tax FROM tax.estimates WHERE user_id = ANY($1::uuid[]) AND year = $2 AND NOT dirty`,
      [users.map((u) => u.userId), YEAR],
    );
    return rows.length === users.length ? new Map(rows.map((r) => [r.user_id, r.tax])) : undefined;
  });
  const seedSeconds = (performance.now() - seeded) / 1000;
  const [sizes]: Array<Record<string, number>> = await dataSource.query(
    `SELECT (SELECT count(*) FROM tax.ledger_lines)::int AS lines, (SELECT count(*) FROM tax.realized_lots)::int AS lots,
            (SELECT count(*) FROM tax.investment_income)::int AS income, (SELECT count(*) FROM tax.categories)::int AS categories`,
  );
  const main = users[0]!;
  const e = main.year.expected;

  console.log(`tax benchmark: PostgreSQL at ${new URL(databaseUrl(appDb)).host} (fresh database), in-process event bus, no Redis`);
  console.log(
    `subgraphs in one child process, gateway in another (rate limits off), requests and the estimate job from this one; ${availableParallelism()} cores shared`,
  );
  console.log(
    `read models: ${sizes!.lines} ledger lines, ${sizes!.lots} realized lots, ${sizes!.income} dividend/interest payments, ${sizes!.categories} categories ` +
      `(${SUMMARY_USERS} users with the large year, ${USERS} job users, the defaults of registration); written in ${seedSeconds.toFixed(1)} s`,
  );

  // 1. incomeTax: each request another question, each answer checked against the calculator here.
  const calculator = new IncomeTaxService(catalog);
  const random = generator(3);
  const statuses = ["SINGLE", "MARRIED_FILING_JOINTLY", "MARRIED_FILING_SEPARATELY", "HEAD_OF_HOUSEHOLD"];
  const questions = Array.from({ length: Math.min(REQUESTS, 1000) }, (_, i) => {
    const taxableMinor = BigInt(Math.floor(random() * 1_500_000_00)) - 1_000_00n;
    const qualifiedMinor = i % 3 === 0 && taxableMinor > 0n ? (taxableMinor * BigInt(Math.floor(random() * 100))) / 100n : null;
    const q = {
      jurisdiction: "US",
      year: i % 2 === 0 ? 2024 : 2025,
      filingStatus: statuses[i % 4]!,
      revision: i % 10 === 5 ? "REV_PROC_2024_40" : null,
    };
    const answer = calculator.compute({
      ...q,
      taxableIncome: money(taxableMinor, "USD"),
      qualifiedIncome: qualifiedMinor === null ? null : money(qualifiedMinor, "USD"),
    });
    const input = {
      ...q,
      taxableIncome: { amount: usd(taxableMinor), currency: "USD" },
      ...(qualifiedMinor !== null && { qualifiedIncome: { amount: usd(qualifiedMinor), currency: "USD" } }),
    };
    return { input, taxableMinor, revision: answer.table.revision, taxMinor: answer.result.taxMinor };
  });
  let asked = 0;
  const askIncomeTax = async () => {
    const q = questions[asked++ % questions.length]!;
    const c = (await main.call(INCOME_TAX, { input: q.input })).incomeTax;
    const taxMinor = minorOf(c.tax.amount);
    const bracketsMinor = (c.brackets as Array<{ tax: { amount: string } }>).reduce((sum, b) => sum + minorOf(b.tax.amount), 0n);
    return (
      taxMinor === q.taxMinor &&
      c.revision === q.revision &&
      minorOf(c.ordinaryTax.amount) + minorOf(c.capitalGainsTax.amount) === taxMinor &&
      bracketsMinor === taxMinor &&
      taxMinor >= 0n &&
      taxMinor * 100n <= nonNegative(q.taxableMinor) * 37n
    );
  };
  await reads(4, 100, askIncomeTax);
  const incomeTaxRuns = [];
  for (const clients of [1, 8]) incomeTaxRuns.push({ clients, ...(await reads(clients, REQUESTS, askIncomeTax)) });

  // 2. The year summary and its report; each user's first answer checked figure by figure.
  const firsts = await Promise.all(users.map(async (u) => (await u.call(SUMMARY, { y: YEAR })).taxYearSummary));
  const first = firsts[0];
  const summaryChecks = users.map((u, i) =>
    summaryProblems(firsts[i], {
      table,
      filingStatus: FILING_STATUS,
      otherWithholdingMinor: OTHER_WITHHOLDING_MINOR,
      expected: u.year.expected,
      storedEstimateMinor: stored.get(u.userId) ?? null,
    }),
  );
  const wrongUsers = summaryChecks.filter((problems) => problems.length > 0).length;
  const fingerprints = firsts.map((s) => JSON.stringify(s));
  const readSummary = (user: (client: number) => number) => async (client: number) => {
    const k = user(client);
    return JSON.stringify((await users[k]!.call(SUMMARY, { y: YEAR })).taxYearSummary) === fingerprints[k];
  };
  await reads(
    SUMMARY_USERS,
    2 * SUMMARY_USERS,
    readSummary((client) => client),
  );
  const summaryRuns = [];
  for (const [label, clients, user] of [
    ["1 client", 1, () => 0],
    ["8 clients, one user", 8, () => 0],
    ["8 clients, 8 users", 8, (client: number) => client],
  ] as const) {
    const sharedBefore = await sharedFetches();
    const run = await reads(clients, SUMMARY_REQUESTS, readSummary(user));
    summaryRuns.push({ label, ...run, shared: (await sharedFetches()) - sharedBefore });
  }

  const report = (await main.call(REPORT, { y: YEAR })).taxYearReport;
  const csvBytes = Buffer.byteLength(report.csv as string);
  const reportProblems = differences([
    ["report rows", report.rows, e.reportRows],
    ["report CSV lines", (report.csv as string).trimEnd().split("\n").length, e.reportRows + 1],
    ["report filename", report.filename, `tax-us-${YEAR}.csv`],
  ]);
  const readReport = async () => {
    const again = (await main.call(REPORT, { y: YEAR })).taxYearReport;
    return again.rows === report.rows && again.csv === report.csv;
  };
  await readReport();
  const reportRun = await reads(1, REPORT_REQUESTS, readReport);

  // 3. The estimate job, alone: the servers stop first, so their own job takes no share.
  await Promise.allSettled(servers.map((s) => s.stop()));
  const jobIds = job.users.map((u) => u.userId);
  const markDirty = () =>
    dataSource.query(
      `INSERT INTO tax.estimates (user_id, year, dirty) SELECT u, $2, true FROM unnest($1::uuid[]) AS u
       ON CONFLICT (user_id, year) DO UPDATE SET dirty = true, revision = NULL, currency = NULL, estimated_tax_minor = NULL,
         withheld_minor = NULL, left_to_pay_minor = NULL, computed_at = NULL`,
      [jobIds, YEAR],
    );
  const outboxed = async () =>
    (
      (await dataSource.query(`SELECT count(*)::int AS n FROM tax.outbox WHERE type = 'TaxEstimateChanged'`)) as Array<{
        n: number;
      }>
    )[0]!.n;
  await markDirty();
  await dataSource.query(`ANALYZE tax.estimates`);
  const estimates = new EstimateStore(dataSource);
  const summaries = new TaxSummaryService(
    dataSource,
    catalog,
    new TaxProfileService(dataSource, systemClock, catalog, estimates, new UserSettingsStore(dataSource, systemClock)),
    new LedgerCategoryTree("tax", dataSource),
    new LedgerLineStore(dataSource),
    new InvestmentActivityStore(dataSource),
  );
  const estimateJob = () =>
    new EstimateJob(dataSource, systemClock, estimates, summaries, new Outbox("tax", systemClock, randomIds), pino({ level: "silent" }));
  const dirtyBefore = await estimates.pending();
  const eventsBefore = await outboxed();
  const firstRun = await timed(() => estimateJob().runPending(USERS));
  const eventsFirst = (await outboxed()) - eventsBefore;

  // Every estimate is the calculator on salary + net gain (a loss only to the limit) − the standard deduction.
  const standard = forFilingStatus(table, table.standardDeduction, "SINGLE");
  const singleLossLimit = forFilingStatus(table, table.capitalLossLimit, "SINGLE");
  const storedRows: Array<{ user_id: string; tax: string | null; withheld: string | null; left: string | null; dirty: boolean }> =
    await dataSource.query(
      `SELECT user_id, dirty, estimated_tax_minor::text AS tax, withheld_minor::text AS withheld, left_to_pay_minor::text AS left
       FROM tax.estimates WHERE user_id = ANY($1::uuid[]) AND year = $2`,
      [jobIds, YEAR],
    );
  const byUser = new Map(storedRows.map((r) => [r.user_id, r]));
  let wrongEstimates = 0;
  for (const u of job.users) {
    const gain = u.gainMinor > 0n ? u.gainMinor : -(-u.gainMinor < singleLossLimit ? -u.gainMinor : singleLossLimit);
    const taxable = nonNegative(u.salaryMinor + gain - standard);
    const taxMinor = computeIncomeTax({ table, filingStatus: "SINGLE", taxableIncomeMinor: taxable, qualifiedIncomeMinor: 0n }).taxMinor;
    const row = byUser.get(u.userId);
    if (
      !row ||
      row.dirty ||
      row.tax !== taxMinor.toString() ||
      row.withheld !== u.withheldMinor.toString() ||
      row.left !== (taxMinor - u.withheldMinor).toString()
    )
      wrongEstimates++;
  }
  const againRun = await timed(() => estimateJob().runPending(USERS));
  const eventsAgain = (await outboxed()) - eventsBefore - eventsFirst;
  await markDirty();
  const eventsBeforeRace = await outboxed();
  const raced = await timed(() => Promise.all([estimateJob().runPending(USERS), estimateJob().runPending(USERS)]));
  const racedTotal = raced.result[0] + raced.result[1];
  const eventsRaced = (await outboxed()) - eventsBeforeRace;
  const leftDirty = await estimates.pending();

  const ms = (value: number) => value.toFixed(1);
  console.log(`\nincomeTax (every field, brackets included) through the gateway, ${REQUESTS} requests per client count, each checked`);
  printTable(
    ["clients", "requests/s", "p50 ms", "p99 ms", "max ms", "wrong answers"],
    incomeTaxRuns.map((r) => [String(r.clients), r.perSecond.toFixed(0), ms(r.p50), ms(r.p99), ms(r.max), String(r.bad)]),
  );
  console.log(
    `\ntaxYearSummary(year: ${YEAR}) (every field) through the gateway, each user with ${TRANSACTIONS} transactions in the year ` +
      `(${main.year.rows.lines.length} lines: splits, and a tenth more around the year), ${LOTS} lots and ${Math.ceil(LOTS / 10)} payments; ` +
      `${SUMMARY_REQUESTS} requests per row`,
  );
  printTable(
    ["clients", "requests/s", "p50 ms", "p99 ms", "max ms", "fetches shared in flight", "wrong answers"],
    summaryRuns.map((r) => [r.label, r.perSecond.toFixed(1), ms(r.p50), ms(r.p99), ms(r.max), String(r.shared), String(r.bad)]),
  );
  console.log(
    `figures (each user): gross income ${first.grossIncome.amount}, AGI ${first.adjustedGrossIncome.amount}, ${first.deduction.chosen} deduction ` +
      `${first.deduction.amount.amount} (standard ${first.deduction.standard.amount}), taxable ${first.taxableIncome.amount} ` +
      `(qualified ${first.qualifiedIncome.amount}), estimated tax ${first.estimatedTax.amount}, withheld ${first.withheld.amount}, ` +
      `left to pay ${first.leftToPay.amount}; ${first.categories.length} categories counted, ${first.unconvertedItems} items left out (EUR without a USD amount)`,
  );
  console.log(
    `checked against the seeded rows: ${wrongUsers === 0 ? `all figures as expected for all ${SUMMARY_USERS} users` : summaryChecks.flat().slice(0, 10).join("; ")}`,
  );
  console.log(`\ntaxYearReport(year: ${YEAR}) through the gateway, 1 client, ${REPORT_REQUESTS} requests`);
  printTable(
    ["rows", "CSV bytes", "p50 ms", "p99 ms", "max ms", "wrong answers"],
    [[String(report.rows), String(csvBytes), ms(reportRun.p50), ms(reportRun.p99), ms(reportRun.max), String(reportRun.bad)]],
  );
  console.log(
    `checked: ${reportProblems.length === 0 ? "rows as expected (figures, every counted line, payment and lot)" : reportProblems.join("; ")}`,
  );
  console.log(
    `\nestimate job (EstimateJob.runPending from this process, its own pool; servers stopped), ${USERS} users' ${YEAR} dirty, ${USER_LINES} lines and 5 lots each`,
  );
  printTable(
    ["run", "recomputed", "seconds", "estimates/s", "TaxEstimateChanged"],
    [
      [
        "first",
        String(firstRun.result),
        (firstRun.ms / 1000).toFixed(2),
        (firstRun.result / (firstRun.ms / 1000)).toFixed(0),
        String(eventsFirst),
      ],
      ["again, nothing dirty", String(againRun.result), (againRun.ms / 1000).toFixed(2), "-", String(eventsAgain)],
      [
        "first, two instances racing",
        String(racedTotal),
        (raced.ms / 1000).toFixed(2),
        (racedTotal / (raced.ms / 1000)).toFixed(0),
        String(eventsRaced),
      ],
    ],
  );
  console.log(
    `dirty before the first run: ${dirtyBefore}, after the race: ${leftDirty}; estimates differing from the calculator: ${wrongEstimates} of ${USERS}`,
  );
  console.log(`total time ${((performance.now() - started) / 1000).toFixed(0)} s`);
  if (
    incomeTaxRuns.some((r) => r.bad > 0) ||
    summaryRuns.some((r) => r.bad > 0) ||
    reportRun.bad > 0 ||
    wrongUsers > 0 ||
    reportProblems.length > 0 ||
    firstRun.result !== USERS ||
    eventsFirst !== USERS ||
    againRun.result !== 0 ||
    eventsAgain !== 0 ||
    racedTotal !== USERS ||
    eventsRaced !== USERS ||
    leftDirty !== 0 ||
    wrongEstimates > 0
  )
    process.exitCode = 1;
} finally {
  await cleanUp();
}
