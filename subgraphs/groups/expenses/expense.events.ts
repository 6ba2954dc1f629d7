import type { EntityManager } from "typeorm";

import type { Outbox } from "../../../platform/events/index.js";
import {
  GROUP_EXPENSE_DELETED,
  GROUP_EXPENSE_RECORDED,
  GROUP_EXPENSE_UPDATED,
  type GroupExpenseV1,
  type GroupLedgerPostingV1,
  GROUPS_EXPENSE_TOPIC,
} from "../../../schema/events/groups.js";
import { groupAudience, type GroupEvents } from "../groups/group-events.js";
import type { ExpenseEntity } from "./expense.entity.js";

/** The ledger payment an expense asks for: what its recorder paid, out of the account they named. */
export function expensePosting(
  expense: ExpenseEntity,
  recorderUserId: string | null,
  recorderPaidMinor: bigint,
): GroupLedgerPostingV1 | null {
  if (!expense.ledgerAccountId || !recorderUserId || expense.deletedAt || recorderPaidMinor <= 0n) return null;
  return {
    userId: recorderUserId,
    accountId: expense.ledgerAccountId,
    amountMinor: (-recorderPaidMinor).toString(),
    currency: expense.currency,
    date: expense.date,
    description: expense.description,
  };
}

/** Expense events on `groups.expense.v1`, and the group's own GroupUpdated, in the writer's transaction. */
export class ExpenseEvents {
  constructor(
    private readonly outbox: Outbox,
    private readonly groups: GroupEvents,
  ) {}

  async recorded(
    manager: EntityManager,
    traceId: string,
    kind: "RECORDED" | "UPDATED",
    expense: ExpenseEntity,
    groupCurrency: string,
    posting: GroupLedgerPostingV1 | null,
    /** Who recorded or changed it; null when their account is gone. */
    actorUserId: string | null,
  ): Promise<void> {
    const data: GroupExpenseV1 = {
      groupId: expense.groupId,
      expenseId: expense.id,
      description: expense.description,
      amountMinor: expense.amountMinor.toString(),
      currency: expense.currency,
      groupAmountMinor: expense.groupAmountMinor.toString(),
      groupCurrency,
      date: expense.date,
      posting,
      ...(await groupAudience(manager, expense.groupId)),
      actorUserId,
    };
    const type = kind === "RECORDED" ? GROUP_EXPENSE_RECORDED : GROUP_EXPENSE_UPDATED;
    await this.outbox.add(manager, traceId, [{ topic: GROUPS_EXPENSE_TOPIC, type, key: expense.groupId, data }]);
    await this.groups.updated(manager, traceId, expense.groupId, "EXPENSE");
  }

  async deleted(manager: EntityManager, traceId: string, expense: ExpenseEntity): Promise<void> {
    await this.outbox.add(manager, traceId, [
      {
        topic: GROUPS_EXPENSE_TOPIC,
        type: GROUP_EXPENSE_DELETED,
        key: expense.groupId,
        data: { groupId: expense.groupId, expenseId: expense.id },
      },
    ]);
    await this.groups.updated(manager, traceId, expense.groupId, "EXPENSE");
  }
}
