import { badInput } from "../errors/errors.js";
import { isUuid } from "../time/ids.js";

/**
 * Position in a list ordered by (date, created_at, id), all descending: the order of every dated
 * list (transactions, group expenses). Opaque to clients; the SQL compares the row tuple to it.
 */
export interface DatedCursor {
  date: string;
  createdAt: string;
  id: string;
}

export const encodeDatedCursor = (row: { date: string; createdAt: Date; id: string }): string =>
  Buffer.from(JSON.stringify([row.date, row.createdAt.toISOString(), row.id])).toString("base64url");

/** BAD_USER_INPUT on `after` for anything this API did not hand out. */
export function decodeDatedCursor(cursor: string): DatedCursor {
  try {
    const [date, createdAt, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (
      typeof date === "string" &&
      /^\d{4}-\d{2}-\d{2}$/.test(date) &&
      typeof createdAt === "string" &&
      !Number.isNaN(Date.parse(createdAt)) &&
      isUuid(id)
    ) {
      return { date, createdAt, id };
    }
  } catch {
    // fall through: any undecodable cursor is the client's mistake
  }
  throw badInput("after is not a cursor this API returned", { field: "after" });
}
