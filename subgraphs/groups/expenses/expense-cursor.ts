import { badInput } from "../../../platform/errors/index.js";
import { isUuid } from "../../../platform/time/index.js";
import type { ExpenseEntity } from "./expense.entity.js";

/** Position in the list order (date, created_at, id, all descending), opaque to clients. */
export interface ExpenseCursor {
  date: string;
  createdAt: string;
  id: string;
}

export const encodeExpenseCursor = (e: Pick<ExpenseEntity, "date" | "createdAt" | "id">): string =>
  Buffer.from(JSON.stringify([e.date, e.createdAt.toISOString(), e.id])).toString("base64url");

export function decodeExpenseCursor(cursor: string): ExpenseCursor {
  try {
    const [date, createdAt, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (
      typeof date === "string" &&
      /^\d{4}-\d{2}-\d{2}$/.test(date) &&
      typeof createdAt === "string" &&
      !Number.isNaN(Date.parse(createdAt)) &&
      isUuid(id)
    )
      return { date, createdAt, id };
  } catch {
    // fall through: an undecodable cursor is the client's mistake
  }
  throw badInput("after is not a cursor this API returned", { field: "after" });
}
