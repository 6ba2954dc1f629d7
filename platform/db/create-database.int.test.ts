import pg from "pg";
import { pino } from "pino";
import { afterAll, describe, expect, it, vi } from "vitest";

import { createPlatform } from "../runtime/platform.js";
import { realServices, realServicesConfig, uniqueSuffix } from "../testing/services.js";
import { DatabaseNotCreatableError, ensureDatabase } from "./create-database.js";
import { PostgresDatabaseProvider } from "./database.js";

const serverUrl = new URL(realServices().databaseUrl);
const urlFor = (database: string, user?: string) => {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  if (user) url.username = user;
  return url.toString();
};

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlFor("postgres") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const databaseExists = (name: string) =>
  admin(async (c) => (await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount === 1);

describe("creating the database at boot when the server lacks it", () => {
  const created: string[] = [];
  const roles: string[] = [];
  const freshName = () => {
    const name = `moneta_boot_${uniqueSuffix()}`;
    created.push(name);
    return name;
  };

  afterAll(async () => {
    await admin(async (c) => {
      for (const name of created) await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`);
      for (const role of roles) await c.query(`DROP ROLE IF EXISTS ${c.escapeIdentifier(role)}`);
    });
  });

  it("creates a missing database once, logs it, and tolerates a second instance racing for it", async () => {
    const name = freshName();
    const info = vi.fn();
    await Promise.all([ensureDatabase(urlFor(name), { info }), ensureDatabase(urlFor(name), { info })]);
    expect(await databaseExists(name)).toBe(true);
    expect(info).toHaveBeenCalledTimes(1);
    expect(info).toHaveBeenCalledWith({ database: name, host: serverUrl.host }, `created database "${name}", which did not exist`);

    await ensureDatabase(urlFor(name), { info });
    expect(info).toHaveBeenCalledTimes(1);
  });

  it("lets PostgresDatabaseProvider open a subgraph on a database that did not exist", async () => {
    const name = freshName();
    const provider = new PostgresDatabaseProvider(urlFor(name));
    try {
      const { dataSource } = await provider.open("boot_probe", { entities: [], migrations: [] });
      const tables: Array<{ table_name: string }> = await dataSource.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'boot_probe' AND table_name = 'migrations'`,
      );
      expect(tables).toEqual([{ table_name: "migrations" }]);
    } finally {
      await provider.close();
    }
  });

  it("stops boot with one line saying how to create it when the role may not", async () => {
    const role = `moneta_nocreate_${uniqueSuffix()}`;
    roles.push(role);
    await admin((c) => c.query(`CREATE ROLE ${c.escapeIdentifier(role)} LOGIN NOCREATEDB`));
    const name = freshName();

    const refused = await ensureDatabase(urlFor(name, role)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DatabaseNotCreatableError);
    expect(await databaseExists(name)).toBe(false);

    const boot = await createPlatform(realServicesConfig({ databaseUrl: urlFor(name, role) }), {
      logger: pino({ level: "silent" }),
      role: "all",
    }).catch((e: unknown) => e);
    expect((boot as Error).message).toBe(
      `invalid setting DATABASE_URL: database "${name}" does not exist and role "${role}" may not create it: ` +
        `create it with \`createdb -h ${serverUrl.hostname} -p ${serverUrl.port || "5432"} ${name}\` (as a role that may) or \`CREATE DATABASE "${name}";\``,
    );
  });

  it("still reports other connection failures as they are", async () => {
    const url = new URL(urlFor("postgres"));
    url.port = "1";
    await expect(ensureDatabase(url.toString())).rejects.toThrow(/ECONNREFUSED/);
  });
});
