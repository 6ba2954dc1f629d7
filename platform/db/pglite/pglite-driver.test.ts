import { randomUUID } from "node:crypto";

import pg from "pg";
import {
  Column,
  DataSource,
  Entity,
  type MigrationInterface,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  QueryFailedError,
  type QueryRunner,
} from "typeorm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createPgliteDriver, PgliteProxy, withPgliteSession } from "./index.js";

const SCHEMA = "pglite_driver_test";
const MIGRATIONS_TABLE = "typeorm_migrations";

// Explicit column types everywhere: vitest compiles with esbuild, which emits no decorator metadata.
@Entity({ name: "entry", schema: SCHEMA })
class Entry {
  @PrimaryColumn("uuid")
  id!: string;

  @Column("text")
  label!: string;

  @Column("bigint", { name: "amount_minor" })
  amountMinor!: string;

  @Column("numeric", { precision: 12, scale: 4 })
  rate!: string;

  @Column("timestamptz", { name: "booked_at" })
  bookedAt!: Date;

  @Column("date", { name: "value_date" })
  valueDate!: string;

  @Column("jsonb")
  meta!: Record<string, string | number | boolean | object | null>;

  @Column("boolean")
  cleared!: boolean;

  @Column("text", { array: true })
  tags!: string[];
}

@Entity({ name: "counter", schema: SCHEMA })
class Counter {
  @PrimaryColumn("text")
  name!: string;

  @Column("integer")
  value!: number;
}

class CreateDriverTestTables1700000000000 implements MigrationInterface {
  name = "CreateDriverTestTables1700000000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    // One string, several statements: pg runs these through the simple protocol, so must we.
    await queryRunner.query(`
      CREATE TABLE "${SCHEMA}".entry (
        id uuid PRIMARY KEY,
        label text NOT NULL CONSTRAINT entry_label_key UNIQUE,
        amount_minor bigint NOT NULL,
        rate numeric(12, 4) NOT NULL,
        booked_at timestamptz NOT NULL,
        value_date date NOT NULL,
        meta jsonb NOT NULL,
        cleared boolean NOT NULL,
        tags text[] NOT NULL DEFAULT '{}'
      );
      CREATE TABLE "${SCHEMA}".counter (name text PRIMARY KEY, value integer NOT NULL);
      INSERT INTO "${SCHEMA}".counter (name, value) VALUES ('seed', 0);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${SCHEMA}".counter; DROP TABLE "${SCHEMA}".entry`);
  }
}

function dataSourceFor(db: PgliteProxy): DataSource {
  return new DataSource({
    type: "postgres",
    driver: createPgliteDriver(db),
    schema: SCHEMA,
    entities: [Entry, Counter],
    migrations: [CreateDriverTestTables1700000000000],
    migrationsTableName: MIGRATIONS_TABLE,
    synchronize: false,
    migrationsRun: false,
    logging: false,
  });
}

function entry(label: string, overrides: Partial<Entry> = {}): Entry {
  return Object.assign(new Entry(), {
    id: randomUUID(),
    label,
    amountMinor: "0",
    rate: "1.0000",
    bookedAt: new Date("2024-03-05T10:20:30.123Z"),
    valueDate: "2024-03-05",
    meta: {},
    cleared: false,
    tags: [],
    ...overrides,
  });
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 2));

async function labels(ds: DataSource, prefix: string): Promise<string[]> {
  const rows: Array<{ label: string }> = await ds.query(`SELECT label FROM "${SCHEMA}".entry WHERE label LIKE $1 ORDER BY label`, [
    `${prefix}%`,
  ]);
  return rows.map((r) => r.label);
}

// Several tests start a fresh PGlite (initdb in WASM): seconds each, more on a busy machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

describe("PGlite driver for TypeORM", () => {
  let db: PgliteProxy;
  let ds: DataSource;
  const unhandled = vi.fn();

  beforeAll(async () => {
    process.on("unhandledRejection", unhandled);
    db = await PgliteProxy.start();
    ds = dataSourceFor(db);
    await ds.initialize();
    await ds.query(`CREATE SCHEMA IF NOT EXISTS "${SCHEMA}"`);
    await ds.runMigrations();
  });

  afterAll(async () => {
    process.off("unhandledRejection", unhandled);
    if (ds?.isInitialized) await ds.destroy();
    await db?.close();
  });

  it("(a) rolls back one transaction while a concurrent one commits, without interleaving them", async () => {
    const log: string[] = [];
    const rolledBack = ds.transaction(async (manager) => {
      log.push("A begin");
      await manager.insert(Entry, entry("a-1"));
      await tick();
      log.push("A middle");
      await manager.insert(Entry, entry("a-2"));
      await tick();
      log.push("A fail");
      throw new Error("abort A");
    });
    const committed = ds.transaction(async (manager) => {
      log.push("B begin");
      await manager.insert(Entry, entry("b-1"));
      await tick();
      log.push("B middle");
      await manager.insert(Entry, entry("b-2"));
      await tick();
      log.push("B commit");
    });

    const [a, b] = await Promise.allSettled([rolledBack, committed]);
    expect(a).toMatchObject({ status: "rejected", reason: new Error("abort A") });
    expect(b.status).toBe("fulfilled");
    expect(await labels(ds, "a-")).toEqual([]);
    expect(await labels(ds, "b-")).toEqual(["b-1", "b-2"]);
    // The session is handed out whole: B only starts once A has rolled back.
    expect(log).toEqual(["A begin", "A middle", "A fail", "B begin", "B middle", "B commit"]);
  });

  it("(a) holds other checkouts back until release, and rolls back a transaction left open", async () => {
    const holder = ds.createQueryRunner();
    await holder.startTransaction();
    await holder.manager.insert(Entry, entry("open-1"));

    let otherDone = false;
    const other = ds.query(`SELECT count(*) AS n FROM "${SCHEMA}".entry WHERE label = 'open-1'`).then((rows) => {
      otherDone = true;
      return rows as Array<{ n: string }>;
    });
    await tick();
    await tick();
    expect(otherDone).toBe(false);

    // Released mid-transaction (as after an error): the next holder must get a clean session.
    await holder.release();
    await holder.release();
    expect(await other).toEqual([{ n: "0" }]);
    expect(db.isInTransaction()).toBe(false);
    expect(await labels(ds, "open-")).toEqual([]);
  });

  it("(b) reports failed statements as QueryFailedError with the PG code and keeps working", async () => {
    const syntax = await ds.query("SELEC 1").catch((e: unknown) => e);
    expect(syntax).toBeInstanceOf(QueryFailedError);
    expect(syntax).toMatchObject({ code: "42601", message: expect.stringContaining("syntax error") });
    expect((syntax as QueryFailedError).driverError).toBeInstanceOf(pg.DatabaseError);

    await ds.getRepository(Entry).insert(entry("dup"));
    const duplicate = await ds
      .getRepository(Entry)
      .insert(entry("dup"))
      .catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(QueryFailedError);
    expect(duplicate).toMatchObject({
      code: "23505",
      constraint: "entry_label_key",
      table: "entry",
      schema: SCHEMA,
      detail: "Key (label)=(dup) already exists.",
    });

    // A failure inside a transaction aborts it; the session must still be usable afterwards.
    const inTx = await ds
      .transaction(async (manager) => {
        await manager.query("SELECT 1/0");
      })
      .catch((e: unknown) => e);
    expect(inTx).toMatchObject({ code: "22012" });

    await tick();
    expect(await ds.query("SELECT 41 + 1 AS answer")).toEqual([{ answer: 42 }]);
    expect(await ds.getRepository(Entry).countBy({ label: "dup" })).toBe(1);
    expect(unhandled).not.toHaveBeenCalled();
  });

  it("(c) rolls back everything written inside a failing dataSource.transaction", async () => {
    const failure = await ds
      .transaction(async (manager) => {
        await manager.insert(Entry, entry("c-1"));
        await manager.update(Counter, { name: "seed" }, { value: 999 });
        await manager.insert(Entry, entry("c-1")); // unique violation
      })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect(failure).toMatchObject({ code: "23505" });
    expect(await labels(ds, "c-")).toEqual([]);
    expect(await ds.getRepository(Counter).findOneByOrFail({ name: "seed" })).toMatchObject({ value: 0 });
  });

  it("(d) returns pg's types: bigint and numeric as strings, timestamptz as Date, jsonb parsed", async () => {
    const saved = entry("d-1", {
      amountMinor: "9007199254740993", // 2^53 + 1: must survive exactly
      rate: "12.3456",
      meta: { nested: { list: [1, "two"] }, ok: true },
      cleared: true,
      tags: ["x", "y,z", 'q"uote'],
    });
    await ds.getRepository(Entry).save(saved);
    const loaded = await ds.getRepository(Entry).findOneByOrFail({ id: saved.id });
    expect(loaded.amountMinor).toBe("9007199254740993");
    expect(loaded.rate).toBe("12.3456");
    expect(loaded.bookedAt).toBeInstanceOf(Date);
    expect(loaded.bookedAt.toISOString()).toBe("2024-03-05T10:20:30.123Z");
    expect(loaded.valueDate).toBe("2024-03-05");
    expect(loaded.meta).toEqual({ nested: { list: [1, "two"] }, ok: true });
    expect(loaded.cleared).toBe(true);
    expect(loaded.tags).toEqual(["x", "y,z", 'q"uote']);

    // Raw queries: node-postgres defaults exactly (date is a local-midnight Date, as in pg-types).
    const [raw] = (await ds.query(
      `SELECT 9007199254740993::int8 AS big, 1.50::numeric AS num, 7::int4 AS small, 1.5::float8 AS dbl,
              '2024-03-05'::date AS day, '2024-03-05T10:20:30Z'::timestamptz AS ts, '{"a":1}'::json AS js,
              ARRAY[1,2]::int8[] AS bigs, '\\x0102'::bytea AS bytes, NULL::text AS nothing, false AS no`,
    )) as Array<Record<string, unknown>>;
    expect(raw).toMatchObject({ big: "9007199254740993", num: "1.50", small: 7, dbl: 1.5, js: { a: 1 }, bigs: ["1", "2"] });
    expect(raw!.day).toEqual(new Date(2024, 2, 5));
    expect(raw!.ts).toEqual(new Date("2024-03-05T10:20:30Z"));
    expect(raw!.bytes).toEqual(Buffer.from([1, 2]));
    expect(raw!.nothing).toBeNull();
    expect(raw!.no).toBe(false);

    // Parameters go through pg's own encoding: Date, arrays, Buffer, objects, null.
    const [params] = (await ds.query(
      `SELECT $1::timestamptz AS ts, $2::uuid[] AS ids, $3::bytea AS bytes, $4::jsonb AS doc, $5::text AS nothing`,
      [new Date("2020-01-02T03:04:05.678Z"), [saved.id], Buffer.from("hi"), { k: ["v"] }, null],
    )) as Array<Record<string, unknown>>;
    expect(params).toEqual({
      ts: new Date("2020-01-02T03:04:05.678Z"),
      ids: [saved.id],
      bytes: Buffer.from("hi"),
      doc: { k: ["v"] },
      nothing: null,
    });
  });

  it("(e) serializes 50 concurrent read-then-write transactions, across DataSources sharing the PGlite", async () => {
    await ds.getRepository(Counter).insert({ name: "hits", value: 0 });
    // A second DataSource (as another subgraph schema would have) with its own driver object on the same PGlite.
    const sibling = dataSourceFor(db);
    await sibling.initialize();
    try {
      const increment = (source: DataSource) =>
        source.transaction(async (manager) => {
          const counter = await manager.findOneByOrFail(Counter, { name: "hits" });
          await tick();
          await manager.update(Counter, { name: "hits" }, { value: counter.value + 1 });
        });
      await Promise.all(Array.from({ length: 50 }, (_, i) => increment(i % 2 === 0 ? ds : sibling)));
      expect(await ds.getRepository(Counter).findOneByOrFail({ name: "hits" })).toMatchObject({ value: 50 });
    } finally {
      await sibling.destroy();
    }
  });

  it("(f) runs migrations with the migrations table inside the custom schema", async () => {
    const fresh = await PgliteProxy.start();
    const source = dataSourceFor(fresh);
    try {
      await source.initialize();
      await source.query(`CREATE SCHEMA IF NOT EXISTS "${SCHEMA}"`);
      const applied = await source.runMigrations();
      expect(applied.map((m) => m.name)).toEqual(["CreateDriverTestTables1700000000000"]);
      expect(await source.runMigrations()).toEqual([]);

      const tables: Array<{ table_name: string }> = await source.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
        [SCHEMA],
      );
      expect(tables.map((t) => t.table_name)).toEqual(["counter", "entry", MIGRATIONS_TABLE]);
      const recorded: Array<{ name: string; timestamp: string }> = await source.query(
        `SELECT name, "timestamp" FROM "${SCHEMA}"."${MIGRATIONS_TABLE}"`,
      );
      expect(recorded).toEqual([{ name: "CreateDriverTestTables1700000000000", timestamp: "1700000000000" }]);
      expect(await source.getRepository(Counter).findOneByOrFail({ name: "seed" })).toMatchObject({ value: 0 });

      await source.undoLastMigration();
      const left: Array<{ table_name: string }> = await source.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = $1`,
        [SCHEMA],
      );
      expect(left.map((t) => t.table_name)).toEqual([MIGRATIONS_TABLE]);
    } finally {
      if (source.isInitialized) await source.destroy();
      await fresh.close();
    }
  });

  it("runs statements issued outside a checkout under the lock, and honours connectionTimeoutMillis", async () => {
    const driver = createPgliteDriver(db);
    const pool = new driver.Pool({ connectionTimeoutMillis: 50 });
    const held = await pool.connect();
    await held.query("BEGIN");
    await held.query(`INSERT INTO "${SCHEMA}".counter (name, value) VALUES ('pool', 1)`);

    // Waits for the lock instead of landing inside the open transaction, then gives up like pg-pool.
    await expect(pool.query(`SELECT 1`)).rejects.toThrow("timeout exceeded when trying to connect");
    const queued = pool.query<{ n: string }>(`SELECT count(*) AS n FROM "${SCHEMA}".counter WHERE name = 'pool'`);
    held.release();
    held.release(); // a second release must not free the lock for a later holder
    await expect(held.query("SELECT 1")).rejects.toThrow(/released/);
    expect((await queued).rows).toEqual([{ n: "0" }]);

    // withPgliteSession shares the lock with the driver and cleans up after itself.
    await withPgliteSession(db, async (session) => {
      await session.exec("BEGIN; SELECT 1");
    });
    expect(db.isInTransaction()).toBe(false);

    const ended = pool.end();
    await expect(pool.connect()).rejects.toThrow("Cannot use a pool after calling end on the pool");
    await ended;
  });

  it("supports @PrimaryGeneratedColumn('uuid') with uuidExtension 'pgcrypto' and synchronize", async () => {
    @Entity({ name: "generated_thing" })
    class GeneratedThing {
      @PrimaryGeneratedColumn("uuid")
      id!: string;

      @Column("text")
      name!: string;
    }
    const fresh = await PgliteProxy.start();
    const source = new DataSource({
      type: "postgres",
      driver: createPgliteDriver(fresh),
      entities: [GeneratedThing],
      synchronize: true,
      uuidExtension: "pgcrypto", // gen_random_uuid() is built in; uuid-ossp is not loaded in a bare PGlite
      installExtensions: false,
      logging: false,
    });
    try {
      await source.initialize();
      const saved = await source.getRepository(GeneratedThing).save({ name: "x" });
      expect(saved.id).toMatch(/^[0-9a-f-]{36}$/);
      // A second synchronize introspects the schema it created and finds nothing to change.
      const pending = await source.driver.createSchemaBuilder().log();
      expect(pending.upQueries).toEqual([]);
    } finally {
      if (source.isInitialized) await source.destroy();
      await fresh.close();
    }
  });

  it("left no unhandled rejections behind", async () => {
    await tick();
    expect(unhandled).not.toHaveBeenCalled();
  });
});
