import { userDeletionConsumer } from "../../platform/events/index.js";
import { resolveOwnUserReference, resolveThroughLoader } from "../../platform/graphql/index.js";
import { IdempotencyKeys, scheduleIdempotencyPurge } from "../../platform/idempotency/index.js";
import { ledgerAccountsConsumer, LedgerAccountsReadModel } from "../../platform/read-models/index.js";
import { defineSubgraph, type SubgraphKit } from "../../platform/subgraph/index.js";
import { GroupActivityFeedResolver, GroupActivityResolver } from "./activity/activity.resolver.js";
import { ActivityService } from "./activity/activity.service.js";
import { ActivityLog } from "./activity/activity-log.js";
import { BalanceService } from "./balances/balance.service.js";
import { GroupCommentResolver } from "./comments/comment.resolver.js";
import { CommentService } from "./comments/comment.service.js";
import { ExpenseCommentsResolver, SettlementCommentsResolver } from "./comments/comment-threads.resolver.js";
import { ExpenseEntity } from "./expenses/expense.entity.js";
import { ExpenseEvents } from "./expenses/expense.events.js";
import { GroupExpenseResolver } from "./expenses/expense.resolver.js";
import { ExpenseService } from "./expenses/expense.service.js";
import { GroupExpense } from "./expenses/expense.type.js";
import { ExpenseLineEntity } from "./expenses/expense-line.entity.js";
import { ExpenseQueryService } from "./expenses/expense-query.service.js";
import { GoalContributionEntity } from "./goals/goal-contribution.entity.js";
import { GroupGoalEntity } from "./goals/group-goal.entity.js";
import { GroupSavingsGoalResolver } from "./goals/group-goal.resolver.js";
import { GroupGoalService } from "./goals/group-goal.service.js";
import { GroupSavingsGoal } from "./goals/group-goal.type.js";
import type { GroupsDeps } from "./groups.deps.js";
import { GroupEntity } from "./groups/group.entity.js";
import { groupsLoaders } from "./groups/group.loaders.js";
import { GroupResolver } from "./groups/group.resolver.js";
import { GroupService } from "./groups/group.service.js";
import { Group } from "./groups/group.type.js";
import { GroupEvents } from "./groups/group-events.js";
import { InviteEntity } from "./invites/invite.entity.js";
import { InviteService } from "./invites/invite.service.js";
import { MemberEntity } from "./members/member.entity.js";
import { GroupMemberResolver } from "./members/member.resolver.js";
import { MemberService } from "./members/member.service.js";
import { GroupMember } from "./members/member.type.js";
import { Groups1796531600000 } from "./migrations/1796531600000-groups.js";
import { LedgerAccounts1796531600010 } from "./migrations/1796531600010-ledger-accounts.js";
import { SettlementMemberIndexes1796533959097 } from "./migrations/1796533959097-settlement-member-indexes.js";
import { ViewersCommentsActivity1796600000000 } from "./migrations/1796600000000-viewers-comments-activity.js";
import { CommentOrder1796600000100 } from "./migrations/1796600000100-comment-order.js";
import { SettlementEntity } from "./settlements/settlement.entity.js";
import { GroupSettlementResolver } from "./settlements/settlement.resolver.js";
import { SettlementService } from "./settlements/settlement.service.js";
import { GroupsUserResolver } from "./users/user.resolver.js";
import { GroupsUser } from "./users/user.type.js";

export type { GroupsDeps } from "./groups.deps.js";

function createGroups(kit: SubgraphKit): GroupsDeps {
  const { dataSource, outbox, clock, ids } = kit;
  const idempotency = new IdempotencyKeys("groups", () => clock.now());
  const accounts = new LedgerAccountsReadModel("groups");
  const events = new GroupEvents(outbox);
  const activityLog = new ActivityLog(outbox, clock, ids);
  const balances = new BalanceService();
  const groups = new GroupService(dataSource, clock, ids, events);
  const members = new MemberService(dataSource, clock, ids, balances, events);
  const expenses = new ExpenseService(
    dataSource,
    clock,
    ids,
    idempotency,
    members,
    accounts,
    new ExpenseEvents(outbox, events),
    activityLog,
  );
  const settlements = new SettlementService(dataSource, clock, ids, idempotency, accounts, outbox, events, activityLog);
  const goals = new GroupGoalService(dataSource, clock, ids, idempotency, outbox);
  const comments = new CommentService(dataSource, clock, ids, activityLog);
  const activity = new ActivityService(dataSource);
  return {
    groups,
    members,
    invites: new InviteService(dataSource, clock, ids, groups, members, events),
    balances,
    expenses,
    expenseQueries: new ExpenseQueryService(dataSource),
    settlements,
    goals,
    comments,
    activity,
    accounts,
    idempotency,
    idempotencyPurge: scheduleIdempotencyPurge(idempotency, dataSource, kit.logger.child({ job: "idempotency-purge" })),
    loaders: groupsLoaders({ dataSource, groups, members, balances, expenses, settlements, goals, comments, activity }),
  };
}

/**
 * Groups: households and trips sharing expenses, exact splits, balances and the fewest transfers to
 * settle them, and group savings goals with live updates (`groups.group.v1`, `groups.expense.v1`,
 * `groups.savings.v1`). Lives on the ledger's accounts (to check the ones members name) and
 * identity's account deletion.
 */
export default defineSubgraph<GroupsDeps>({
  name: "groups",
  port: 4006,
  resolvers: [
    GroupResolver,
    GroupMemberResolver,
    GroupExpenseResolver,
    GroupSettlementResolver,
    GroupSavingsGoalResolver,
    GroupsUserResolver,
    GroupCommentResolver,
    ExpenseCommentsResolver,
    SettlementCommentsResolver,
    GroupActivityResolver,
    GroupActivityFeedResolver,
  ],
  orphanedTypes: [GroupsUser],
  entities: [
    GroupEntity,
    MemberEntity,
    InviteEntity,
    ExpenseEntity,
    ExpenseLineEntity,
    SettlementEntity,
    GroupGoalEntity,
    GoalContributionEntity,
  ],
  migrations: [
    Groups1796531600000,
    LedgerAccounts1796531600010,
    SettlementMemberIndexes1796533959097,
    ViewersCommentsActivity1796600000000,
    CommentOrder1796600000100,
  ],
  createDeps: createGroups,
  close: (deps) => deps.idempotencyPurge.stop(),
  references: (deps) => ({
    User: resolveOwnUserReference,
    Group: resolveThroughLoader(deps.loaders.group, Group.from),
    GroupMember: async (reference, context) => {
      if (typeof reference.id !== "string") return null;
      const member = await context.loaders.get(deps.loaders.member).load(reference.id);
      return member ? GroupMember.from(member, context.caller.userId ?? null) : null;
    },
    GroupExpense: resolveThroughLoader(deps.loaders.expense, GroupExpense.from),
    GroupSavingsGoal: resolveThroughLoader(deps.loaders.goal, (view) => GroupSavingsGoal.from(view, deps.goals.today())),
  }),
  consumers: (deps) => [
    ledgerAccountsConsumer(deps.accounts),
    userDeletionConsumer("groups", async (manager, userId, traceId) => {
      // Memberships become "Deleted user" placeholders: the others' balances and history stay exact.
      await deps.members.anonymiseUser(manager, userId, traceId);
      await deps.accounts.purgeUser(manager, userId);
      await deps.idempotency.purgeUser(manager, userId);
    }),
  ],
});
