import type { MigrationInterface, QueryRunner } from "typeorm";

import { ledgerAccountsTableSql } from "../../../platform/read-models/index.js";

/** Lending's own read model of each user's ledger accounts (from `ledger.account.v1`), to check a payment's `ledgerAccountId`. */
export class LedgerAccounts1796533800010 implements MigrationInterface {
  name = "LedgerAccounts1796533800010";

  async up(q: QueryRunner): Promise<void> {
    for (const statement of ledgerAccountsTableSql("lending")) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE lending.accounts`);
  }
}
