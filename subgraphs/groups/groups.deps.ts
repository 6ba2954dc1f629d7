import type { LoaderFactory } from "../../platform/graphql/index.js";
import type { IdempotencyKeys, ScheduledPurge } from "../../platform/idempotency/index.js";
import type { LedgerAccountsReadModel } from "../../platform/read-models/index.js";
import type { ActivityRow, ActivityService } from "./activity/activity.service.js";
import type { BalanceService } from "./balances/balance.service.js";
import type { CommentService, GroupCommentRow } from "./comments/comment.service.js";
import type { ExpenseEntity } from "./expenses/expense.entity.js";
import type { ExpenseService } from "./expenses/expense.service.js";
import type { ExpenseLineEntity } from "./expenses/expense-line.entity.js";
import type { ExpenseQueryService } from "./expenses/expense-query.service.js";
import type { MemberAmount } from "./expenses/split.js";
import type { GroupGoalService, GroupGoalView } from "./goals/group-goal.service.js";
import type { GroupEntity } from "./groups/group.entity.js";
import type { GroupService } from "./groups/group.service.js";
import type { InviteService } from "./invites/invite.service.js";
import type { MemberEntity } from "./members/member.entity.js";
import type { MemberService } from "./members/member.service.js";
import type { SettlementEntity } from "./settlements/settlement.entity.js";
import type { SettlementService } from "./settlements/settlement.service.js";

/** Every loader is scoped to the caller's groups in SQL (or only ever fed ids that already were). */
export interface GroupsLoaders {
  group: LoaderFactory<string, GroupEntity | null>;
  /** groupId → its members in join order, removed ones included. */
  membersByGroup: LoaderFactory<string, MemberEntity[]>;
  member: LoaderFactory<string, MemberEntity | null>;
  /** groupId → balances. */
  balances: LoaderFactory<string, MemberAmount[]>;
  expense: LoaderFactory<string, ExpenseEntity | null>;
  /** expenseId → lines in join order. */
  expenseLines: LoaderFactory<string, ExpenseLineEntity[]>;
  /** groupId → newest live expense. */
  latestExpense: LoaderFactory<string, ExpenseEntity | null>;
  /** "groupId|first" → newest settlements. */
  settlements: LoaderFactory<string, SettlementEntity[]>;
  goal: LoaderFactory<string, GroupGoalView | null>;
  /** "groupId|includeArchived" → goals, oldest first. */
  goalsByGroup: LoaderFactory<string, GroupGoalView[]>;
  /** goalId → per-member net contributions, largest first. */
  contributions: LoaderFactory<string, Array<{ memberId: string; amountMinor: bigint }>>;
  settlement: LoaderFactory<string, { settlement: SettlementEntity; currency: string } | null>;
  comment: LoaderFactory<string, GroupCommentRow | null>;
  /** expense or settlement id → its live comments, oldest first. */
  commentThread: LoaderFactory<string, GroupCommentRow[]>;
  activity: LoaderFactory<string, ActivityRow | null>;
}

/** Everything groups' resolvers and consumers are built from. */
export interface GroupsDeps {
  groups: GroupService;
  members: MemberService;
  invites: InviteService;
  balances: BalanceService;
  expenses: ExpenseService;
  expenseQueries: ExpenseQueryService;
  settlements: SettlementService;
  goals: GroupGoalService;
  comments: CommentService;
  activity: ActivityService;
  /** The users' ledger accounts as groups knows them (from ledger.account.v1). */
  accounts: LedgerAccountsReadModel;
  idempotency: IdempotencyKeys;
  idempotencyPurge: ScheduledPurge;
  loaders: GroupsLoaders;
}
