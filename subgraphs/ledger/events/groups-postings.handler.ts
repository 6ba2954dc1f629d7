import type { ConsumerDefinition, EventHandler } from "../../../platform/events/index.js";
import {
  GROUP_EXPENSE_DELETED,
  GROUP_EXPENSE_RECORDED,
  GROUP_EXPENSE_UPDATED,
  GROUP_SETTLEMENT_RECORDED,
  type GroupExpenseV1,
  GROUPS_EXPENSE_TOPIC,
  type GroupsExpenseEvents,
} from "../../../schema/events/groups.js";
import type { SourcePostingService } from "../source-postings/source-posting.service.js";

/**
 * What groups asks the ledger to book on a member's own account. Recorded and updated are handled
 * alike, "hold this posting now", so an expense announced twice is never booked twice.
 */
export function groupsPostingsConsumer(postings: SourcePostingService): ConsumerDefinition<GroupsExpenseEvents> {
  const expense: EventHandler<GroupExpenseV1> = (event, manager) =>
    postings.follow(
      manager,
      { kind: "EXPENSE", id: event.data.expenseId, originId: event.data.groupId },
      event.data.posting,
      event.traceId,
    );
  return {
    // The consumer group and inbox entries are `ledger.group-postings`: renaming it replays history.
    name: "group-postings",
    topics: [GROUPS_EXPENSE_TOPIC],
    handlers: {
      [GROUP_EXPENSE_RECORDED]: expense,
      [GROUP_EXPENSE_UPDATED]: expense,
      [GROUP_EXPENSE_DELETED]: (event, manager) =>
        postings.follow(manager, { kind: "EXPENSE", id: event.data.expenseId, originId: event.data.groupId }, null, event.traceId),
      [GROUP_SETTLEMENT_RECORDED]: (event, manager) =>
        postings.follow(
          manager,
          { kind: "SETTLEMENT", id: event.data.settlementId, originId: event.data.groupId },
          event.data.posting,
          event.traceId,
        ),
    },
  };
}
