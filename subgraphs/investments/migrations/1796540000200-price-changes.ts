import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A change number on every daily close, from a sequence, set on insert and on every update: the
 * highest one of a security's visible closes tells a cached price history whether it is still
 * current (one index probe), so valuations need not read years of closes on every request.
 * Deleting a user's closes lowers or clears theirs, which a cache sees as a change too.
 */
export class PriceChanges1796540000200 implements MigrationInterface {
  name = "PriceChanges1796540000200";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE investments.price_changes`);
    await q.query(`ALTER TABLE investments.prices ADD COLUMN change bigint NOT NULL DEFAULT nextval('investments.price_changes')`);
    await q.query(`CREATE INDEX prices_changes ON investments.prices (security_id, owner, change)`);
    await q.query(`
      CREATE FUNCTION investments.price_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.change := nextval('investments.price_changes');
        RETURN NEW;
      END
      $$`);
    await q.query(
      `CREATE TRIGGER prices_change BEFORE UPDATE ON investments.prices FOR EACH ROW EXECUTE FUNCTION investments.price_changed()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER prices_change ON investments.prices`);
    await q.query(`DROP FUNCTION investments.price_changed()`);
    await q.query(`DROP INDEX investments.prices_changes`);
    await q.query(`ALTER TABLE investments.prices DROP COLUMN change`);
    await q.query(`DROP SEQUENCE investments.price_changes`);
  }
}
