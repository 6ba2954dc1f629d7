/**
 * `npx tsx bench/pglite.ts`: what moving the embedded database into a worker thread costs and
 * buys. Sequential `SELECT 1` round trips per second on PGlite in this thread vs through the
 * worker (raw and through TypeORM), and how late a 10 ms timer fires while one heavy statement
 * runs in each.
 */
import "reflect-metadata";

import { PGlite } from "@electric-sql/pglite";
import { DataSource } from "typeorm";

import { createPgliteDriver, PgliteProxy } from "../platform/db/pglite/index.js";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const HEAVY = `SELECT count(*) FROM generate_series(1, 2500000) g WHERE md5(g::text) LIKE 'a%'`;

async function perSecond(run: () => Promise<unknown>): Promise<number> {
  for (const end = performance.now() + 300; performance.now() < end;) await run(); // warm-up
  let n = 0;
  const end = performance.now() + SECONDS * 1000;
  while (performance.now() < end) {
    await run();
    n++;
  }
  return Math.round(n / SECONDS);
}

async function timerLag(run: () => Promise<unknown>): Promise<string> {
  let max = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last - 10);
    last = now;
  }, 10);
  const started = performance.now();
  await run();
  const took = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 30));
  clearInterval(timer);
  return `statement ${Math.round(took)} ms, timer up to ${Math.round(max)} ms late`;
}

const local = new PGlite();
await local.waitReady;
console.log(`in this thread   SELECT 1: ${await perSecond(() => local.query("SELECT 1"))}/s`);
console.log(`in this thread   heavy:    ${await timerLag(() => local.query(HEAVY))}`);
await local.close();

const worker = await PgliteProxy.start();
console.log(`worker (raw)     SELECT 1: ${await perSecond(() => worker.query("SELECT 1"))}/s`);
const ds = new DataSource({ type: "postgres", driver: createPgliteDriver(worker), logging: false });
await ds.initialize();
console.log(`worker (TypeORM) SELECT 1: ${await perSecond(() => ds.query("SELECT 1"))}/s`);
console.log(`worker           heavy:    ${await timerLag(() => worker.query(HEAVY))}`);
await ds.destroy();
await worker.close();
