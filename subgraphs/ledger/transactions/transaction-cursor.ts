import { badInput } from "../../../platform/errors/index.js";
import { isUuid } from "../../../platform/time/index.js";
import type { TransactionEntity } from "./transaction.entity.js";

/** Position in the list order (date, created_at, id, all descending), opaque to clients. */
export interface TransactionCursor {
  date: string;
  createdAt: string;
  id: string;
}

export const encodeCursor = (t: Pick<TransactionEntity, "date" | "createdAt" | "id">): string =>
  Buffer.from(JSON.stringify([t.date, t.createdAt.toISOString(), t.id])).toString("base64url");

export function decodeCursor(cursor: string): TransactionCursor {
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
