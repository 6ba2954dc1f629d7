import type { EntityManager } from "typeorm";

import { badInput } from "../../../platform/errors/index.js";
import { isUuid } from "../../../platform/time/index.js";
import { activityColumns, type ActivityRecord, toActivityRecord } from "./activity-record.js";

export const MAX_TRANSACTIONS_PAGE = 200;

/** Position in the list order (date, sequence, both descending), opaque to clients. */
const encode = (r: Pick<ActivityRecord, "date" | "sequence">) => Buffer.from(JSON.stringify([r.date, r.sequence])).toString("base64url");

function decode(cursor: string): { date: string; sequence: number } {
  try {
    const [date, sequence] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (typeof date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(date) && Number.isSafeInteger(sequence))
      return { date, sequence: sequence as number };
  } catch {
    // fall through: an undecodable cursor is the client's mistake
  }
  throw badInput("after is not a cursor this API returned", { field: "after" });
}

export interface TransactionPage {
  records: ActivityRecord[];
  cursors: string[];
  hasNextPage: boolean;
}

/** A page of a portfolio's activity, newest first; the caller has already checked the portfolio is theirs. */
export async function transactionPage(
  manager: EntityManager,
  userId: string,
  portfolioId: string,
  first: number,
  after: string | null,
  securityId: string | null,
): Promise<TransactionPage> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_TRANSACTIONS_PAGE)
    throw badInput(`first must be 1 to ${MAX_TRANSACTIONS_PAGE}`, { field: "first" });
  if (securityId !== null && !isUuid(securityId)) return { records: [], cursors: [], hasNextPage: false };
  const position = after === null ? null : decode(after);
  const rows = await manager.query(
    `SELECT ${activityColumns} FROM investments.transactions
     WHERE user_id = $1 AND portfolio_id = $2 AND ($3::uuid IS NULL OR security_id = $3)
       AND ($4::date IS NULL OR (date, sequence) < ($4::date, $5::bigint))
     ORDER BY date DESC, sequence DESC LIMIT $6`,
    [userId, portfolioId, securityId, position?.date ?? null, position?.sequence ?? null, first + 1],
  );
  const records = rows.slice(0, first).map(toActivityRecord);
  return { records, cursors: records.map(encode), hasNextPage: rows.length > first };
}
