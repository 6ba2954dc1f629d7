import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Statement imports keep the uploaded BYTES (the decoder needs them to tell UTF-16 from UTF-8 or a
 * Windows code page), and accept QIF and CAMT.053 beside CSV and OFX. `content` stays for files
 * stored before this migration, whose jobs may still be queued.
 */
export class ImportFileBytes1796560000500 implements MigrationInterface {
  name = "ImportFileBytes1796560000500";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ledger.import_files ADD COLUMN bytes bytea`);
    await q.query(`ALTER TABLE ledger.import_files ALTER COLUMN content DROP NOT NULL`);
    await q.query(`ALTER TABLE ledger.import_files ADD CONSTRAINT import_files_has_file CHECK (bytes IS NOT NULL OR content IS NOT NULL)`);
    await q.query(`ALTER TABLE ledger.import_batches DROP CONSTRAINT import_batches_format_check`);
    await q.query(
      `ALTER TABLE ledger.import_batches ADD CONSTRAINT import_batches_format_check CHECK (format IN ('CSV', 'OFX', 'QIF', 'CAMT053'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ledger.import_batches DROP CONSTRAINT import_batches_format_check`);
    await q.query(`ALTER TABLE ledger.import_batches ADD CONSTRAINT import_batches_format_check CHECK (format IN ('CSV', 'OFX'))`);
    await q.query(`ALTER TABLE ledger.import_files DROP CONSTRAINT import_files_has_file`);
    await q.query(`DELETE FROM ledger.import_files WHERE content IS NULL`);
    await q.query(`ALTER TABLE ledger.import_files ALTER COLUMN content SET NOT NULL`);
    await q.query(`ALTER TABLE ledger.import_files DROP COLUMN bytes`);
  }
}
