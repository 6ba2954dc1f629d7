import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A member's balance (BalanceService.ofMember, read under the group's row lock before removing a
 * member) sums the settlements they sent and received. Without these indexes each sum scanned
 * every group's settlements: about 40 ms per sum at 500,000 rows, growing with the whole table,
 * while the group's writes waited on the lock.
 */
export class SettlementMemberIndexes1796533959097 implements MigrationInterface {
  name = "SettlementMemberIndexes1796533959097";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX settlements_from_member ON groups.settlements (from_member)`);
    await q.query(`CREATE INDEX settlements_to_member ON groups.settlements (to_member)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX groups.settlements_to_member`);
    await q.query(`DROP INDEX groups.settlements_from_member`);
  }
}
