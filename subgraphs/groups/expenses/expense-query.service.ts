import type { DataSource } from "typeorm";

import { badInput } from "../../../platform/errors/index.js";
import { decodeDatedCursor, encodeDatedCursor } from "../../../platform/graphql/index.js";
import { calendarDate, isUuid } from "../../../platform/time/index.js";
import { requireAccess } from "../groups/group-access.js";
import type { ExpenseEntity } from "./expense.entity.js";
import { expenseOfRow } from "./expense.service.js";

export const MAX_EXPENSES_PAGE = 200;

export interface ExpenseFilter {
  from?: string | null;
  to?: string | null;
  memberId?: string | null;
  search?: string | null;
  includeDeleted?: boolean | null;
}

export interface ExpensePage {
  expenses: ExpenseEntity[];
  cursors: string[];
  hasNextPage: boolean;
}

const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A group's expenses, newest first, one page per statement (keyset pagination on the list order). */
export class ExpenseQueryService {
  constructor(private readonly dataSource: DataSource) {}

  async page(userId: string, groupId: string, filter: ExpenseFilter, first: number, after: string | null): Promise<ExpensePage> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_EXPENSES_PAGE)
      throw badInput(`first must be 1 to ${MAX_EXPENSES_PAGE}`, { field: "first" });
    const from = filter.from ? calendarDate(filter.from, "filter.from") : null;
    const to = filter.to ? calendarDate(filter.to, "filter.to") : null;
    if (filter.memberId && !isUuid(filter.memberId)) throw badInput("filter.memberId is not a member id", { field: "filter.memberId" });
    const search = filter.search?.trim() ? filter.search.trim().slice(0, 100) : null;
    const cursor = after ? decodeDatedCursor(after) : null;
    const { group } = await requireAccess(this.dataSource.manager, userId, groupId, { role: "VIEWER" });
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT e.id, e.group_id, e.description, e.amount_minor::text, e.currency, e.group_amount_minor::text, e.exchange_rate,
              to_char(e.date, 'YYYY-MM-DD') AS date, e.split_mode, e.split_parts, e.created_by, e.ledger_account_id, e.deleted_at, e.created_at, e.updated_at
       FROM groups.expenses e
       WHERE e.group_id = $1
         AND ($2::boolean OR e.deleted_at IS NULL)
         AND ($3::date IS NULL OR e.date >= $3) AND ($4::date IS NULL OR e.date <= $4)
         AND ($5::uuid IS NULL OR EXISTS (SELECT 1 FROM groups.expense_lines l WHERE l.expense_id = e.id AND l.member_id = $5))
         AND ($6::text IS NULL OR e.description ILIKE $6)
         AND ($7::date IS NULL OR (e.date, e.created_at, e.id) < ($7::date, $8::timestamptz, $9::uuid))
       ORDER BY e.date DESC, e.created_at DESC, e.id DESC
       LIMIT $10`,
      [
        group.id,
        filter.includeDeleted ?? false,
        from,
        to,
        filter.memberId ?? null,
        search ? like(search) : null,
        cursor?.date ?? null,
        cursor?.createdAt ?? null,
        cursor?.id ?? null,
        first + 1,
      ],
    );
    const expenses = rows.slice(0, first).map(expenseOfRow);
    return { expenses, cursors: expenses.map(encodeDatedCursor), hasNextPage: rows.length > first };
  }
}
