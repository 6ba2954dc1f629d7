import { pino } from "pino";
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type DatabaseProvider, PgliteDatabaseProvider, PostgresDatabaseProvider } from "../db/database.js";
import type { Notifier } from "../db/notifier.js";
import { badInput } from "../errors/errors.js";
import { eventually } from "../testing/eventually.js";
import { realServices, uniqueSuffix } from "../testing/services.js";
import { FixedClock } from "../time/clock.js";
import { randomIds } from "../time/ids.js";
import type { JobHandler, JobRecord } from "./job.js";
import { JobQueue } from "./job-queue.js";
import { JobRunner } from "./job-runner.js";

class CreateEffects1763769609998 implements MigrationInterface {
  name = "CreateEffects1763769609998";
  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = (queryRunner.connection.options as { schema: string }).schema;
    await queryRunner.query(`CREATE TABLE "${schema}".effects (job_id uuid NOT NULL, n int NOT NULL, owner text NOT NULL)`);
  }
  async down(): Promise<void> {}
}

const silent = pino({ level: "silent" });

interface CountPayload {
  to: number;
}

/** A job that writes one effect row per step: 1, 2, ... `to`. Hooks let a test hold or break a step. */
function counter(
  schema: string,
  hooks: { beforeStep?(job: JobRecord, n: number): Promise<void> | void; failed?: string[] } = {},
): JobHandler<CountPayload, { n: number }> {
  return {
    kind: "count",
    open: (job) => {
      let n = job.cursor?.n ?? 0;
      return {
        step: async (manager: EntityManager) => {
          const next = n + 1;
          await hooks.beforeStep?.(job, next);
          const [{ owner }] = await manager.query(`SELECT locked_by AS owner FROM "${schema}".jobs WHERE id = $1`, [job.id]);
          await manager.query(`INSERT INTO "${schema}".effects (job_id, n, owner) VALUES ($1, $2, $3)`, [job.id, next, owner]);
          n = next;
          return { cursor: { n }, progress: { done: n, total: job.payload.to }, done: n >= job.payload.to };
        },
      };
    },
    failed: async (_manager, job, message) => void hooks.failed?.push(`${job.id}: ${message}`),
  };
}

const modes: Array<[string, () => DatabaseProvider | Promise<DatabaseProvider>]> = [
  ["PostgreSQL", () => new PostgresDatabaseProvider(realServices().databaseUrl)],
  ["embedded PGlite", () => PgliteDatabaseProvider.create()],
];

describe.each(modes)("job runner on %s", (_mode, provide) => {
  let database: DatabaseProvider;
  let dataSource: DataSource;
  let notifier: Notifier;
  let schema: string;
  let queue: JobQueue;
  const clock = new FixedClock("2026-11-10T12:00:00Z");
  const runners: JobRunner[] = [];

  beforeAll(async () => {
    database = await provide();
    schema = `jobs_${uniqueSuffix()}`;
    ({ dataSource, notifier } = await database.open(schema, { entities: [], migrations: [CreateEffects1763769609998] }));
    queue = new JobQueue(schema, clock, randomIds);
  });
  afterAll(async () => {
    for (const runner of runners) await runner.stop();
    if (database.kind === "postgres") await dataSource?.query(`DROP SCHEMA "${schema}" CASCADE`);
    await database?.close();
  });

  const runner = (handler: JobHandler, options: { owner?: string; leaseMs?: number; retentionMs?: number } = {}) => {
    const r = new JobRunner({ dataSource, schema, clock, logger: silent, handlers: [handler], notifier, pollIntervalMs: 50, ...options });
    runners.push(r);
    return r;
  };
  const enqueue = (to: number, kind = "count") => dataSource.transaction((m) => queue.enqueue(m, { kind, userId: "u1", payload: { to } }));
  const job = async (id: string) =>
    (
      await dataSource.query(
        `SELECT status, cursor, progress, attempts, error, locked_by, run_after, finished_at FROM "${schema}".jobs WHERE id = $1`,
        [id],
      )
    )[0];
  const effects = async (id: string): Promise<number[]> =>
    (await dataSource.query(`SELECT n FROM "${schema}".effects WHERE job_id = $1 ORDER BY n`, [id])).map((r: { n: number }) => r.n);
  const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

  it("runs a job as steps, each effect exactly once, and records completion with the clock's time", async () => {
    const r = runner(counter(schema));
    await r.start();
    const id = await enqueue(5);
    await eventually(async () => expect((await job(id)).status).toBe("COMPLETED"));
    expect(await effects(id)).toEqual(range(5));
    const done = await job(id);
    expect(done).toMatchObject({ cursor: { n: 5 }, progress: { done: 5, total: 5 }, attempts: 0, error: null, locked_by: null });
    expect(new Date(done.finished_at).toISOString()).toBe(clock.now().toISOString());
    await r.stop();
  });

  it("never runs one job on two instances at once", async () => {
    const a = runner(counter(schema), { owner: "a" });
    const b = runner(counter(schema), { owner: "b" });
    await Promise.all([a.start(), b.start()]);
    const ids = await Promise.all(range(6).map(() => enqueue(4)));
    await eventually(async () => {
      for (const id of ids) expect((await job(id)).status).toBe("COMPLETED");
    });
    for (const id of ids) {
      expect(await effects(id)).toEqual(range(4));
      const owners = await dataSource.query(`SELECT DISTINCT owner FROM "${schema}".effects WHERE job_id = $1`, [id]);
      expect(owners).toHaveLength(1);
    }
    await Promise.all([a.stop(), b.stop()]);
  });

  it("stops cleanly between steps, hands the job back, and a new runner resumes from the cursor", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let reached = false;
    const first = runner(
      counter(schema, {
        beforeStep: async (_job, n) => {
          if (n === 3) {
            reached = true;
            await held;
          }
        },
      }),
      { owner: "first" },
    );
    await first.start();
    const id = await enqueue(6);
    await eventually(() => expect(reached).toBe(true));
    const stopping = first.stop();
    release();
    await stopping;
    // Step 3 was under way when stop was asked: it finished and committed; no step 4 started.
    expect(await effects(id)).toEqual([1, 2, 3]);
    expect(await job(id)).toMatchObject({ status: "QUEUED", cursor: { n: 3 }, locked_by: null, attempts: 0 });

    const second = runner(counter(schema), { owner: "second" });
    await second.start();
    await eventually(async () => expect((await job(id)).status).toBe("COMPLETED"));
    expect(await effects(id)).toEqual(range(6));
    await second.stop();
  });

  it("takes over a job whose instance died, once its lease has expired, from the last committed step", async () => {
    const id = await enqueue(5);
    // What a dead instance leaves behind: RUNNING, its lease, two steps committed.
    await dataSource.query(`INSERT INTO "${schema}".effects (job_id, n, owner) VALUES ($1, 1, 'dead'), ($1, 2, 'dead')`, [id]);
    await dataSource.query(
      `UPDATE "${schema}".jobs SET status = 'RUNNING', locked_by = 'dead', locked_until = $2, cursor = '{"n":2}' WHERE id = $1`,
      [id, new Date(clock.now().getTime() + 30_000)],
    );
    const survivor = runner(counter(schema), { owner: "survivor" });
    await survivor.start();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await job(id)).toMatchObject({ status: "RUNNING", locked_by: "dead" });
    clock.advance(30_001);
    survivor.wake();
    await eventually(async () => expect((await job(id)).status).toBe("COMPLETED"));
    expect(await effects(id)).toEqual(range(5));
    expect((await job(id)).attempts).toBe(1);
    await survivor.stop();
  });

  it("retries an unexpected failure after a backoff from the last cursor, and FAILS it, masked, after the last attempt", async () => {
    let breaks = 1;
    const failed: string[] = [];
    const flaky = runner(
      counter(schema, {
        failed,
        beforeStep: (_job, n) => {
          if (n === 2 && breaks-- > 0) throw new Error("connection reset by a gremlin");
        },
      }),
    );
    await flaky.start();
    const id = await enqueue(3);
    await eventually(async () => expect(await job(id)).toMatchObject({ status: "QUEUED", attempts: 1, cursor: { n: 1 } }));
    const queued = await job(id);
    expect(queued.error).toBe(`the job stopped on an unexpected error (job ${id})`);
    expect(new Date(queued.run_after).getTime()).toBe(clock.now().getTime() + 1_000);
    clock.advance(1_000);
    flaky.wake();
    await eventually(async () => expect((await job(id)).status).toBe("COMPLETED"));
    expect(await effects(id)).toEqual([1, 2, 3]);
    await flaky.stop();

    const broken = runner(
      counter(schema, {
        failed,
        beforeStep: () => {
          throw new Error("disk on fire at /var/secret");
        },
      }),
    );
    await broken.start();
    const doomed = await enqueue(3);
    for (const [attempts, wait] of [
      [1, 1_000],
      [2, 2_000],
    ] as const) {
      await eventually(async () => expect(await job(doomed)).toMatchObject({ status: "QUEUED", attempts }));
      clock.advance(wait);
      broken.wake();
    }
    await eventually(async () => expect((await job(doomed)).status).toBe("FAILED"));
    expect(await job(doomed)).toMatchObject({
      attempts: 3,
      error: `the job stopped on an unexpected error (job ${doomed})`,
      locked_by: null,
    });
    expect(failed).toEqual([`${doomed}: the job stopped on an unexpected error (job ${doomed})`]);
    await broken.stop();
  });

  it("fails at once, with its message, on an error written for the user", async () => {
    const failed: string[] = [];
    const picky = runner(
      counter(schema, {
        failed,
        beforeStep: () => {
          throw badInput("the file is too long");
        },
      }),
    );
    await picky.start();
    const id = await enqueue(2);
    await eventually(async () => expect(await job(id)).toMatchObject({ status: "FAILED", attempts: 1, error: "the file is too long" }));
    expect(failed).toEqual([`${id}: the file is too long`]);
    await picky.stop();
  });

  it("deletes finished jobs once past retention, and only those", async () => {
    const [old, recent] = [await enqueue(1, "archived"), await enqueue(1, "archived")];
    const finished = (id: string, daysAgo: number) =>
      dataSource.query(`UPDATE "${schema}".jobs SET status = 'COMPLETED', finished_at = $2 WHERE id = $1`, [
        id,
        new Date(clock.now().getTime() - daysAgo * 86_400_000),
      ]);
    await finished(old, 8);
    await finished(recent, 6);
    const r = runner(counter(schema), { retentionMs: 7 * 86_400_000 });
    await r.start();
    await eventually(async () => expect(await job(old)).toBeUndefined());
    expect((await job(recent)).status).toBe("COMPLETED");
    await r.stop();
  });

  it("removes a user's jobs on purge", async () => {
    const id = await enqueue(1, "nobody-runs-this");
    await dataSource.transaction((m) => JobQueue.purgeUser(m, schema, "u1"));
    expect(await job(id)).toBeUndefined();
  });
});
