import type { DataSource, MigrationInterface, QueryRunner } from "typeorm";

import type { DeliveredMessage } from "../../platform/events/bus.js";
import type { EventHandler } from "../../platform/events/inbox.js";
import { inboxHandler } from "../../platform/events/inbox.js";

/**
 * A consumer whose effect is NOT idempotent by itself: each event adds one to a counter. Only the
 * inbox stands between a re-sent event and a double count, so a test on it fails if the inbox
 * check goes.
 */
export type Bumped = { Bumped: { seq: number } };

export class CreateFaultCounters1763769619999 implements MigrationInterface {
  name = "CreateFaultCounters1763769619999";
  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = (queryRunner.connection.options as { schema: string }).schema;
    await queryRunner.query(`CREATE TABLE "${schema}".counters (consumer text PRIMARY KEY, n int NOT NULL DEFAULT 0)`);
  }
  async down(): Promise<void> {}
}

export const bump =
  (schema: string, consumer: string): EventHandler<Bumped["Bumped"]> =>
  async (_event, manager) => {
    await manager.query(
      `INSERT INTO "${schema}".counters (consumer, n) VALUES ($1, 1) ON CONFLICT (consumer) DO UPDATE SET n = counters.n + 1`,
      [consumer],
    );
  };

/** The real inbox around `handler`, for consumer `name` on `topic`. */
export const countingInbox = (dataSource: DataSource, schema: string, name: string, topic: string, handler = bump(schema, name)) =>
  inboxHandler(dataSource, schema, { name, topics: [topic], handlers: { Bumped: handler } }) as (m: DeliveredMessage) => Promise<void>;

export async function counter(dataSource: DataSource, schema: string, consumer: string): Promise<number> {
  const rows: Array<{ n: number }> = await dataSource.query(`SELECT n FROM "${schema}".counters WHERE consumer = $1`, [consumer]);
  return rows[0]?.n ?? 0;
}

export async function inboxRows(dataSource: DataSource, schema: string, consumer: string): Promise<number> {
  const [row] = await dataSource.query(`SELECT count(*)::int AS n FROM "${schema}".inbox WHERE consumer = $1`, [consumer]);
  return (row as { n: number }).n;
}
