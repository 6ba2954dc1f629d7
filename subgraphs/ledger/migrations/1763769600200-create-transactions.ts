import type { MigrationInterface, QueryRunner } from "typeorm";

export class CreateTransactions1763769600200 implements MigrationInterface {
  name = "CreateTransactions1763769600200";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ledger.transactions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        amount_minor bigint NOT NULL CHECK (amount_minor <> 0),
        currency char(3) NOT NULL,
        description text NOT NULL,
        date date NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX transactions_user_date ON ledger.transactions (user_id, date DESC, created_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ledger.transactions`);
  }
}
