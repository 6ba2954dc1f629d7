import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Categories insights suggests (`insights.suggestion.v1`) are applied by the ledger when the user
 * lets it: each user's choice (apply or not, from which confidence) in its own table, absent =
 * the defaults; on the transaction, the mark of an applied suggestion (so the user can see and
 * undo it) and whether one was ever applied (so an undo sticks).
 */
export class CategorySuggestions1796545645715 implements MigrationInterface {
  name = "CategorySuggestions1796545645715";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE ledger.category_suggestion_settings (
        user_id uuid PRIMARY KEY,
        auto_apply boolean NOT NULL,
        min_confidence numeric(5, 4) NOT NULL CHECK (min_confidence BETWEEN 0.5 AND 1),
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`
      ALTER TABLE ledger.transactions
        ADD COLUMN suggested_category_id uuid,
        ADD COLUMN suggestion_confidence numeric(5, 4),
        ADD COLUMN suggestion_applied_at timestamptz,
        ADD COLUMN suggestion_taken boolean NOT NULL DEFAULT false,
        ADD CONSTRAINT transactions_suggestion_whole CHECK (
          (suggested_category_id IS NULL) = (suggestion_confidence IS NULL)
          AND (suggested_category_id IS NULL) = (suggestion_applied_at IS NULL)
        ),
        ADD CONSTRAINT transactions_suggested_category FOREIGN KEY (suggested_category_id, user_id) REFERENCES ledger.categories (id, user_id)`);
    // Merging or deleting a category finds the marks that name it.
    await q.query(
      `CREATE INDEX transactions_suggested_category ON ledger.transactions (user_id, suggested_category_id) WHERE suggested_category_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ledger.transactions_suggested_category`);
    await q.query(`
      ALTER TABLE ledger.transactions
        DROP CONSTRAINT transactions_suggested_category,
        DROP CONSTRAINT transactions_suggestion_whole,
        DROP COLUMN suggestion_taken,
        DROP COLUMN suggestion_applied_at,
        DROP COLUMN suggestion_confidence,
        DROP COLUMN suggested_category_id`);
    await q.query(`DROP TABLE ledger.category_suggestion_settings`);
  }
}
