/**
 * `npm run bench:lending`: lending on real PostgreSQL.
 *   1. The whole schedule of a 360-month loan (every field of its 360 rows) read through our gateway,
 *      at 1 and 8 concurrent clients: requests/s, p50/p99 (each response checked: 360 rows, no errors).
 *   2. The daily overdue job over 1,000 loans, each with one installment past its grace and one to
 *      remind: the first run (1,000 marked OVERDUE with their late fee, 1,000 InstallmentDue, every
 *      event in the outbox) and a second run the same day (nothing left to do), each timed, and the
 *      same first run split across two job instances at once.
 * Subgraphs (one process, in-process event bus) and the gateway each run in a child process; the
 * requests and the job run from here, the job on its own connection pool to the same database.
 *
 * Settings:
 *   BENCH_REQUESTS   schedule reads per client count (default 400)
 *   BENCH_LOANS      loans for the overdue job (default 1000)
 *   BENCH_POSTGRES_URL  admin URL of the server (default postgres://postgres@127.0.0.1:5432)
 */
import "reflect-metadata";

import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";

import { pino } from "pino";

import { PostgresDatabaseProvider } from "../platform/db/index.js";
import { Outbox } from "../platform/events/index.js";
import { addDays, randomIds, systemClock, utcDay } from "../platform/time/index.js";
import { LoanEvents } from "../subgraphs/lending/loans/loan-events.js";
import { OverdueJob } from "../subgraphs/lending/overdue/overdue.job.js";
import { dueDate } from "../subgraphs/lending/schedule/due-dates.js";
import lending from "../subgraphs/lending/subgraph.js";
import { ServerProcess } from "./gateway/process.js";
import { createDatabase, databaseUrl, dropDatabase } from "./ledger/postgres.js";
import { reads } from "./support/reads.js";
import { serverEnv, startSubgraphs } from "./support/stack.js";

const num = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number`);
  return value;
};
const REQUESTS = num("BENCH_REQUESTS", 400);
const LOANS = num("BENCH_LOANS", 1000);
const PASSWORD = "plum-tractor-velvet-93";
const SCHEDULE = `query($id: ID!) { loan(id: $id) { id installmentAmount { amount } totalInterest { amount }
  schedule { number dueDate payment { amount currency } interest { amount } principal { amount } balance { amount } status lateFee { amount } amountDue { amount } } } }`;
const CREATE_LOAN = `mutation($i: CreateLoanInput!) { createLoan(input: $i) { id } }`;

const started = performance.now();
const suffix = randomBytes(5).toString("hex");
const appDb = `moneta_bench_${suffix}`;
const work = mkdtempSync(join(tmpdir(), "moneta-bench-lending-"));
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

async function post(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown };
  if (!response.ok || body.errors) throw new Error(`${query.slice(0, 50)}… answered ${response.status}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const timed = async <T>(work: () => Promise<T>) => {
  const t = performance.now();
  const result = await work();
  return { result, ms: performance.now() - t };
};

try {
  await createDatabase(appDb);
  created = true;
  const { env } = await serverEnv({
    DATABASE_URL: databaseUrl(appDb),
    REDIS_URL: "",
    KAFKA_BROKERS: "",
  });
  const stack = await startSubgraphs(env, work);
  servers.push(stack.subgraphs);
  const gateway = await ServerProcess.start("gateway", "../ledger/gateway.server.ts", stack.gatewayEnv);
  servers.push(gateway);
  const gatewayUrl = gateway.info.url as string;

  const signUp = async (n: number) => {
    const registered = await post(gatewayUrl, `mutation($i: RegisterInput!) { register(input: $i) { accessToken } }`, {
      i: { email: `bench.${n}.${suffix}@example.com`, password: PASSWORD, displayName: `Bench ${n}` },
    });
    const headers = { authorization: `Bearer ${registered.register.accessToken as string}` };
    const contact = (await post(gatewayUrl, `mutation { createContact(input: {name: "Sam"}) { id } }`, {}, headers)).createContact
      .id as string;
    return { headers, contact };
  };

  console.log(`lending benchmark: PostgreSQL at ${new URL(databaseUrl(appDb)).host} (fresh database), in-process event bus, no Redis`);
  console.log(
    `subgraphs in one child process, gateway in another (rate limits off), requests and the job from this one; ${availableParallelism()} cores shared`,
  );

  // 1. A 360-month schedule through the gateway.
  const reader = await signUp(0);
  const mortgage = (
    await post(
      gatewayUrl,
      CREATE_LOAN,
      {
        i: {
          name: "Mortgage",
          direction: "BORROWED",
          contactId: reader.contact,
          principal: { amount: "250000.00", currency: "EUR" },
          annualRatePercent: "4.5",
          termMonths: 360,
          startDate: "2024-01-31",
        },
      },
      reader.headers,
    )
  ).createLoan.id as string;
  const readSchedule = async () => {
    const data = await post(gatewayUrl, SCHEDULE, { id: mortgage }, reader.headers);
    return data.loan.schedule.length === 360 && data.loan.installmentAmount.amount === "1266.71";
  };
  await reads(4, 40, readSchedule);
  const scheduleRuns = [];
  for (const clients of [1, 8]) scheduleRuns.push({ clients, ...(await reads(clients, REQUESTS, readSchedule)) });

  // 2. The overdue job over LOANS loans: 12 months from a month away (the subgraphs' own timer, on
  // today's date, has nothing to do with them); the job is run for the day after the first due date.
  const start = addDays(utcDay(new Date()), 30);
  const users = await Promise.all(Array.from({ length: Math.ceil(LOANS / 250) }, (_, k) => signUp(k + 1)));
  let made = 0;
  await Promise.all(
    users.map(async (user, k) => {
      for (let i = k * 250; i < Math.min(LOANS, (k + 1) * 250); i++) {
        await post(
          gatewayUrl,
          CREATE_LOAN,
          {
            i: {
              name: `Loan ${i}`,
              direction: i % 2 === 0 ? "LENT" : "BORROWED",
              contactId: user.contact,
              principal: { amount: `${1000 + i}.00`, currency: "EUR" },
              annualRatePercent: "9.9",
              termMonths: 12,
              startDate: start,
              lateFee: i % 2 === 0 ? { flat: { amount: "15.00", currency: "EUR" } } : { percent: "5" },
              remindDaysBefore: 40,
            },
          },
          user.headers,
        );
        made++;
      }
    }),
  );

  const { dataSource } = await provider.open("lending", { entities: lending.entities, migrations: [] }, databaseUrl(appDb));
  const events = new LoanEvents(new Outbox("lending", systemClock, randomIds), () => utcDay(systemClock.now()));
  const job = () => new OverdueJob(dataSource, systemClock, events, pino({ level: "silent" }));
  // The mortgage of part 1 is long overdue on that day: written off, the job leaves it alone.
  await post(gatewayUrl, `mutation($id: ID!) { writeOffLoan(id: $id) { id } }`, { id: mortgage }, reader.headers);
  const overdueDay = addDays(dueDate(start, 1), 1);
  const first = await timed(() => job().run(overdueDay));
  const again = await timed(() => job().run(overdueDay));
  // The same first run on two instances at once: reset the marks and fees, then race.
  await dataSource.query(
    `UPDATE lending.installments SET overdue_at = NULL, reminded_at = NULL, late_fee_minor = 0, status = 'PENDING' WHERE status <> 'PAID'`,
  );
  await dataSource.query(`UPDATE lending.loans SET status = 'ACTIVE' WHERE status = 'OVERDUE'`);
  const raced = await timed(() => Promise.all([job().run(overdueDay), job().run(overdueDay)]));
  const racedTotal = raced.result.reduce((sum, r) => ({ overdue: sum.overdue + r.overdue, reminded: sum.reminded + r.reminded }), {
    overdue: 0,
    reminded: 0,
  });
  const [counts] = await dataSource.query(
    `SELECT (SELECT count(*) FROM lending.outbox WHERE type = 'InstallmentOverdue')::int AS overdue,
            (SELECT count(*) FROM lending.loans WHERE status = 'OVERDUE')::int AS loans`,
  );

  const ms = (value: number) => value.toFixed(1);
  console.log(`\n360-month schedule (360 rows, every field) through the gateway, ${REQUESTS} reads per client count`);
  console.log(`| clients | reads/s | p50 ms | p99 ms | max ms | wrong answers |`);
  console.log(`|--------:|--------:|-------:|-------:|-------:|--------------:|`);
  for (const r of scheduleRuns)
    console.log(`| ${r.clients} | ${r.perSecond.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.bad} |`);
  console.log(`\ndaily overdue job over ${made} loans (12 months each), run for ${overdueDay}`);
  console.log(`| run | marked overdue | reminded | seconds |`);
  console.log(`|-----|---------------:|---------:|--------:|`);
  console.log(`| first | ${first.result.overdue} | ${first.result.reminded} | ${(first.ms / 1000).toFixed(2)} |`);
  console.log(`| again, same day | ${again.result.overdue} | ${again.result.reminded} | ${(again.ms / 1000).toFixed(2)} |`);
  console.log(`| first, two instances racing | ${racedTotal.overdue} | ${racedTotal.reminded} | ${(raced.ms / 1000).toFixed(2)} |`);
  console.log(
    `InstallmentOverdue events in the outbox: ${counts.overdue} (2 × ${made} expected: the race ran after a reset); loans OVERDUE: ${counts.loans}`,
  );
  console.log(`total time ${((performance.now() - started) / 1000).toFixed(0)} s`);
  if (
    scheduleRuns.some((r) => r.bad > 0) ||
    first.result.overdue !== made ||
    again.result.overdue !== 0 ||
    racedTotal.overdue !== made ||
    counts.overdue !== 2 * made
  )
    process.exitCode = 1;
} finally {
  await cleanUp();
}
