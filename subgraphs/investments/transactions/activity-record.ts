import type { Decimal } from "decimal.js";
import type { EntityManager } from "typeorm";

import type { Activity } from "../lots/index.js";
import { decimal } from "../quantities/index.js";
import type { ActivityTypeName } from "./investment-transaction.entity.js";

/** One activity as replays and reads use it: the domain's Activity, and where it belongs. */
export interface ActivityRecord extends Activity {
  type: ActivityTypeName;
  portfolioId: string;
  /** Null for cash movements and for fees and interest not tied to a security. */
  securityId: string | null;
  /** Of price, fee and amount. */
  currency: string;
  note: string | null;
  /** Read from the table: every stored figure as text, so a replay can tell an activity is unchanged. */
  fingerprint?: string;
}

export const activityColumns = `id, portfolio_id, type, security_id, to_char(date, 'YYYY-MM-DD') AS date, sequence::text AS sequence, currency,
  quantity::text AS quantity, price_minor::text AS price_minor, fee_minor::text AS fee_minor, amount_minor::text AS amount_minor,
  split_ratio::text AS split_ratio, note`;

export interface ActivityRow {
  id: string;
  portfolio_id: string;
  type: ActivityTypeName;
  security_id: string | null;
  date: string;
  sequence: string;
  currency: string;
  quantity: string | null;
  price_minor: string | null;
  fee_minor: string;
  amount_minor: string | null;
  split_ratio: string | null;
  note: string | null;
}

const decimalOrNull = (value: string | null): Decimal | null => (value === null ? null : decimal(value));
const bigintOrNull = (value: string | null): bigint | null => (value === null ? null : BigInt(value));

export function toActivityRecord(row: ActivityRow): ActivityRecord {
  return {
    id: row.id,
    portfolioId: row.portfolio_id,
    type: row.type,
    securityId: row.security_id,
    date: row.date,
    sequence: Number(row.sequence),
    currency: row.currency.trim(),
    quantity: decimalOrNull(row.quantity),
    priceMinor: bigintOrNull(row.price_minor),
    feeMinor: BigInt(row.fee_minor),
    amountMinor: bigintOrNull(row.amount_minor),
    splitRatio: decimalOrNull(row.split_ratio),
    note: row.note,
    fingerprint: `${row.id} ${row.sequence} ${row.date} ${row.type} ${row.currency} ${row.quantity} ${row.price_minor} ${row.fee_minor} ${row.amount_minor} ${row.split_ratio}`,
  };
}

/** Replay order: the order lots open and close in. */
const ORDER = `ORDER BY portfolio_id, date, sequence`;

/** Reads of stored activity, always scoped to the owner in SQL. */
export const activityRows = {
  /** The whole activity of the owner's portfolios among `portfolioIds`, in replay order: one statement. */
  async ofPortfolios(manager: EntityManager, userId: string, portfolioIds: readonly string[]): Promise<ActivityRecord[]> {
    if (portfolioIds.length === 0) return [];
    const rows: ActivityRow[] = await manager.query(
      `SELECT ${activityColumns} FROM investments.transactions WHERE user_id = $1 AND portfolio_id = ANY($2::uuid[]) ${ORDER}`,
      [userId, portfolioIds],
    );
    return rows.map(toActivityRecord);
  },

  /** One portfolio's activity in the given securities (what a write must replay to validate). */
  async ofSecurities(
    manager: EntityManager,
    userId: string,
    portfolioId: string,
    securityIds: readonly string[],
  ): Promise<ActivityRecord[]> {
    if (securityIds.length === 0) return [];
    const rows: ActivityRow[] = await manager.query(
      `SELECT ${activityColumns} FROM investments.transactions WHERE user_id = $1 AND portfolio_id = $2 AND security_id = ANY($3::uuid[]) ${ORDER}`,
      [userId, portfolioId, securityIds],
    );
    return rows.map(toActivityRecord);
  },

  async byIds(manager: EntityManager, userId: string, ids: readonly string[], lock = false): Promise<ActivityRecord[]> {
    if (ids.length === 0) return [];
    const rows: ActivityRow[] = await manager.query(
      `SELECT ${activityColumns} FROM investments.transactions WHERE user_id = $1 AND id = ANY($2::uuid[]) ${lock ? "FOR UPDATE" : ""}`,
      [userId, ids],
    );
    return rows.map(toActivityRecord);
  },
};
