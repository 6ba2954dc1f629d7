import { createHash } from "node:crypto";

import type { MigrationInterface, QueryRunner } from "typeorm";

import { requestHash } from "../../../platform/idempotency/index.js";

interface KeyedMovement {
  id: string;
  goal_id: string;
  user_id: string;
  /** Of the absolute amount; `sign` tells contribution (1) from withdrawal (-1). */
  amount_minor: string;
  sign: string;
  currency: string;
  date: string;
  note: string | null;
  idempotency_key: string;
  request_hash: string;
  created_at: Date;
}

/** The hash goal movements stored before they used the platform's key table. */
function oldHash(
  operation: string,
  goalId: string,
  amountMinor: string,
  currency: string,
  date: string | null,
  note: string | null,
): string {
  return createHash("sha256")
    .update(JSON.stringify([operation, goalId, amountMinor, currency, date, note]))
    .digest("hex");
}

/**
 * Goal movements' idempotency keys move from their own columns to `budgets.idempotency_keys` (the
 * platform's table, made by `PlatformIdempotencyKeys1796526000000`), and the columns are dropped.
 *
 * Every key is copied first, so a key used before the upgrade still cannot make a second movement.
 * The old hash covered the request as the client sent it (date and note possibly left out); the
 * stored movement has the resolved ones, so each key's request is recovered by trying the few
 * forms it could have had against the old hash, and hashed as `SavingsGoalService` hashes keyed requests:
 * a retry after the upgrade is then still a replay. A key whose request cannot be recovered (a
 * note sent with surrounding spaces, say) keeps a hash nothing matches, so its retry is CONFLICT,
 * never a duplicate. Keys older than the retention are copied too; the purge forgets them.
 */
export class GoalIdempotencyKeys1796526000100 implements MigrationInterface {
  name = "GoalIdempotencyKeys1796526000100";

  async up(q: QueryRunner): Promise<void> {
    const rows: KeyedMovement[] = await q.query(
      `SELECT m.id, m.goal_id, m.user_id, abs(m.amount_minor)::text AS amount_minor, g.currency, to_char(m.date, 'YYYY-MM-DD') AS date,
              m.note, m.idempotency_key, m.request_hash, m.created_at, sign(m.amount_minor) AS sign
       FROM budgets.goal_movements m JOIN budgets.savings_goals g ON g.id = m.goal_id
       WHERE m.idempotency_key IS NOT NULL`,
    );
    for (const row of rows) {
      const operation = Number(row.sign) > 0 ? "contributeToGoal" : "withdrawFromGoal";
      let hash = `unrecoverable:${row.request_hash}`;
      search: for (const goalId of [row.goal_id, row.goal_id.toUpperCase()]) {
        for (const date of [null, row.date]) {
          for (const note of row.note === null ? [null, ""] : [row.note, null]) {
            if (oldHash(operation, goalId, row.amount_minor, row.currency, date, note) !== row.request_hash) continue;
            hash = requestHash(operation, { goalId, amountMinor: BigInt(row.amount_minor), currency: row.currency, date, note });
            break search;
          }
        }
      }
      await q.query(
        `INSERT INTO budgets.idempotency_keys (user_id, key, operation, request_hash, resource_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (user_id, key) DO NOTHING`,
        [row.user_id, row.idempotency_key, operation, hash, row.id, row.created_at],
      );
    }
    await q.query(`ALTER TABLE budgets.goal_movements DROP CONSTRAINT goal_movements_idempotency_key`);
    // Drops the CHECK pairing the two columns with them.
    await q.query(`ALTER TABLE budgets.goal_movements DROP COLUMN idempotency_key, DROP COLUMN request_hash`);
  }

  /** Brings the columns back with each movement's key; their hashes stay in the platform's form. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE budgets.goal_movements ADD COLUMN idempotency_key text, ADD COLUMN request_hash text`);
    await q.query(
      `UPDATE budgets.goal_movements m SET idempotency_key = k.key, request_hash = k.request_hash
       FROM budgets.idempotency_keys k WHERE k.user_id = m.user_id AND k.resource_id = m.id AND k.operation IN ('contributeToGoal', 'withdrawFromGoal')`,
    );
    await q.query(`ALTER TABLE budgets.goal_movements ADD CHECK ((idempotency_key IS NULL) = (request_hash IS NULL))`);
    await q.query(`ALTER TABLE budgets.goal_movements ADD CONSTRAINT goal_movements_idempotency_key UNIQUE (user_id, idempotency_key)`);
  }
}
