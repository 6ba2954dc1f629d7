import pg from "pg";
import { QueryFailedError } from "typeorm";
import { afterAll, describe, expect, it } from "vitest";

import { realServices, uniqueSuffix } from "../testing/services.js";
import { type DatabaseProvider, PgliteDatabaseProvider, PostgresDatabaseProvider } from "./database.js";
import { queryPrepared } from "./prepared.js";

const serverUrl = new URL(realServices().databaseUrl);
const database = `moneta_prepared_${uniqueSuffix()}`;
const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${database}` }).toString();
const COUNT = `SELECT count(*)::int AS n FROM prepared.items WHERE id > $1`;

afterAll(async () => {
  const admin = new pg.Client({ connectionString: Object.assign(new URL(serverUrl), { pathname: "/postgres" }).toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
});

describe.each([
  ["real PostgreSQL", () => Promise.resolve(new PostgresDatabaseProvider(databaseUrl))],
  ["embedded PGlite", () => PgliteDatabaseProvider.create()],
] as const)("queryPrepared on %s", (_name, provide) => {
  let provider: DatabaseProvider;
  const open = async () => {
    provider = await provide();
    const { dataSource } = await provider.open("prepared", { entities: [], migrations: [] });
    await dataSource.query(`CREATE TABLE IF NOT EXISTS prepared.items (id int PRIMARY KEY)`);
    await dataSource.query(`TRUNCATE prepared.items`);
    return dataSource;
  };
  afterAll(() => provider?.close());

  it("answers like manager.query, inside the caller's transaction, and fails with the driver's code", async () => {
    const dataSource = await open();
    expect(await queryPrepared(dataSource.manager, COUNT, [0])).toEqual([{ n: 0 }]);
    await dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO prepared.items VALUES (1), (2), (3)`);
      // The transaction's own uncommitted rows: the statement ran on its connection.
      expect(await queryPrepared(manager, COUNT, [1])).toEqual([{ n: 2 }]);
    });
    const duplicate = queryPrepared(dataSource.manager, `INSERT INTO prepared.items VALUES ($1)`, [2]);
    await expect(duplicate).rejects.toBeInstanceOf(QueryFailedError);
    await expect(duplicate).rejects.toMatchObject({ code: "23505" });
    // The pool is still good after a failed statement.
    expect(await queryPrepared(dataSource.manager, COUNT, [0])).toEqual([{ n: 3 }]);
  });
});

// PGlite runs each statement on its one session as given (the name is ignored): only a real server keeps them.
describe("queryPrepared's named statements on real PostgreSQL", () => {
  let provider: DatabaseProvider;
  afterAll(() => provider?.close());

  it("is parsed once per connection: a named statement the session keeps, reused on the next call", async () => {
    provider = new PostgresDatabaseProvider(databaseUrl);
    const { dataSource } = await provider.open("prepared", { entities: [], migrations: [] });
    await dataSource.query(`CREATE TABLE IF NOT EXISTS prepared.items (id int PRIMARY KEY)`);
    await dataSource.transaction(async (manager) => {
      for (const after of [0, 1, 2]) await queryPrepared(manager, COUNT, [after]);
      const kept: Array<{ name: string }> = await manager.query(`SELECT name FROM pg_prepared_statements WHERE statement = $1`, [COUNT]);
      expect(kept).toHaveLength(1);
      expect(kept[0]!.name).toMatch(/^moneta_[0-9a-f]{20}$/);
    });
  });
});
