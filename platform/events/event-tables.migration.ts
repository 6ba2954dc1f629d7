import type { MigrationInterface, QueryRunner } from "typeorm";

function schemaOf(queryRunner: QueryRunner): string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema;
  if (!schema) throw new Error("subgraph data sources must set a schema");
  return schema;
}

/** Outbox and inbox tables, the same in every subgraph schema; the subgraph kit adds this migration. */
export class PlatformEventTables1763769600000 implements MigrationInterface {
  name = "PlatformEventTables1763769600000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${s}".outbox (
        seq bigserial NOT NULL UNIQUE,
        id uuid PRIMARY KEY,
        topic text NOT NULL,
        key text NOT NULL,
        type text NOT NULL,
        envelope jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        published_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX outbox_unpublished ON "${s}".outbox (seq) WHERE published_at IS NULL`);
    await queryRunner.query(`
      CREATE TABLE "${s}".inbox (
        consumer text NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        processed_at timestamptz NOT NULL,
        PRIMARY KEY (consumer, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${s}".inbox`);
    await queryRunner.query(`DROP TABLE "${s}".outbox`);
  }
}
