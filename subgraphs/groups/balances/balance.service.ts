import type { EntityManager } from "typeorm";

import { isUuid } from "../../../platform/time/index.js";
import type { MemberAmount } from "../expenses/split.js";
import { memberOf } from "../groups/group-access.js";

/**
 * Balances as sums, never stored: per member, what they paid less what they owe over the group's
 * live expenses, plus settlements they sent less those they received (positive = is owed). Every
 * group's balances sum to zero because every expense's paid and owed columns both sum to it.
 */
export class BalanceService {
  /**
   * Each of the caller's groups' balances: every active member (zero included), and removed members
   * still owed or owing. `sums` is MATERIALIZED: inlined, the planner could put the whole aggregate
   * inside a nested loop over the members and run it once per member (measured: 240 ms instead of
   * 25 ms for a 10-member group with 500 expenses, in a table of 1.1 million expense lines).
   */
  async forGroups(manager: EntityManager, groupIds: readonly string[], userId: string): Promise<Map<string, MemberAmount[]>> {
    const rows: Array<{ group_id: string; member_id: string; amount: string }> = await manager.query(
      `WITH moves AS (
         SELECT l.member_id, l.group_paid_minor - l.group_share_minor AS amount
         FROM groups.expense_lines l JOIN groups.expenses e ON e.id = l.expense_id
         WHERE e.group_id = ANY($1::uuid[]) AND e.deleted_at IS NULL
         UNION ALL SELECT from_member, amount_minor FROM groups.settlements WHERE group_id = ANY($1::uuid[])
         UNION ALL SELECT to_member, -amount_minor FROM groups.settlements WHERE group_id = ANY($1::uuid[])
       ), sums AS MATERIALIZED (SELECT member_id, sum(amount) AS amount FROM moves GROUP BY member_id)
       SELECT m.group_id, m.id AS member_id, coalesce(s.amount, 0)::text AS amount
       FROM groups.members m LEFT JOIN sums s ON s.member_id = m.id
       WHERE m.group_id = ANY($1::uuid[]) AND ${memberOf("m.group_id", "$2")} AND (m.removed_at IS NULL OR coalesce(s.amount, 0) <> 0)
       ORDER BY m.group_id, m.position`,
      [groupIds.filter(isUuid), userId],
    );
    const out = new Map<string, MemberAmount[]>();
    for (const row of rows) {
      const balance = { memberId: row.member_id, amountMinor: BigInt(row.amount) };
      const list = out.get(row.group_id);
      if (list) list.push(balance);
      else out.set(row.group_id, [balance]);
    }
    return out;
  }

  /** One member's balance (read inside the caller's transaction, after its group lock). */
  async ofMember(manager: EntityManager, memberId: string): Promise<bigint> {
    const [row] = await manager.query(
      `SELECT (
         coalesce((SELECT sum(l.group_paid_minor - l.group_share_minor) FROM groups.expense_lines l
                   JOIN groups.expenses e ON e.id = l.expense_id WHERE l.member_id = $1 AND e.deleted_at IS NULL), 0)
       + coalesce((SELECT sum(amount_minor) FROM groups.settlements WHERE from_member = $1), 0)
       - coalesce((SELECT sum(amount_minor) FROM groups.settlements WHERE to_member = $1), 0)
       )::text AS balance`,
      [memberId],
    );
    return BigInt(row.balance);
  }
}
