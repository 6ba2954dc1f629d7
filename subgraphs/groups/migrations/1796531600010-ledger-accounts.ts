import type { MigrationInterface, QueryRunner } from "typeorm";

import { ledgerAccountsTableSql } from "../../../platform/read-models/index.js";

/** Groups' own read model of each user's ledger accounts (from `ledger.account.v1`), to check a `ledgerAccountId`. */
export class LedgerAccounts1796531600010 implements MigrationInterface {
  name = "LedgerAccounts1796531600010";

  async up(q: QueryRunner): Promise<void> {
    for (const statement of ledgerAccountsTableSql("groups")) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE groups.accounts`);
  }
}
