import type { DataSource, MigrationInterface, QueryRunner } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { PgliteDatabaseProvider } from "../../../platform/db/index.js";
import { ledgerAccountsTableSql } from "../../../platform/read-models/index.js";
import { LedgerAccounts1764547200340 } from "./1764547200340-ledger-accounts.js";

/** A schema made from the platform's SQL, as a newer subgraph's migration makes it. */
class PlatformTable1700000000000 implements MigrationInterface {
  name = "PlatformTable1700000000000";
  async up(q: QueryRunner): Promise<void> {
    for (const statement of ledgerAccountsTableSql("platform_copy")) await q.query(statement);
  }
  async down(): Promise<void> {}
}

/**
 * Budgets' accounts table was made by its own migration before the read model moved to the
 * platform; the platform's queries run on it, so the two tables must be the same.
 */
describe("budgets.accounts and the platform's ledger accounts table", () => {
  let database: PgliteDatabaseProvider;
  let budgets: DataSource;

  beforeAll(async () => {
    database = await PgliteDatabaseProvider.create();
    ({ dataSource: budgets } = await database.open("budgets", { entities: [], migrations: [LedgerAccounts1764547200340] }));
    await database.open("platform_copy", { entities: [], migrations: [PlatformTable1700000000000] });
  }, 60_000);

  afterAll(async () => {
    await database.close();
  });

  const shape = async (schema: string) => ({
    columns: await budgets.query(
      `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
       FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'accounts' ORDER BY ordinal_position`,
      [schema],
    ),
    indexes: (
      await budgets.query(
        `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = 'accounts' ORDER BY indexname`,
        [schema],
      )
    ).map((i: { indexname: string; indexdef: string }) => ({ ...i, indexdef: i.indexdef.replaceAll(`${schema}.`, "") })),
  });

  it("has the same columns and indexes", async () => {
    const made = await shape("budgets");
    expect(made.columns.length).toBe(5);
    expect(await shape("platform_copy")).toEqual(made);
  });
});
